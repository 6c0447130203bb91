import { createRequire } from 'node:module';
import { inflateRawSync } from 'node:zlib';
import type { ParsedDocument } from '../model/parsed.ts';
import { ParseError } from '../errors.ts';
import { DocumentBuilder } from './_build.ts';

/** Rows read per sheet at most: a sheet of production figures is small; a bigger one is hostile or not ours. */
export const MAX_ROWS_PER_SHEET = 20_000;

/**
 * Bounds on a workbook's zip container, checked before anything is inflated. EDGAR's
 * Financial_Report.xlsx and issuers' production workbooks are a few MB inflated; a part that
 * inflates past these is a zip bomb or not a workbook we want.
 */
export const XLSX_LIMITS = {
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 96 * 1024 * 1024,
  maxEntries: 2_000,
} as const;
export type XlsxLimits = { maxEntryBytes: number; maxTotalBytes: number; maxEntries: number };

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate */
  method: number;
  compressedBytes: number;
  /** the larger of what the central directory and the local header declare */
  declaredBytes: number;
  /** where the entry's compressed data starts */
  dataOffset: number;
}

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;

/**
 * Reads a zip's central directory the way xlsx 0.18.5 does (last end-of-directory record, then
 * each entry's local header, which xlsx trusts over the directory) and refuses, without
 * inflating anything, a container whose parts declare more than the limits. Declared sizes can
 * lie; verifyZipInflation checks the real ones with a bounded inflate.
 */
export function inspectZip(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0 && i >= buf.length - 22 - 0xffff; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ParseError('not a readable spreadsheet (no zip end-of-directory record: truncated?)');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (count > limits.maxEntries) throw new ParseError(`the spreadsheet's zip has ${count} parts, over the ${limits.maxEntries}-part cap`);
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CDH) {
      throw new ParseError(`not a readable spreadsheet (zip directory entry ${n + 1} of ${count} is damaged)`);
    }
    const method = buf.readUInt16LE(at + 10);
    const cdCompressed = buf.readUInt32LE(at + 20);
    const cdSize = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, Math.min(buf.length, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LFH) {
      throw new ParseError(`not a readable spreadsheet (zip part "${name}" has no local header: truncated?)`);
    }
    const localCompressed = buf.readUInt32LE(local + 18);
    const localSize = buf.readUInt32LE(local + 22);
    const dataOffset = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const declaredBytes = Math.max(cdSize, localSize);
    if (cdSize === 0xffffffff || localSize === 0xffffffff) throw new ParseError(`the spreadsheet's zip part "${name}" is zip64 (over 4 GB declared)`);
    if (declaredBytes > limits.maxEntryBytes) {
      throw new ParseError(`the spreadsheet's part "${name}" would inflate to ${declaredBytes} bytes, over the ${limits.maxEntryBytes}-byte cap (zip bomb?)`);
    }
    total += declaredBytes;
    if (total > limits.maxTotalBytes) {
      throw new ParseError(`the spreadsheet's parts would inflate to over ${limits.maxTotalBytes} bytes in all (zip bomb?)`);
    }
    entries.push({ name, method, compressedBytes: Math.max(cdCompressed, localCompressed), declaredBytes, dataOffset });
  }
  return entries;
}

/**
 * Inflates every deflated part with an output cap of its declared size (+1 byte to notice a
 * lie), so a part that claims 1 KB and inflates to 1 GB stops at 1 KB + 1 instead of filling
 * memory. xlsx inflates again afterwards; by then every part is known to be as small as declared.
 */
export function verifyZipInflation(bytes: Uint8Array, entries: readonly ZipEntry[]): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    if (e.method !== 8) continue;
    let out: Buffer;
    try {
      // xlsx reads from the data offset to the end of the buffer and stops at the deflate end
      out = inflateRawSync(buf.subarray(e.dataOffset), { maxOutputLength: e.declaredBytes + 1 });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ParseError(`the spreadsheet's part "${e.name}" inflates past its declared ${e.declaredBytes} bytes (zip bomb?)`);
      }
      throw new ParseError(`not a readable spreadsheet (zip part "${e.name}": ${(err as Error).message})`, {}, { cause: err });
    }
    if (out.length > e.declaredBytes) {
      throw new ParseError(`the spreadsheet's part "${e.name}" inflates past its declared ${e.declaredBytes} bytes (zip bomb?)`);
    }
  }
}

const GUARDED_PROTOTYPES: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];

type Snapshot = Map<string | symbol, PropertyDescriptor>[];

function snapshotPrototypes(): Snapshot {
  return GUARDED_PROTOTYPES.map(([, proto]) => {
    const m = new Map<string | symbol, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(proto)) m.set(key, Object.getOwnPropertyDescriptor(proto, key)!);
    return m;
  });
}

function sameDescriptor(a: PropertyDescriptor, b: PropertyDescriptor): boolean {
  return a.value === b.value && a.get === b.get && a.set === b.set && a.writable === b.writable && a.enumerable === b.enumerable;
}

/**
 * Puts the guarded prototypes back as they were and names what a crafted file changed
 * (xlsx 0.18.5, CVE-2023-30533: a comment whose ref is "__proto__" writes onto Object.prototype).
 */
