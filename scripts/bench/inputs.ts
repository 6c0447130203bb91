/**
 * Benchmark inputs in every format, all made from real documents: the press-release fixtures
 * (as they are, as PDFs of their text, as XLSX of their tables) and the shared corpus's filings.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFormatInProcess } from '../../src/parse/index.ts';
import { buildPdfPages } from '../../test/hostile/_pdf.ts';
import { buildZip, xlsxParts } from '../../test/hostile/_zip.ts';
import { SHARED_CORPUS, type Template } from './corpus.ts';

export interface Input {
  name: string;
  bytes: Uint8Array;
}

/** PDF text is latin1 in a standard font: typographic punctuation becomes its ASCII twin. */
function latin1(s: string): string {
  return s
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\xff]/g, ' ');
}

function wrap(text: string, width = 95): string[] {
  const out: string[] = [];
  for (const para of text.split('\n\n')) {
    let line = '';
    for (const word of para.split(/\s+/)) {
      if (line && line.length + word.length + 1 > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(line);
    out.push('');
  }
  return out;
}

/** Each fixture's parsed text laid out on PDF pages of 60 lines. */
export async function pdfInputs(templates: readonly Template[]): Promise<Input[]> {
  const out: Input[] = [];
  for (const t of templates) {
    const doc = await parseFormatInProcess(t.bytes, t.kind);
    const lines = wrap(latin1(doc.text));
    const pages: string[][] = [];
    for (let i = 0; i < lines.length; i += 60) pages.push(lines.slice(i, i + 60));
    out.push({ name: `${t.ticker}/${t.name}.pdf`, bytes: buildPdfPages(pages) });
  }
  return out;
}

/** Each HTML fixture's tables as sheets of an XLSX workbook (fixtures without tables are skipped). */
export async function xlsxInputs(templates: readonly Template[]): Promise<Input[]> {
  const out: Input[] = [];
  for (const t of templates) {
    if (t.kind !== 'html') continue;
    const doc = await parseFormatInProcess(t.bytes, 'html');
    if (!doc.tables.length) continue;
    const sheets = doc.tables.map((tb, i) => ({ name: `Table ${i + 1}`, rows: tb.rows }));
    out.push({ name: `${t.ticker}/${t.name}.xlsx`, bytes: buildZip(xlsxParts(sheets)) });
  }
  return out;
}

/** A filing from ../shared/corpus/sec, when the shared folder is there. */
export function corpusFile(rel: string): Input | undefined {
  const p = join(SHARED_CORPUS, 'sec', rel);
  return existsSync(p) ? { name: rel, bytes: readFileSync(p) } : undefined;
}

/** Every filing in ../shared/corpus/sec (10-K, 10-Q, 6-K), for the "all filings" row. */
export function corpusFilings(): Input[] {
  const base = join(SHARED_CORPUS, 'sec');
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .sort()
    .flatMap((t) => readdirSync(join(base, t)).sort().map((f) => ({ name: `${t}/${f}`, bytes: readFileSync(join(base, t, f)) })));
}
