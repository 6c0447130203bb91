import type { ParsedDocument } from '../model/parsed.ts';
import { findDate } from './dates.ts';

/** A release's dateline sits in its opening; past this it is a date in the story, not of it. */
const HEAD_CHARS = 1_500;
/** what follows a dateline's date: a wire's name or the dash that starts the story */
const AFTER_DATE = /^\s*(?:\/\s*PRNewswire|\(\s*GLOBE NEWSWIRE|\/\s*CNW|\(\s*BUSINESS WIRE|\/\s*ACCESSWIRE|\(\s*ACCESSWIRE|\/\s*EINPresswire|\s*[-–—]{1,2}\s|\s*\/)/i;
/** what precedes it: a place in capitals ("LAS VEGAS, ", "HENDERSON, Nev., ", "SYDNEY, Australia, ") */
const BEFORE_DATE = /\b[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][A-Za-z.]*\.?)*,\s*$/;

/** a leading ISO date named as the page's date ("date 2022-10-05", "Published: 2024-05-06") */
const LEAD_ISO = /^\W{0,5}(?:date|published|posted|updated)\s*:?\s*(20\d\d-\d\d-\d\d)\b/i;

/** "*January 6, 2025*" on a line of its own under a headline: the byline's date. */
function aloneOnLine(head: string, at: number, length: number): boolean {
  const lineStart = head.lastIndexOf('\n', at) + 1;
  const nl = head.indexOf('\n', at + length);
  const line = head.slice(lineStart, nl < 0 ? head.length : nl);
  const rest = line.replace(head.slice(at, at + length), '');
  return /^[\s*_|#>-]*(?:(?:published|posted|updated|date)\s*:?\s*)?[\s*_|,.-]*$/i.test(rest);
}

/**
 * The publication date a release states in its dateline ("LAS VEGAS, Nov. 2, 2023 /PRNewswire/"),
 * for documents that arrive without one (a file on disk, `extract` without --date). It anchors
 * "year to date", "last month" and dates written without a year. Only a date that looks like a
 * dateline counts: the first date of a story is often a period end, which must not be taken for
 * the day it was published.
 */
export function inferPublished(doc: ParsedDocument): string | undefined {
  const head = doc.text.slice(0, HEAD_CHARS);
  // a page's own date line: "date 2022-10-05" leading the text
  const lead = LEAD_ISO.exec(head);
  if (lead) return lead[1];
  let offset = 0;
  while (offset < head.length) {
    const hit = findDate(head.slice(offset));
    if (!hit || hit.length < 8) return undefined;
    const at = offset + hit.index;
    const before = head.slice(Math.max(0, at - 80), at);
    const after = head.slice(at + hit.length, at + hit.length + 40);
    if (/\d{4}/.test(head.slice(at, at + hit.length)) && (AFTER_DATE.test(after) || BEFORE_DATE.test(before) || aloneOnLine(head, at, hit.length))) return hit.date;
    offset = at + hit.length;
  }
  return undefined;
}
