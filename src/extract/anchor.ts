import type { ParsedDocument } from '../model/parsed.ts';
import { iso, monthNumber, MONTH_RE_SRC } from './dates.ts';
import { lastDayOfMonth } from '../model/period.ts';

/** How much text is searched for stated dates: a release is far shorter; a filing says it early. */
const SCAN_CHARS = 40_000;
const FULL_DATE_G = new RegExp(`\\b(${MONTH_RE_SRC})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(20\\d\\d)\\b`, 'gi');
const MONTH_YEAR_G = new RegExp(`\\b(${MONTH_RE_SRC})(?:\\s+|-)(20\\d\\d)\\b`, 'gi');
/** words before a date that make it a plan or a deadline, not something that has happened */
const FORWARD = /\b(?:by|until|before|expects?|expected|expecting|anticipate[sd]?|plans?|planned|target(?:s|ed|ing)?|guidance|will|would|scheduled|due|maturity|matures?|mature|expir\w*|through|upcoming|next|future|forecast\w*|estimated|projected|goal)\b[^.;]{0,40}$/i;

/**
 * A reference date for a document that states no publication date: the latest date it reports
 * as past ("as of September 30, 2024", "December 2023 Production Update"). It only anchors months
 * written without a year ("in November" is the November on or before it) and is never taken for
 * the day the document was published: a month after it gets no year at all (see anchorYear).
 */
export function inferAnchor(doc: ParsedDocument, title?: string): string | undefined {
  const text = `${title ?? ''}\n${doc.title ?? ''}\n${doc.text.slice(0, SCAN_CHARS)}`;
  let latest: string | undefined;
  const consider = (date: string, at: number) => {
    if (FORWARD.test(text.slice(Math.max(0, at - 60), at))) return;
    if (!latest || date > latest) latest = date;
  };
  let m: RegExpExecArray | null;
  FULL_DATE_G.lastIndex = 0;
  while ((m = FULL_DATE_G.exec(text))) {
    const mo = monthNumber(m[1]!);
    const d = Number(m[2]);
    if (mo && d >= 1 && d <= 31) consider(iso(Number(m[3]), mo, d), m.index);
  }
  MONTH_YEAR_G.lastIndex = 0;
  while ((m = MONTH_YEAR_G.exec(text))) {
    const mo = monthNumber(m[1]!);
    if (mo) consider(lastDayOfMonth(Number(m[2]), mo), m.index);
  }
  return latest;
}
