/**
 * One workbook: Summary, Treasury, Production, Costs, Network, Facts (then League, Changes,
 * Fleet, Adjustments, About). Numbers are stored as numbers with a number format, dates as
 * dates; each sheet has its header row frozen, an autofilter and column widths.
 *
 * The SpreadsheetML is written here directly (shared strings, one style per number format,
 * hyperlinks as sheet relationships) and zipped with node's zlib: SheetJS community edition
 * cannot freeze panes and spent most of the report's render time writing and deflating.
 *
 * Formula injection: a text cell beginning with = + - @, tab or CR gets a leading
 * apostrophe (neutralizeFormula), because snippets are scraped from documents and a
 * spreadsheet must never run them. Text is only ever written as a shared string, never as
 * a formula.
 */
import { neutralizeFormula } from '../../format/cells.ts';
import type { ReportModel } from '../model.ts';
import type { ColKind } from '../tables.ts';
import { zip, type ZipEntry } from './_zip.ts';
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
  about: 'About',
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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Excel refuses longer cell text and longer hyperlink targets
const MAX_CELL_CHARS = 32_767;
const MAX_LINK_CHARS = 2_000;

// a report repeats a few hundred dates tens of thousands of times
const serials = new Map<string, number>();
function excelDate(iso: string): number {
  let n = serials.get(iso);
  if (n === undefined) {
    n = Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;
    if (serials.size < 100_000) serials.set(iso, n);
  }
  return n;
}

/**
 * XML text: the five entities, plus the control characters XML 1.0 cannot carry, written
 * as SpreadsheetML's _xHHHH_ escapes (and a literal "_xHHHH_" escaped so it reads back as typed).
 */
export function xmlText(s: string): string {
  if (!/[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9a-fA-F]{4}_/.test(s)) return s;
  return s
    .replace(/_(x[0-9a-fA-F]{4}_)/g, '_x005F_$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u001f]/g, ' ');
}

/** "A", "B", … "Z", "AA" … */
function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Shared strings and number-format styles across the workbook. */
class Book {
  private readonly strings = new Map<string, number>();
  private readonly stringList: string[] = [];
  stringRefs = 0;
  /** style index by format code; 0 is General */
  private readonly styles = new Map<string, number>();
  private readonly formats: string[] = [];

  str(s: string): number {
    this.stringRefs++;
    let i = this.strings.get(s);
    if (i === undefined) {
      i = this.stringList.length;
      this.strings.set(s, i);
      this.stringList.push(s);
    }
    return i;
  }

  /** cell style of a number format: 0 is General, 1 the bold header, then one per format */
  style(code: string | undefined): number {
    if (!code) return 0;
    let i = this.styles.get(code);
    if (i === undefined) {
      this.formats.push(code);
      i = this.formats.length + 1;
      this.styles.set(code, i);
    }
    return i;
  }

  sharedStringsXml(): string {
    const items = this.stringList.map((s) => (/^\s|\s$|\n/.test(s) ? `<si><t xml:space="preserve">${xmlText(s)}</t></si>` : `<si><t>${xmlText(s)}</t></si>`));
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.stringRefs}" uniqueCount="${this.stringList.length}">${items.join('')}</sst>`;
  }

  stylesXml(): string {
    const numFmts = this.formats.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${attr(code)}"/>`).join('');
    const xfs = this.formats.map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('');
    return [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      this.formats.length ? `<numFmts count="${this.formats.length}">${numFmts}</numFmts>` : '',
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>',
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      `<cellXfs count="${this.formats.length + 2}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>${xfs}</cellXfs>`,
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      '</styleSheet>',
    ].join('');
  }
}

interface SheetXml {
  xml: string;
  rels: string | null;
  ref: string;
}

const HEADER_STYLE = 1;

