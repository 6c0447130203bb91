import type { ParsedDocument } from '../model/parsed.ts';

export type Format = ParsedDocument['mediaType'];

/**
 * Decides the format from the bytes, not the file name: a 10-Q saved as .txt is still HTML,
 * and binary garbage named .htm is not. Returns undefined when the bytes look binary.
 */
export function detectFormat(bytes: Uint8Array): Format | undefined {
  if (bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-') return 'pdf';
  // %PDF- may follow a few junk bytes; the spec tolerates up to 1024
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  // legacy .xls (OLE compound file)
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xlsx';
  if (looksBinary(bytes)) return undefined;
  const start = Buffer.from(bytes.subarray(0, 4096)).toString('latin1').replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  if (/^<(!doctype html|html|\?xml|head|body|div|p|table|document|sec-document|xbrl)/.test(start) || /<html[\s>]/.test(start)) {
    return 'html';
  }
  return 'text';
}

/** NUL bytes or many control characters in the first 8 KB mean it is not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i]!;
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  return n > 0 && control / n > 0.05;
}

/**
 * Text from bytes: UTF-8 when it decodes cleanly, else windows-1252 (what older filings and
 * Windows tools write), with a warning so the document records it.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, ''), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * windows-1252 differs from latin1 only in 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ);
 * Node's TextDecoder('windows-1252') decodes as latin1 and turns "–" into a C1 control.
 * The five bytes the code page leaves undefined map to the C1 control, as the WHATWG decoder does.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
