/**
 * One CSV per table. Text cells that a spreadsheet would run as a formula (starting with
 * = + - @, tab or CR) get a leading apostrophe: snippets are scraped text and must never
 * execute when an analyst opens the file. Numbers are written as numbers.
 */
import { csvField } from '../../format/cells.ts';
import type { ReportModel } from '../model.ts';
import { spreadsheetTables, type FlatTable } from './flat.ts';

export function tableToCsv(t: FlatTable): string {
  const lines = [t.columns.map((c) => csvField(c.header)).join(',')];
  for (const r of t.rows) lines.push(r.map((v) => csvField(v)).join(','));
  return `${lines.join('\n')}\n`;
}

/** file name → CSV text */
export function renderCsv(m: ReportModel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of spreadsheetTables(m)) out[`${t.id}.csv`] = tableToCsv(t);
  return out;
}
