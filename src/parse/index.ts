import type { ParsedDocument } from '../model/parsed.ts';
import { ParseError } from '../errors.ts';
import { decodeText, detectFormat } from './detect.ts';
import { parseHtml } from './html.ts';
import { parsePdf } from './pdf.ts';
import { parseText } from './text.ts';
import { parseXlsx } from './xlsx.ts';

export { detectFormat, decodeText } from './detect.ts';
export { parseHtml } from './html.ts';
export { parseText } from './text.ts';
export { parsePdf } from './pdf.ts';
export { parseXlsx } from './xlsx.ts';

/** Largest document we parse: the biggest 10-K with inline XBRL is under 20 MB. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/**
 * Bytes → ParsedDocument, the format decided from the content. Throws ParseError with a
 * one-line reason; callers add the file name.
 */
export async function parseDocument(bytes: Uint8Array, opts: { maxBytes?: number } = {}): Promise<ParsedDocument> {
  const max = opts.maxBytes ?? MAX_DOCUMENT_BYTES;
  if (bytes.length === 0) throw new ParseError('the file is empty');
  if (bytes.length > max) throw new ParseError(`the file is ${bytes.length} bytes, over the ${max}-byte cap`);
  const format = detectFormat(bytes);
  switch (format) {
    case 'pdf':
      return parsePdf(bytes);
    case 'xlsx':
      return parseXlsx(bytes);
    case 'html':
    case 'text': {
      const { text, encoding } = decodeText(bytes);
      const doc = format === 'html' ? parseHtml(text) : parseText(text);
      if (encoding !== 'utf-8') doc.warnings.push(`decoded as ${encoding} (not valid UTF-8)`);
      return doc;
    }
    default:
      throw new ParseError('binary content that is not PDF or XLSX');
  }
}