function restorePrototypes(before: Snapshot): string[] {
  const changed: string[] = [];
  GUARDED_PROTOTYPES.forEach(([label, proto], i) => {
    const was = before[i]!;
    for (const key of Reflect.ownKeys(proto)) {
      const now = Object.getOwnPropertyDescriptor(proto, key)!;
      const old = was.get(key);
      if (!old) {
        changed.push(`${label}.${String(key)}`);
        delete (proto as Record<string | symbol, unknown>)[key];
      } else if (!sameDescriptor(old, now)) {
        changed.push(`${label}.${String(key)}`);
        Object.defineProperty(proto, key, old);
      }
    }
  });
  return changed;
}

type XlsxLib = typeof import('xlsx');
let xlsxLib: XlsxLib | undefined;
/** xlsx (and its code-page tables) loads on the first workbook, not with every import of this module. */
function loadXlsx(): XlsxLib {
  xlsxLib ??= createRequire(import.meta.url)('xlsx') as XlsxLib;
  return xlsxLib;
}

export interface WorkbookSheets {
  sheets: { name: string; rows: string[][] }[];
  warnings: string[];
}

/**
 * The one place xlsx reads untrusted bytes. Synchronous from snapshot to restore, so no other
 * code of this realm can observe a prototype the file polluted; a file that pollutes is refused.
 * ingest runs this in a throw-away worker thread (see _worker-host.ts), a separate realm, so
 * even a pollution this check missed dies with the worker.
 */
export function readWorkbook(bytes: Uint8Array): WorkbookSheets {
  const XLSX = loadXlsx();
  const before = snapshotPrototypes();
  let result: WorkbookSheets | undefined;
  let failure: unknown;
  const warnings: string[] = [];
  try {
    const wb = XLSX.read(bytes, {
      type: 'buffer',
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false,
      sheetRows: MAX_ROWS_PER_SHEET,
    });
    const sheets: WorkbookSheets['sheets'] = [];
    for (const name of wb.SheetNames) {
      // xlsx stores sheets by name in a plain object: "__proto__" replaces its prototype instead
      if (!Object.hasOwn(wb.Sheets, name)) {
        warnings.push(`sheet "${name}" was not read: its name is reserved in JavaScript objects`);
        continue;
      }
      const sheet = wb.Sheets[name]!;
      const raw = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: true });
      const rows = raw.map((r) => (Array.isArray(r) ? r.map((c) => (c === null || c === undefined ? '' : String(c))) : []));
      spreadMerges(rows, sheet['!merges'] ?? [], XLSX.utils.decode_range(sheet['!ref'] ?? 'A1'));
      sheets.push({ name: String(name), rows: rows.filter((r) => r.some((c) => c.trim() !== '')) });
    }
    result = { sheets, warnings };
  } catch (err) {
    failure = err;
  }
  const changed = restorePrototypes(before);
  if (changed.length) {
    throw new ParseError(`the spreadsheet is crafted to modify ${changed.slice(0, 3).join(', ')} (prototype pollution, CVE-2023-30533); refused`);
  }
  if (failure !== undefined || !result) {
    const msg = failure instanceof Error ? failure.message : String(failure);
    throw new ParseError(`not a readable spreadsheet (${msg})`, {}, { cause: failure });
  }
  return result;
}

type CellRange = { s: { r: number; c: number }; e: { r: number; c: number } };

/**
 * A merged header ("3 Months Ended" over two date columns, as in EDGAR's Financial_Report.xlsx)
 * keeps its text only in its top-left cell; repeat it across the merge's columns so every column
 * below it carries its caption, as an HTML colspan reads. Only the merge's first row is filled,
 * and only within the sheet's range (a crafted merge cannot grow the rows).
 */
function spreadMerges(rows: string[][], merges: readonly CellRange[], ref: CellRange): void {
  for (const m of merges.slice(0, 10_000)) {
    const r = m.s.r - ref.s.r;
    const row = rows[r];
    if (!row || m.e.c <= m.s.c) continue;
    const from = m.s.c - ref.s.c;
    const text = row[from];
    if (!text?.trim()) continue;
    const to = Math.min(m.e.c - ref.s.c, ref.e.c - ref.s.c, from + 256);
    for (let c = from + 1; c <= to; c++) if (!row[c]?.trim()) row[c] = text;
  }
}

/** Zip-based workbooks start with a local file header; legacy .xls is an OLE compound file. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * XLSX/XLS → one table per sheet (every sheet as rows of formatted cell text). Formulas, styles
 * and VBA are not read. EDGAR's Financial_Report.xlsx has one sheet per statement; the sheet
 * name becomes the table's context. Zip containers are size-checked before xlsx inflates them.
 */
export function parseXlsx(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): ParsedDocument {
  if (isZip(bytes)) verifyZipInflation(bytes, inspectZip(bytes, limits));
  const { sheets, warnings } = readWorkbook(bytes);
  const b = new DocumentBuilder();
  b.warnings.push(...warnings);
  for (const { name, rows } of sheets) {
    b.addBlock(name, { role: 'heading' });
    b.addTable(rows, { sheet: name });
  }
  return b.build('xlsx');
}
