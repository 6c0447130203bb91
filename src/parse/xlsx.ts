import * as XLSX from 'xlsx';
import type { ParsedDocument } from '../model/parsed.ts';
import { ParseError } from '../errors.ts';
import { DocumentBuilder } from './_build.ts';

/** Rows read per sheet at most: a sheet of production figures is small; a bigger one is hostile or not ours. */
export const MAX_ROWS_PER_SHEET = 20_000;

/**
 * XLSX/XLS → one table per sheet (every sheet as rows of formatted cell text). Formulas, styles
 * and VBA are not read. EDGAR's Financial_Report.xlsx has one sheet per statement; the sheet
 * name becomes the table's context.
 */
export function parseXlsx(bytes: Uint8Array): ParsedDocument {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'buffer',
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false,
      sheetRows: MAX_ROWS_PER_SHEET,
    });
  } catch (err) {
    throw new ParseError(`not a readable spreadsheet (${(err as Error).message ?? String(err)})`, {}, { cause: err });
  }
  const b = new DocumentBuilder();
  for (const name of wb.SheetNames) {
    const sheet = wb.Sheets[name];
    if (!sheet) continue;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: false });
    b.addBlock(name, { role: 'heading' });
    b.addTable(
      rows.map((r) => (Array.isArray(r) ? r.map((c) => (c === null || c === undefined ? '' : String(c))) : [])),
      { sheet: name },
    );
  }
  return b.build('xlsx');
}
