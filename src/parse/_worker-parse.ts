import type { ExtractContext } from '../extract/index.ts';
import type { ExtractedFact } from '../model/fact.ts';
import type { ParsedDocument } from '../model/parsed.ts';
import { ParseError } from '../errors.ts';
import { decodeText, type Format } from './detect.ts';

/**
 * Bytes of a known format → ParsedDocument, in this thread, with no time or memory bound. The
 * parsers are imported on first use so a worker that reads one spreadsheet does not load pdf.js
 * and cheerio too. parseDocument (index.ts) runs this inside a worker thread with limits.
 */
export async function parseFormatInProcess(bytes: Uint8Array, format: Format): Promise<ParsedDocument> {
  try {
    switch (format) {
      case 'pdf':
        return await (await import('./pdf.ts')).parsePdf(bytes);
      case 'xlsx':
        return (await import('./xlsx.ts')).parseXlsx(bytes);
      case 'html':
      case 'text': {
        const { text, encoding } = decodeText(bytes);
        const doc = format === 'html' ? (await import('./html.ts')).parseHtml(text) : (await import('./text.ts')).parseText(text);
        if (encoding !== 'utf-8') doc.warnings.push(`decoded as ${encoding} (not valid UTF-8)`);
        return doc;
      }
    }
  } catch (err) {
    throw asParseError(err);
  }
}

/** A parser's own failure as one ParseError line; a stack overflow means pathological nesting. */
export function asParseError(err: unknown): ParseError {
  if (err instanceof ParseError) return err;
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return new ParseError('the document nests elements too deeply to parse (stack overflow)', {}, { cause: err });
  }
  const e = err as { name?: string; message?: string };
  return new ParseError(`${e?.name ?? 'Error'} while parsing: ${e?.message ?? String(err)}`, {}, { cause: err });
}

/** The extractor, loaded on first use (a worker that only parses does not load it). */
export async function extractInProcess(doc: ParsedDocument, ctx: ExtractContext): Promise<ExtractedFact[]> {
  return (await import('../extract/index.ts')).extractFacts(doc, ctx);
}
