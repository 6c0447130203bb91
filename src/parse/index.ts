import type { ExtractContext } from '../extract/index.ts';
import type { ExtractedFact } from '../model/fact.ts';
import type { ParsedDocument } from '../model/parsed.ts';
import { ParseError } from '../errors.ts';
import { detectFormat, type Format } from './detect.ts';
import { parseInWorker, type ParseLimits } from './_worker-host.ts';
import { extractInProcess, parseFormatInProcess } from './_worker-parse.ts';
import { inspectZip, isZip } from './xlsx.ts';

export { detectFormat, decodeText } from './detect.ts';
export { parseHtml } from './html.ts';
export { parseText } from './text.ts';
export { parsePdf } from './pdf.ts';
export { parseXlsx } from './xlsx.ts';
export { parseWorkerStats, stopParseWorkers, type ParseLimits } from './_worker-host.ts';

/** Largest document we parse: the biggest 10-K with inline XBRL is under 20 MB. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

function envNumber(name: string): number | undefined {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : undefined;
}

/**
 * Per-document bounds. A 3.6 MB inline-XBRL 10-Q parses and extracts in well under a second and
 * a few hundred MB; 30 s and 1 GB leave room for a loaded machine and the largest filings, and
 * stop a hostile file long before it stalls a run. HASHLEDGER_PARSE_TIMEOUT_MS and
 * HASHLEDGER_PARSE_HEAP_MB override them.
 */
export function defaultParseLimits(): ParseLimits {
  return {
    timeoutMs: envNumber('HASHLEDGER_PARSE_TIMEOUT_MS') ?? 30_000,
    maxHeapMb: envNumber('HASHLEDGER_PARSE_HEAP_MB') ?? 1024,
  };
}

export interface ParseOptions extends Partial<ParseLimits> {
  maxBytes?: number;
  /** false parses in this thread with no time or memory bound (debugging, pure-function tests) */
  isolate?: boolean;
}

/** Size cap and format, decided before any thread is involved. */
function admit(bytes: Uint8Array, opts: ParseOptions): Format {
  const max = opts.maxBytes ?? MAX_DOCUMENT_BYTES;
  if (bytes.length === 0) throw new ParseError('the file is empty');
  if (bytes.length > max) throw new ParseError(`the file is ${bytes.length} bytes, over the ${max}-byte cap`);
  const format = detectFormat(bytes);
  if (!format) throw new ParseError('binary content that is not PDF or XLSX');
  // refuse a zip bomb by its directory before any thread inflates it
  if (format === 'xlsx' && isZip(bytes)) inspectZip(bytes);
  return format;
}

function limitsFor(format: Format, opts: ParseOptions): ParseLimits & { fresh: boolean } {
  const d = defaultParseLimits();
  return { timeoutMs: opts.timeoutMs ?? d.timeoutMs, maxHeapMb: opts.maxHeapMb ?? d.maxHeapMb, fresh: format === 'xlsx' };
}

/**
 * Bytes → ParsedDocument, the format decided from the content. Parsing runs in a worker thread
 * bounded in time and heap (a spreadsheet in a thread of its own, thrown away after), so a
 * hostile document costs at most the bounds and cannot touch this thread's objects. Throws
 * ParseError with a one-line reason; callers add the file name.
 */
export async function parseDocument(bytes: Uint8Array, opts: ParseOptions = {}): Promise<ParsedDocument> {
  const format = admit(bytes, opts);
  if (opts.isolate === false) return parseFormatInProcess(bytes, format);
  return (await parseInWorker(bytes, format, limitsFor(format, opts))).doc;
}

/**
 * Parse and extract under one set of bounds, in the same worker: the extractor's time on a
 * hostile document (a megabyte-long sentence full of numbers) is bounded like the parser's.
 * The facts still need validating; this only bounds the work.
 */
export async function parseAndExtract(
  bytes: Uint8Array,
  ctx: ExtractContext,
  opts: ParseOptions = {},
): Promise<{ doc: ParsedDocument; facts: ExtractedFact[] }> {
  const format = admit(bytes, opts);
  if (opts.isolate === false) {
    const doc = await parseFormatInProcess(bytes, format);
    return { doc, facts: await extractInProcess(doc, ctx) };
  }
  const r = await parseInWorker(bytes, format, limitsFor(format, opts), ctx);
  return { doc: r.doc, facts: r.facts ?? [] };
}

export { parseFormatInProcess } from './_worker-parse.ts';
