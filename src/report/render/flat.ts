/**
 * Tables as rows of plain values for the spreadsheet formats (CSV, XLSX): numbers stay
 * numbers, sources become URLs, and the † / ‡ markers move to a Flags column so no number
 * is turned into text.
 */
import { isCell, isSources, rawOf } from '../display.ts';
import type { ReportModel } from '../model.ts';
import {
  adjustmentsTable,
  changesTable,
  costsTable,
  factsTable,
  fleetTable,
  leagueTable,
  monthsTable,
  productionTable,
  summaryTable,
  treasuryTable,
  type Column,
  type Table,
} from '../tables.ts';

export type Plain = string | number | null;

export interface FlatTable {
  id: string;
  title: string;
  columns: Column[];
  rows: Plain[][];
  note?: string;
}

/** Flags text for one row: "Realized price (USD/BTC) ‡; Sold (BTC) †". */
function flagsOf(t: Table, row: Table['rows'][number]): string {
  const out: string[] = [];
  row.forEach((v, i) => {
    if (!isCell(v) || v.value === null) return;
    const mark = `${v.conflicted ? '†' : ''}${v.derived ? '‡' : ''}`;
    if (mark) out.push(`${t.columns[i]!.header} ${mark}`);
  });
  return out.join('; ');
}

export function flatten(t: Table): FlatTable {
  const hasCells = t.rows.some((r) => r.some(isCell));
  const columns = hasCells ? [...t.columns, { header: 'Flags († conflicted, ‡ computed)', kind: 'text' as const, width: 40 }] : t.columns;
  const rows = t.rows.map((r) => {
    const plain: Plain[] = r.map((v) => {
      if (isSources(v)) return v.map((s) => s.url ?? '').filter(Boolean).join(' ') || null;
      const raw = rawOf(v);
      return typeof raw === 'boolean' ? (raw ? 'yes' : 'no') : raw;
    });
    if (hasCells) plain.push(flagsOf(t, r) || null);
    return plain;
  });
  return { id: t.id, title: t.title, columns, rows, ...(t.note ? { note: t.note } : {}) };
}

// CSV and XLSX both ask for the same model's tables; the model is never changed once built
const cache = new WeakMap<ReportModel, FlatTable[]>();

/** The spreadsheet tables in sheet order; the first six are the workbook's named sheets. */
export function spreadsheetTables(m: ReportModel): FlatTable[] {
  let tables = cache.get(m);
  if (!tables) {
    tables = buildTables(m);
    cache.set(m, tables);
  }
  return tables;
}

function buildTables(m: ReportModel): FlatTable[] {
  const wantTreasury = m.kinds.includes('treasury');
  const wantCosts = m.kinds.includes('costs');
  return [
    summaryTable(m),
    ...(wantTreasury ? [treasuryTable(m.treasury.rows), productionTable(m.production)] : []),
    ...(wantCosts ? [costsTable(m.costs.groups)] : []),
    monthsTable(m),
    factsTable(m.facts),
    ...(wantTreasury ? [leagueTable(m.treasury.league)] : []),
    changesTable(m.changes),
    ...(wantCosts ? [fleetTable(m.costs.fleet)] : []),
    adjustmentsTable(m),
  ].map(flatten);
}
