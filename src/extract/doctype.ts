import type { ParsedDocument } from '../model/parsed.ts';
import { findDate } from './dates.ts';

/** A periodic report's cover page opens it; past this the form is only mentioned. */
const FORM_CHARS = 1_500;
const COVER_CHARS = 5_000;
/** "FORM 10-Q" on a line of its own, as the cover's title */
const FORM_RE = /(?:^|\n)\s*FORM\s+(10-Q|10-K|20-F|40-F)\s*(?:\n|$)/;
/** "For the quarterly period ended June 30, 2024" opening a cover line (not "… on Form 10-K for the fiscal year ended …") */
const PERIOD_RE = /(?:^|\n)[\s☐☒■□xX]*for\s+the\s+(quarterly\s+period|fiscal\s+year|year)\s+ended\s*:?\s*/i;

export interface DocType {
  form: string;
  /** the period end the cover states, YYYY-MM-DD */
  periodOfReport?: string;
}

/**
 * Form and period of report of a periodic filing given without them (a 10-Q saved from EDGAR and
 * passed to `extract`): its cover is titled "FORM 10-Q" and says "For the quarterly period ended
 * June 30, 2024". A release that mentions "our Form 10-Q" is not one; a cover whose period line
 * disagrees with its form gets the form only.
 */
export function inferDocType(doc: ParsedDocument): DocType | undefined {
  const form = FORM_RE.exec(doc.text.slice(0, FORM_CHARS));
  if (!form) return undefined;
  const head = doc.text.slice(0, COVER_CHARS);
  const period = PERIOD_RE.exec(head);
  const quarterly = form[1] === '10-Q';
  if (!period || quarterly !== /quarterly/i.test(period[1]!)) return { form: form[1]! };
  const at = period.index + period[0].length;
  const date = findDate(head.slice(at, at + 40));
  if (!date || date.index > 0 || !/\d{4}/.test(head.slice(at, at + date.length))) return { form: form[1]! };
  return { form: form[1]!, periodOfReport: date.date };
}