function sheetXml(book: Book, t: FlatTable): SheetXml {
  const lastCol = colName(Math.max(0, t.columns.length - 1));
  const ref = `A1:${lastCol}${t.rows.length + 1}`;
  const names = t.columns.map((_, c) => colName(c));
  const styleOf = t.columns.map((col) => book.style(NUMBER_FORMATS[col.kind]));
  const dateStyle = book.style(NUMBER_FORMATS.date);
  const links: { at: string; target: string }[] = [];
  const rows: string[] = [];
  rows.push(`<row r="1">${t.columns.map((col, c) => `<c r="${names[c]}1" s="${HEADER_STYLE}" t="s"><v>${book.str(col.header)}</v></c>`).join('')}</row>`);
  for (let i = 0; i < t.rows.length; i++) {
    const row = t.rows[i]!;
    const r = i + 2;
    let cells = '';
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined || v === '') continue;
      const at = `${names[c]}${r}`;
      const kind = t.columns[c]!.kind;
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) continue;
        const s = styleOf[c]!;
        cells += s ? `<c r="${at}" s="${s}"><v>${v}</v></c>` : `<c r="${at}"><v>${v}</v></c>`;
      } else if (kind === 'date' && ISO_DATE.test(v)) {
        cells += `<c r="${at}" s="${dateStyle}"><v>${excelDate(v)}</v></c>`;
      } else {
        const text = neutralizeFormula(v);
        cells += `<c r="${at}" t="s"><v>${book.str(text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text)}</v></c>`;
        if (kind === 'url' || kind === 'sources') {
          const first = v.split(' ', 1)[0]!;
          if (/^https?:\/\//i.test(first) && first.length <= MAX_LINK_CHARS) links.push({ at, target: first });
        }
      }
    }
    rows.push(`<row r="${r}">${cells}</row>`);
  }
  const cols = t.columns.map((col, c) => `<col min="${c + 1}" max="${c + 1}" width="${col.width ?? Math.min(40, Math.max(10, col.header.length + 2))}" customWidth="1"/>`).join('');
  const xml = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    `<dimension ref="${ref}"/>`,
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/>',
    `<cols>${cols}</cols>`,
    `<sheetData>${rows.join('')}</sheetData>`,
    `<autoFilter ref="${ref}"/>`,
    links.length ? `<hyperlinks>${links.map((l, i) => `<hyperlink ref="${l.at}" r:id="rId${i + 1}"/>`).join('')}</hyperlinks>` : '',
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    '</worksheet>',
  ].join('');
  const rels = links.length
    ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${links
        .map((l, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${attr(l.target)}" TargetMode="External"/>`)
        .join('')}</Relationships>`
    : null;
  return { xml, rels, ref };
}

function aboutTable(m: ReportModel): FlatTable {
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
  return {
    id: 'about',
    title: 'About',
    columns: [
      { header: 'Item', kind: 'text', width: 28 },
      { header: 'Text', kind: 'text', width: 110 },
    ],
    rows,
  };
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(id: string, taken: Set<string>): string {
  const base = (SHEET_NAMES[id] ?? id).replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

const enc = (s: string) => Buffer.from(s, 'utf8');

export function renderXlsx(m: ReportModel): Buffer {
  const book = new Book();
  const taken = new Set<string>();
  const sheets = [...spreadsheetTables(m), aboutTable(m)].map((t) => ({ name: sheetName(t.id, taken), ...sheetXml(book, t) }));
  const rel = (type: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}`;
  const entries: ZipEntry[] = [
    {
      name: '[Content_Types].xml',
      data: enc(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
          .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
          .join(
            '',
          )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: enc(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel('officeDocument')}" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: enc(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>${sheets
          .map((s, i) => `<sheet name="${attr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join('')}</sheets><definedNames>${sheets
          .map((s, i) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${attr(s.name.replace(/'/g, "''"))}'!${s.ref.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}</definedName>`)
          .join('')}</definedNames></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: enc(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
          .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel('worksheet')}" Target="worksheets/sheet${i + 1}.xml"/>`)
          .join('')}<Relationship Id="rId${sheets.length + 1}" Type="${rel('styles')}" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="${rel('sharedStrings')}" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/styles.xml', data: enc(book.stylesXml()) },
    { name: 'xl/sharedStrings.xml', data: enc(book.sharedStringsXml()) },
  ];
  sheets.forEach((s, i) => {
    entries.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: enc(s.xml) });
    if (s.rels) entries.push({ name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, data: enc(s.rels) });
  });
  return zip(entries);
}
