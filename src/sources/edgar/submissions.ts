import { padCik } from './urls.ts';
import type { FilingColumns, Submissions } from './schemas.ts';

/** One filing as the submissions index lists it. */
export interface FilingRef {
  cik: string;
  accession: string;
  form: string;
  filingDate: string;
  reportDate?: string;
  primaryDocument?: string;
  primaryDocDescription?: string;
  items?: string;
}

/** Parallel arrays → one object per filing (a missing or empty column gives undefined). */
export function filingsFromColumns(cik: string | number, cols: FilingColumns): FilingRef[] {
  const out: FilingRef[] = [];
  const at = (arr: string[] | undefined, i: number) => {
    const v = arr?.[i];
    return v ? v : undefined;
  };
  for (let i = 0; i < cols.accessionNumber.length; i++) {
    const accession = cols.accessionNumber[i]!;
    const form = cols.form[i];
    const filingDate = cols.filingDate[i];
    if (!form || !filingDate) continue;
    const ref: FilingRef = { cik: padCik(cik), accession, form, filingDate };
    const reportDate = at(cols.reportDate, i);
    if (reportDate) ref.reportDate = reportDate;
    const primaryDocument = at(cols.primaryDocument, i);
    if (primaryDocument) ref.primaryDocument = primaryDocument;
    const desc = at(cols.primaryDocDescription, i);
    if (desc) ref.primaryDocDescription = desc;
    const items = at(cols.items, i);
    if (items) ref.items = items;
    out.push(ref);
  }
  return out;
}

/**
 * The recent block, and which older pages (`files[]`) may hold filings on or after `since`:
 * a page whose filingTo is before `since` is never fetched.
 */
export function readSubmissions(sub: Submissions, since?: string): { filings: FilingRef[]; olderPages: string[] } {
  const filings = filingsFromColumns(sub.cik, sub.filings.recent);
  const olderPages = sub.filings.files.filter((f) => !since || !f.filingTo || f.filingTo >= since).map((f) => f.name);
  return { filings, olderPages };
}

/** `8-K/A` matches a wanted `8-K`; forms compare case-insensitively. */
export function formMatches(form: string, wanted: readonly string[]): boolean {
  const f = form.toUpperCase();
  const base = f.replace(/\/A$/, '');
  return wanted.some((w) => {
    const u = w.toUpperCase();
    return u === f || u === base;
  });
}

/** Forms whose press release is an EX-99 exhibit rather than the primary document. */
export function isCurrentReport(form: string): boolean {
  return /^(8-K|6-K)(\/A)?$/i.test(form);
}

/** Forms whose primary document is the report itself. */
export function isPeriodicReport(form: string): boolean {
  return /^(10-Q|10-K|20-F|40-F)(\/A)?$/i.test(form);
}
