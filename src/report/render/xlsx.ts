/**
 * One workbook: Summary, Treasury, Production, Costs, Network, Facts (then League, Changes,
 * Fleet, Adjustments, About). Numbers are stored as numbers with a number format, dates as
 * dates; each sheet has its header row frozen, an autofilter and column widths.
 *
 * Formula injection: a text cell beginning with = + - @, tab or CR gets a leading
 * apostrophe (neutralizeFormula), because snippets are scraped from documents and a
 * spreadsheet must never run them. Cells are written as type "s", never as formulas.
 */
import { createRequire } from 'node:module';
import type * as XlsxNs from 'xlsx';
import { neutralizeFormula } from '../../format/cells.ts';
import type { ReportModel } from '../model.ts';
import type { ColKind } from '../tables.ts';
import { spreadsheetTables, type FlatTable } from './flat.ts';

export const SHEET_NAMES: Record<string, string> = {
  summary: 'Summary',
  treasury: 'Treasury',
  production: 'Production',
  costs: 'Costs',
  network_monthly: 'Network',
  facts: 'Facts',
  league: 'League',
  what_changed: 'Changes',
  fleet: 'Fleet',
  network_adjustments: 'Adjustments',
};

export const NUMBER_FORMATS: Partial<Record<ColKind, string>> = {
  int: '0',
  btc: '#,##0.00',
  usd: '"$"#,##0',
  usd_per_btc: '"$"#,##0',
  pct: '0.0%',
  ehs: '0.00',
  jth: '0.00',
  mw: '#,##0',
  usd_kwh: '"$"0.0000',
  usd_ph_day: '"$"0.00',
  ratio: '0.0000',
  difficulty: '#,##0',
  date: 'yyyy-mm-dd',
};

// the CommonJS build: its ESM namespace does not expose CFB (the zip container), which freezing panes needs
const XLSX = createRequire(import.meta.url)('xlsx') as typeof XlsxNs;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function excelDate(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;
}

function sheetOf(t: FlatTable): XlsxNs.WorkSheet {
  const ws: XlsxNs.WorkSheet = {};
  const put = (r: number, c: number, cell: XlsxNs.CellObject) => {
    ws[XLSX.utils.encode_cell({ r, c })] = cell;
  };
  t.columns.forEach((col, c) => put(0, c, { t: 's', v: col.header }));
  t.rows.forEach((row, i) => {
    row.forEach((v, c) => {
      if (v === null || v === '') return;
      const kind = t.columns[c]!.kind;
      if (typeof v === 'number') {
        put(i + 1, c, { t: 'n', v, z: NUMBER_FORMATS[kind] ?? 'General' });
      } else if (kind === 'date' && ISO_DATE.test(v)) {
        put(i + 1, c, { t: 'n', v: excelDate(v), z: NUMBER_FORMATS.date! });
      } else {
        const cell: XlsxNs.CellObject = { t: 's', v: neutralizeFormula(v) };
        const first = v.split(' ')[0]!;
        if ((kind === 'url' || kind === 'sources') && /^https?:\/\//.test(first)) cell.l = { Target: first };
        put(i + 1, c, cell);
      }
    });
  });
  const lastCol = Math.max(0, t.columns.length - 1);
  const ref = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: t.rows.length, c: lastCol } });
  ws['!ref'] = ref;
  ws['!autofilter'] = { ref };
  ws['!cols'] = t.columns.map((col) => ({ wch: col.width ?? Math.min(40, Math.max(10, col.header.length + 2)) }));
  return ws;
}

function aboutSheet(m: ReportModel): XlsxNs.WorkSheet {
  const rows: [string, string][] = [
    ['Report', m.title],
    ['Network as of', m.asOf ?? 'no network data'],
    ['Marker †', m.legend.conflicted],
    ['Marker ‡', m.legend.derived],
    ['Flags column', 'lists the cells of a row that are conflicted (†) or computed (‡)'],
    ['Formula safety', "text cells beginning with = + - @, tab or CR carry a leading apostrophe so they are never run as formulas"],
    ['BTC price source', m.network.priceSource],
    ...m.network.origins.map((o): [string, string] => [`Network data: ${o.file}`, `${o.repo} ${o.path} @ ${o.commit}`]),
  ];
  return sheetOf({
    id: 'about',
    title: 'About',
    columns: [
      { header: 'Item', kind: 'text', width: 28 },
      { header: 'Text', kind: 'text', width: 110 },
    ],
    rows: rows,
  });
}

/**
 * SheetJS community edition does not write frozen panes, so the sheet XML is patched in the
 * zip: a pane below row 1 in every sheet's view.
 */
function freezeHeaderRows(buf: Buffer, sheetCount: number): Buffer {
  const zip = XLSX.CFB.read(buf, { type: 'buffer' });
  for (let i = 1; i <= sheetCount; i++) {
    const entry = XLSX.CFB.find(zip, `/xl/worksheets/sheet${i}.xml`);
    if (!entry?.content) continue;
    const xml = Buffer.from(entry.content as Uint8Array).toString('utf8');
    const patched = xml.replace(
      /<sheetView ([^>]*?)\/>/,
      '<sheetView $1><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>',
    );
    entry.content = Buffer.from(patched, 'utf8');
    entry.size = entry.content.length;
  }
  return Buffer.from(XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }) as Uint8Array);
}

export function renderXlsx(m: ReportModel): Buffer {
  const wb = XLSX.utils.book_new();
  for (const t of spreadsheetTables(m)) XLSX.utils.book_append_sheet(wb, sheetOf(t), SHEET_NAMES[t.id] ?? t.id.slice(0, 31));
  XLSX.utils.book_append_sheet(wb, aboutSheet(m), 'About');
  // compressed once, when the patched zip is written
  const buf = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: false }) as Buffer;
  return freezeHeaderRows(buf, wb.SheetNames.length);
}
