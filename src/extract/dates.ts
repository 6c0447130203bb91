import { lastDayOfMonth } from '../model/period.ts';

/**
 * Dates and periods as documents write them: "March 31, 2024", "three months ended June 30,
 * 2025", "November", "Apr-24", "Q3 2024", "second quarter of fiscal 2025", "year-to-date".
 * Everything resolves to ISO dates; years left out are anchored to a reference date (the filing
 * date) so "in November" in a December release is last November, never next.
 */

export type Period = { kind: 'flow'; start: string; end: string; grain: Grain } | { kind: 'instant'; asOf: string };
export type Grain = 'month' | 'quarter' | 'half' | 'ytd' | 'year' | 'other';

export const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH_ALT = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
export const MONTH_RE_SRC = `(?:${MONTH_ALT})\\.?`;

const ORD: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };
const DURATION_WORDS: Record<string, number> = {
  one: 1, three: 3, six: 6, nine: 9, twelve: 12, '3': 3, '6': 6, '9': 9, '12': 12,
};

/** "the first ten months of 2022": how many opening months of the year */
const OPENING_MONTHS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
};

export function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function monthNumber(word: string): number | undefined {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')];
}

/** First day of the month `months` months before the month of `end` (inclusive span). */
export function startForSpan(end: string, months: number): string {
  const y = Number(end.slice(0, 4));
  const m = Number(end.slice(5, 7));
  const total = y * 12 + (m - 1) - (months - 1);
  return iso(Math.floor(total / 12), (total % 12) + 1, 1);
}

export function monthPeriod(y: number, m: number): Period {
  return { kind: 'flow', start: iso(y, m, 1), end: lastDayOfMonth(y, m), grain: 'month' };
}

/**
 * Year for a month named without one: the latest such month that has started by `ref`, if that
 * was within half a year (a later month named without a year is one still to come). With
 * `refIsBound` the reference is only the latest date the document states, not the day it was
 * published: a month after it may be this year's (a plan) or last year's, so it gets no year.
 */
export function anchorYear(month: number, ref: string | undefined, day = 1, refIsBound = false): number | undefined {
  if (!ref) return undefined;
  const ry = Number(ref.slice(0, 4));
  const rm = Number(ref.slice(5, 7));
  const rd = Number(ref.slice(8, 10));
  if (month < rm || (month === rm && (day <= rd || refIsBound))) return ry;
  if (refIsBound) return undefined;
  // "by the end of August" written in June is this August to come, not last year's: a month later
  // in the year than the reference is last year's only when that was at most half a year ago
  if (rm + 12 - month > 6) return undefined;
  return ry - 1;
}

function fyStartMonth(fyEndMonth: number): number {
  return (fyEndMonth % 12) + 1;
}

/** Calendar quarter end of a fiscal quarter: FY2025 Q1 of a September year-end ends 2024-12-31. */
export function fiscalQuarter(fy: number, q: number, fyEndMonth: number): Period {
  const endMonthIndex = fy * 12 + (fyEndMonth - 1) - (4 - q) * 3; // months since year 0
  const y = Math.floor(endMonthIndex / 12);
  const m = (endMonthIndex % 12) + 1;
  const end = lastDayOfMonth(y, m);
  return { kind: 'flow', start: startForSpan(end, 3), end, grain: 'quarter' };
}

/** Start of the fiscal year that contains `end`. */
export function fiscalYearStart(end: string, fyEndMonth: number): string {
  const y = Number(end.slice(0, 4));
  const m = Number(end.slice(5, 7));
  const sm = fyStartMonth(fyEndMonth);
  const sy = m >= sm ? y : y - 1;
  return iso(fyEndMonth === 12 ? y : sy, fyEndMonth === 12 ? 1 : sm, 1);
}

export interface DateOpts {
  /** anchors dates written without a year */
  ref?: string;
  /** `ref` is the latest date the document states, not its publication date (see anchorYear) */
  refIsBound?: boolean;
  fyEndMonth?: number;
  /**
   * also return period phrases whose year cannot be told ("in September" with no reference
   * date), marked `unanchored`: the figure they belong to must then take no other period
   */
  keepUnanchored?: boolean;
}

const FULL_DATE = new RegExp(`\\b(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_ALT})\\.?,?\\s+(\\d{4})\\b`, 'i');
const MONTH_DAY = new RegExp(`\\b(${MONTH_ALT})(?![a-z])\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*\\d{4})(?![\\d,.]*\\s*(?:bitcoin|btc|eh|ph|mw|%))`, 'i');
const ISO_DATE = /\b(20\d\d)-(\d\d)-(\d\d)\b/;

/** "March 31, 2024", "31 March 2024", "2024-03-31", "November 30" (year anchored). */
export function findDate(text: string, opts: DateOpts = {}): { date: string; index: number; length: number } | undefined {
  const found: { date: string; index: number; length: number }[] = [];
  const full = FULL_DATE.exec(text);
  if (full) {
    const m = monthNumber(full[1]!);
    if (m) found.push({ date: iso(Number(full[3]), m, Number(full[2])), index: full.index, length: full[0].length });
  }
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    const m = monthNumber(dmy[2]!);
    if (m) found.push({ date: iso(Number(dmy[3]), m, Number(dmy[1])), index: dmy.index, length: dmy[0].length });
  }
  const isoM = ISO_DATE.exec(text);
  if (isoM) found.push({ date: isoM[0], index: isoM.index, length: isoM[0].length });
  if (!found.length) {
    const md = MONTH_DAY.exec(text);
    if (md) {
      const m = monthNumber(md[1]!);
      const d = Number(md[2]);
      const y = m ? anchorYear(m, opts.ref, d, opts.refIsBound) : undefined;
      if (m && y && d >= 1 && d <= 31) found.push({ date: iso(y, m, d), index: md.index, length: md[0].length });
    }
  }
  found.sort((a, b) => a.index - b.index);
  return found[0];
}

/** All full dates in order, with "March 31, 2024 and 2023" expanded to both years. */
export function findDates(text: string, opts: DateOpts = {}): string[] {
  const out: string[] = [];
  const re = new RegExp(`\\b(${MONTH_ALT})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})((?:\\s*(?:,|and|&)\\s*\\d{4})*)`, 'gi');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const mo = monthNumber(m[1]!);
    if (!mo) continue;
    out.push(iso(Number(m[3]), mo, Number(m[2])));
    for (const y of (m[4] ?? '').match(/\d{4}/g) ?? []) out.push(iso(Number(y), mo, Number(m[2])));
  }
  if (!out.length) {
    const d = findDate(text, opts);
    if (d) out.push(d.date);
  }
  return out;
}

/**
 * Every "Month day[, year]" in order, for lists that print the year once: "as of October 31
 * and September 30, 2024" is 2024-10-31 and 2024-09-30. A date without a year takes the year of
 * the next dated one in the text, else the reference date's.
 */
export function listedDates(text: string, opts: DateOpts = {}): string[] {
  const re = new RegExp(`\\b(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'gi');
  const raw: { m: number; d: number; y?: number }[] = [];
  for (const x of text.matchAll(re)) {
    const m = monthNumber(x[1]!);
    const d = Number(x[2]);
    if (!m || d < 1 || d > 31) continue;
    raw.push({ m, d, ...(x[3] ? { y: Number(x[3]) } : {}) });
  }
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    const y = r.y ?? raw.slice(i + 1).find((x) => x.y)?.y ?? anchorYear(r.m, opts.ref, r.d, opts.refIsBound);
    if (!y) return [];
    out.push(iso(y, r.m, r.d));
  }
  return out;
}

const SPAN_RE = /\b(one|three|six|nine|twelve|3|6|9|12)[\s-]+months?\s+(?:period\s+)?(?:ended|ending|to)\b/i;
const YEAR_ENDED_RE = /\b(?:fiscal\s+)?years?\s+(?:ended|ending)\b/i;
const MONTH_ENDED_RE = /\bmonth\s+(?:ended|ending)\b/i;
const QUARTER_ENDED_RE = /\bquarters?\s+(?:ended|ending)\b/i;

/**
 * A period phrase: duration + end ("three months ended March 31, 2024"), a month ("in November",
 * "December 2024", "Apr-24"), a quarter ("Q2 2024", "second quarter of fiscal 2025"), a year
 * ("fiscal year 2024", "full year 2023"), year-to-date, or an instant ("as of June 30, 2025").
 * Returns the first one found; `index` lets callers pick the phrase nearest a figure.
 */
export interface PeriodHit {
  period: Period;
  index: number;
  length: number;
  /** a year-to-date phrase whose end comes from context: 'calendar' or 'fiscal' year start */
  ytd?: 'calendar' | 'fiscal';
  /** a month, date or quarter written without a year that nothing anchors (opts.keepUnanchored) */
  unanchored?: true;
}

/** The placeholder period of an unanchored hit: no reader may use it as a period. */
export const UNANCHORED: Period = { kind: 'flow', start: '', end: '', grain: 'other' };

export function findPeriods(text: string, opts: DateOpts = {}): PeriodHit[] {
  const hits: PeriodHit[] = [];
  const fy = opts.fyEndMonth ?? 12;
  const add = (period: Period | undefined, index: number, length: number) => {
    if (period) hits.push({ period, index, length });
  };
  const unanchored = (index: number, length: number) => {
    if (opts.keepUnanchored) hits.push({ period: UNANCHORED, index, length, unanchored: true });
  };
  let m: RegExpExecArray | null;
  // a phrase starting inside one already read ("Q1 FY2025" holds "FY2025")
  const covered = (index: number) => hits.some((h) => index >= h.index && index < h.index + h.length);
  // "sold almost half its bitcoin in the past week": the seven days to the day it was written (only
  // when that day is the publication date, not a bound)
  if (opts.ref && !opts.refIsBound) {
    const weekRe = /\b(?:in|over|during)\s+the\s+(?:past|last)\s+(?:week|seven\s+days|7\s+days)\b/gi;
    while ((m = weekRe.exec(text))) {
      const end = opts.ref;
      const start = new Date(Date.parse(`${end}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
      add({ kind: 'flow', start, end, grain: 'other' }, m.index, m[0].length);
    }
  }

  // "the three and nine months ended March 31, 2024": two spans ending on one date, the first named first
  const pairRe = new RegExp(`\\b(three|six|nine|3|6|9)(?:[\\s-]+months?)?\\s+and\\s+((six|nine|twelve|6|9|12)[\\s-]+months?\\s+(?:periods?\\s+)?(?:ended|ending)\\s+((?:${MONTH_ALT})\\.?\\s+\\d{1,2},?(?:\\s+\\d{4})?))`, 'gi');
  while ((m = pairRe.exec(text))) {
    const d = findDate(m[4]!, opts);
    if (!d) continue;
    const second = m.index + m[0].length - m[2]!.length;
    add(spanPeriod(d.date, DURATION_WORDS[m[1]!.toLowerCase()]!), m.index, second - m.index);
    add(spanPeriod(d.date, DURATION_WORDS[m[3]!.toLowerCase()]!), second, m[2]!.length);
  }
  // duration + end date
  const spanRe = new RegExp(`\\b(one|three|six|nine|twelve|3|6|9|12)[\\s-]+months?\\s+(?:period\\s+)?(?:ended|ending)\\s+((?:${MONTH_ALT})\\.?\\s+\\d{1,2},?(?:\\s+\\d{4})?)`, 'gi');
  while ((m = spanRe.exec(text))) {
    if (covered(m.index)) continue;
    const months = DURATION_WORDS[m[1]!.toLowerCase()]!;
    const d = findDate(m[2]!, opts);
    if (!d) {
      unanchored(m.index, m[0].length);
      continue;
    }
    add(spanPeriod(d.date, months), m.index, m[0].length);
  }
  // "in the first nine months of 2022", "the first half of fiscal 2025": the year's opening months
  // … and "the first ten months of 2022", "first 10 months of 2021" (a year to date spelled out)
  const firstRe = /\b(?:the\s+)?first\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01])\s+months\s+of\s+(fiscal\s+(?:year\s+)?|fy\s*)?(\d{4})\b|\b(?:the\s+)?first\s+half\s+of\s+(fiscal\s+(?:year\s+)?|fy\s*)?(\d{4})\b/gi;
  while ((m = firstRe.exec(text))) {
    if (covered(m.index)) continue;
    const months = m[1] ? OPENING_MONTHS[m[1].toLowerCase()] ?? Number(m[1]) : 6;
    const yearEndMonth = m[2] ?? m[4] ? fy : 12;
    // months since year 0 of the span's last month: the (fiscal) year's end, less the months after it
    const endIdx = Number(m[3] ?? m[5]) * 12 + (yearEndMonth - 1) - (12 - months);
    const end = lastDayOfMonth(Math.floor(endIdx / 12), (endIdx % 12) + 1);
    add(spanPeriod(end, months), m.index, m[0].length);
  }
  const yearEndRe = new RegExp(`\\b(?:fiscal\\s+)?years?\\s+(?:ended|ending)\\s+((?:${MONTH_ALT})\\.?\\s+\\d{1,2},?\\s+\\d{4})`, 'gi');
  while ((m = yearEndRe.exec(text))) {
    const d = findDate(m[1]!, opts);
    if (d) add(spanPeriod(d.date, 12), m.index, m[0].length);
  }
  const qEndRe = new RegExp(`\\bquarter\\s+(?:ended|ending)\\s+((?:${MONTH_ALT})\\.?\\s+\\d{1,2},?(?:\\s+\\d{4})?)`, 'gi');
  while ((m = qEndRe.exec(text))) {
    const d = findDate(m[1]!, opts);
    if (d) add(spanPeriod(d.date, 3), m.index, m[0].length);
    else unanchored(m.index, m[0].length);
  }
  const monthEndRe = new RegExp(`\\bmonth\\s+(?:ended|ending)\\s+((?:${MONTH_ALT})\\.?\\s+\\d{1,2},?(?:\\s+\\d{4})?)`, 'gi');
  while ((m = monthEndRe.exec(text))) {
    const d = findDate(m[1]!, opts);
    if (d) add(spanPeriod(d.date, 1), m.index, m[0].length);
    else unanchored(m.index, m[0].length);
  }
  // explicit ranges: "from October 1, 2022, to September 30, 2023", "between … and …"
  const rangeRe = new RegExp(`\\b(?:from|between)\\s+((?:${MONTH_ALT})\\.?\\s+\\d{1,2},?\\s+\\d{4}),?\\s+(?:to|through|until|and|[-–])\\s+((?:${MONTH_ALT})\\.?\\s+\\d{1,2},?\\s+\\d{4})`, 'gi');
  while ((m = rangeRe.exec(text))) {
    const a = findDate(m[1]!, opts);
    const b = findDate(m[2]!, opts);
    if (a && b && a.date <= b.date) add({ kind: 'flow', start: a.date, end: b.date, grain: 'other' }, m.index, m[0].length);
  }
  // "over the past weekend" written on a Monday: the Saturday and Sunday before the reference date
  const weekendRe = /\b(?:over|during)\s+the\s+(?:past|last|prior)?\s*weekend\b/gi;
  while ((m = weekendRe.exec(text))) {
    if (!opts.ref) continue;
    const ref = new Date(`${opts.ref}T00:00:00Z`);
    const back = (ref.getUTCDay() + 7) % 7 || 7; // days back to the last Sunday
    const sun = new Date(ref.getTime() - back * 86_400_000);
    const sat = new Date(sun.getTime() - 86_400_000);
    add({ kind: 'flow', start: sat.toISOString().slice(0, 10), end: sun.toISOString().slice(0, 10), grain: 'other' }, m.index, m[0].length);
  }
  // quarters: Q3 2024, 3Q24, Q1-24, Q1 FY2025, second quarter (of) (fiscal) 2024, First Qtr. 2024
  const qRe = /\b(?:(?:fiscal\s+)?(?:q([1-4])|([1-4])q)\s*(?:of\s+)?(fy|fiscal\s+(?:year\s+)?)?\s*['’-]?(\d{4}|\d{2})\b|(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(fiscal\s+)?(?:quarter|qtr\b\.?)\s*(?:of\s+)?(fiscal\s+(?:year\s+)?|fy\s*)?['’]?(\d{4}|\d{2})\b)/gi;
  while ((m = qRe.exec(text))) {
    const q = Number(m[1] ?? m[2] ?? 0) || ORD[(m[5] ?? '').toLowerCase()] || 0;
    const yRaw = m[4] ?? m[8];
    if (!q || !yRaw) continue;
    // "Third Quarter FY24": two digits only with a fiscal marker ("third quarter 24" is no year)
    if (m[8] && m[8].length === 2 && !m[7]) continue;
    const y = yRaw.length === 2 ? 2000 + Number(yRaw) : Number(yRaw);
    const fiscal = !!(m[3] || m[6] || m[7]) || /\bfiscal\b|\bfy/i.test(text.slice(Math.max(0, m.index - 12), m.index + m[0].length));
    add(fiscal ? fiscalQuarter(y, q, fy) : fiscalQuarter(y, q, 12), m.index, m[0].length);
  }
  // "Fourth Quarter and Full Year 2024", "Q4 and fiscal year 2025 results": the year named once for both
  const qAndYearRe = /\b(?:q([1-4])|(first|second|third|fourth)\s+(?:fiscal\s+)?quarter)\s+and\s+(?:the\s+)?(full|fiscal)[- ]year\s+(?:of\s+)?(?:fiscal\s+)?(?:fy\s*)?(\d{4})\b/gi;
  while ((m = qAndYearRe.exec(text))) {
    const q = Number(m[1] ?? 0) || ORD[(m[2] ?? '').toLowerCase()] || 0;
    const fiscal = m[3]!.toLowerCase() === 'fiscal' || /\bfiscal\b/i.test(m[0]);
    add(fiscalQuarter(Number(m[4]), q, fiscal ? fy : 12), m.index, m[0].search(/\s+and\s/i));
  }
  // "during Q3", "in the first quarter" with no year: the latest such quarter ended by the reference date
  // … and "in its 3Q" (a newswire's quarter written digit first)
  // … and the adjective "reported second-quarter revenue of …"
  const bareQRe = /\b(?:(?:during|in|for|over|through|throughout)\s+(?:the\s+|its\s+|their\s+)?(?:q([1-4])|([1-4])q|(first|second|third|fourth)\s+quarter)|(first|second|third|fourth)-quarter)\b(?!\s*(?:of\s+)?(?:fiscal\s+|fy\s*|calendar\s+)?(?:year\s+)?['’]?\d{2,4}\b)/gi;
  while ((m = bareQRe.exec(text))) {
    if (!opts.ref) {
      unanchored(m.index, m[0].length);
      continue;
    }
    const q = Number(m[1] ?? 0) || Number(m[2] ?? 0) || ORD[(m[3] ?? m[4] ?? '').toLowerCase()] || 0;
    const ry = Number(opts.ref.slice(0, 4));
    // a bound reference (see anchorYear) only dates a quarter that ended by it in its calendar year
    // … and only one that ended within about two quarters: "complete the buildout in Q3" written in
    // May is this year's Q3 to come, not last year's
    const latest = (yearEnd: number) =>
      [ry + 1, ry, ry - 1]
        .map((y) => fiscalQuarter(y, q, yearEnd))
        .find((p) => p.kind === 'flow' && p.end <= opts.ref! && Date.parse(opts.ref!) - Date.parse(p.end) <= 200 * 86_400_000 && (!opts.refIsBound || p.end.startsWith(String(ry))));
    // a company whose fiscal year is not the calendar year: "the first quarter of the calendar
    // year" is January to March, "the fiscal first quarter" its own; with neither word, both
    // readings may have ended lately, and then the quarter cannot be told
    const around = text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40);
    const calendar = /^\s*(?:of\s+)?(?:the\s+)?calendar\s+year\b/i.test(text.slice(m.index + m[0].length)) || /\bcalendar\s+$/i.test(m[0].replace(/(?:first|second|third|fourth)[\s-]+quarter$/i, ''));
    const fiscal = /\bfiscal\b|\bfy/i.test(around);
    let found = latest(calendar ? 12 : fy);
    if (fy !== 12 && !calendar && !fiscal) {
      const cal = latest(12);
      if (cal && found && (cal.kind !== found.kind || cal.kind !== 'flow' || found.kind !== 'flow' || cal.start !== found.start)) found = undefined;
      else found ??= cal;
    }
    if (found) add(found, m.index, m[0].length);
    else unanchored(m.index, m[0].length);
  }
  // "FY25 Q3", "FY2025 Q3": a fiscal quarter written year first
  const fyqRe = /\bFY\s*'?(\d{4}|\d{2})\s*[-\s]?\s*Q([1-4])\b/gi;
  while ((m = fyqRe.exec(text))) {
    const y = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
    add(fiscalQuarter(y, Number(m[2]), fy), m.index, m[0].length);
  }
  // years: fiscal year 2024, FY2024, full year 2023, calendar year 2024
  const yRe = /\b(?:(fiscal)\s+(?:year\s+)?|fy\s*|(?:full|calendar)\s+year\s+(?:of\s+)?)(\d{4}|\d{2})\b/gi;
  while ((m = yRe.exec(text))) {
    if (/^\s*q/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) continue;
    // the year of a quarter already read ("Q1 FY2025", "Third Quarter FY24") is not a year of its own
    if (covered(m.index)) continue;
    const yRaw = m[2]!;
    const y = yRaw.length === 2 ? 2000 + Number(yRaw) : Number(yRaw);
    const isFiscal = /fiscal|fy/i.test(m[0]);
    const end = isFiscal ? lastDayOfMonth(y, fy) : lastDayOfMonth(y, 12);
    add({ kind: 'flow', start: startForSpan(end, 12), end, grain: 'year' }, m.index, m[0].length);
  }
  // "As of the end of 2022, it operated … 775 megawatts", "at year-end 2023": the year's last day
  // (not "by the end of 2026": a target); the year hit inside it gives way
  const yearEndAt = /\b(?:as\s+(?:of|at)|at)\s+(?:the\s+)?(?:end\s+of\s+(?:(fiscal)\s+(?:year\s+)?)?|(fiscal\s+)?year[- ]end\s+(?:of\s+)?)((?:19|20)\d\d)\b/gi;
  while ((m = yearEndAt.exec(text))) {
    const y = Number(m[3]);
    const asOf = m[1] || m[2] ? lastDayOfMonth(y, fy) : lastDayOfMonth(y, 12);
    const from = m.index;
    const to = m.index + m[0].length;
    for (let i = hits.length - 1; i >= 0; i--) if (hits[i]!.index >= from && hits[i]!.index + hits[i]!.length <= to) hits.splice(i, 1);
    add({ kind: 'instant', asOf }, from, to - from);
  }
  // "as of the date of this press release", "as of today": the publication date, when it is known
  const todayRe = /\bas\s+of\s+(?:the\s+date\s+of\s+(?:this|the)\s+(?:press\s+|news\s+)?release|today)\b/gi;
  while ((m = todayRe.exec(text))) {
    if (opts.ref && !opts.refIsBound) add({ kind: 'instant', asOf: opts.ref }, m.index, m[0].length);
  }
  // instants: as of / at / on <date>, balance at <date>
  const asOfRe = new RegExp(`\\b(?:as\\s+(?:of|at)|at|on|ended|ending|end\\s+of)\\s+((?:${MONTH_ALT})\\.?\\s+\\d{1,2}(?!\\d)(?:st|nd|rd|th)?,?(?:\\s+\\d{4})?|\\d{1,2}\\s+(?:${MONTH_ALT})\\.?,?\\s+\\d{4})`, 'gi');
  while ((m = asOfRe.exec(text))) {
    const d = findDate(m[1]!, opts);
    // "three months ended March 31" is a span, already taken
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    if (/months?\s*$|quarter\s*$|years?\s*$|period\s*$/i.test(before)) continue;
    if (!d) {
      unanchored(m.index, m[0].length);
      continue;
    }
    add({ kind: 'instant', asOf: d.date }, m.index, m[0].length);
  }
  // the months from the first named to the last; a year left out is the later month's, anchored
  const monthSpan = (at: number, length: number, first: string, firstYear: string | undefined, last: string, lastYear: string | undefined) => {
    if (covered(at)) return;
    const m1 = monthNumber(first);
    const m2 = monthNumber(last);
    if (!m1 || !m2 || m1 === m2) return;
    const y2 = lastYear ? Number(lastYear) : anchorYear(m2, opts.ref, 1, opts.refIsBound);
    if (!y2) return unanchored(at, length);
    const y1 = firstYear ? Number(firstYear) : m1 < m2 ? y2 : y2 - 1;
    add({ kind: 'flow', start: iso(y1, m1, 1), end: lastDayOfMonth(y2, m2), grain: 'other' }, at, length);
  };
  // "between April and May", "from October to December 2024"
  const monRangeRe = new RegExp(`\\b(?:between|from)\\s+(${MONTH_ALT})(?![a-z])\\.?(?:\\s+(\\d{4}))?\\s+(?:and|to|through|until|[-–])\\s+(${MONTH_ALT})(?![a-z])\\.?(?:,?\\s+(\\d{4}))?(?!\\s*\\d)`, 'gi');
  while ((m = monRangeRe.exec(text))) monthSpan(m.index, m[0].length, m[1]!, m[2], m[3]!, m[4]);
  // "during April and May … mined a combined 954.5 BTC": two months added up (not "in April and
  // May, respectively", each month its own figure)
  const monPairRe = new RegExp(`\\b(?:during|in|over|for|across)\\s+(${MONTH_ALT})(?![a-z])\\.?\\s+(?:and|&)\\s+(${MONTH_ALT})(?![a-z])\\.?(?:,?\\s+(\\d{4}))?(?![\\s,]*\\d)`, 'gi');
  while ((m = monPairRe.exec(text))) {
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 160).split(/[.;](?:\s|$)/)[0] ?? '';
    if (!/\b(?:combined|in\s+total|together|altogether|a\s+total\s+of|total(?:l?ing|l?ed)?)\b/i.test(rest) || /\brespectively\b/i.test(rest)) continue;
    const m1 = monthNumber(m[1]!);
    const m2 = monthNumber(m[2]!);
    if (!m1 || !m2 || (m2 - m1 + 12) % 12 !== 1) continue;
    monthSpan(m.index, m[0].length, m[1]!, undefined, m[2]!, m[3]);
  }
  // "Jan. - Apr.", "Jan-Apr 2024", "(i.e. January to April)": a span of months with no "from" before it
  // (not "Nov-24": a two-digit year after a month is no second month)
  const monSpanRe = new RegExp(`\\b(${MONTH_ALT})(?![a-z])\\.?(?:\\s*[-–]\\s*|\\s+(?:through|thru|to)\\s+)(${MONTH_ALT})(?![a-z])\\.?(?:,?\\s+(\\d{4}))?(?![-\\d])`, 'gi');
  while ((m = monSpanRe.exec(text))) monthSpan(m.index, m[0].length, m[1]!, undefined, m[2]!, m[3]);
  // month names: "November 2022", "Nov-24", "in November", "for the month of December"
  const monRe = new RegExp(`\\b(${MONTH_ALT})(?![a-z])\\.?(?:[\\s-]+'?(\\d{4}|\\d{2})\\b)?`, 'gi');
  while ((m = monRe.exec(text))) {
    const mo = monthNumber(m[1]!);
    if (!mo) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
    if (/^\s*\d{1,2}\b(?!\d)/.test(after) && !m[2]) continue; // "March 31" is a date
    if (m[2] && /^,?\s*\d/.test(after) && !/^,?\s*\d+(?:\.\d+)?\s*%/.test(after)) continue;
    if (m[1]!.toLowerCase() === 'may' && !m[2] && !/\b(in|of|for|during|since|through|until)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    if (/^mar$/i.test(m[1]!) && !m[2]) continue;
    let y: number | undefined;
    if (m[2]) {
      const raw = m[2];
      if (raw.length === 2) {
        // "Apr-24" is a year, "Nov 30" was excluded above
        if (!/-|'/.test(m[0])) continue;
        y = 2000 + Number(raw);
      } else y = Number(raw);
    } else y = anchorYear(mo, opts.ref, 1, opts.refIsBound);
    // covered by a fuller phrase already
    if (covered(m.index)) continue;
    if (!y) {
      unanchored(m.index, m[0].length);
      continue;
    }
    add(monthPeriod(y, mo), m.index, m[0].length);
  }
  // "buys 1K bitcoins so far in 2022" written on January 10, 2022: the year to the day it was written
  const soFarRe = /\bso\s+far\s+(?:in\s+(20\d\d)|this\s+year)\b/gi;
  while ((m = soFarRe.exec(text))) {
    if (!opts.ref || opts.refIsBound) continue;
    const y = m[1] ? Number(m[1]) : Number(opts.ref.slice(0, 4));
    if (String(y) !== opts.ref.slice(0, 4)) continue;
    add({ kind: 'flow', start: `${y}-01-01`, end: opts.ref, grain: 'ytd' }, m.index, m[0].length);
  }
  // a bare calendar year: "its 2024 total", "in 2023", "for 2024"
  const yearRe = /\b(?:in|for|during|its|their|full[- ]year)\s+(20\d\d)\b(?!\s*[-–\/]\s*\d|,\s*(?:19|20)?\d\d\b)|\b(?:(?:the\s+)?(?:whole|entirety|all)\s+of|the\s+entire)\s+(20\d\d)\b(?!\s*[-–\/])/gi;
  while ((m = yearRe.exec(text))) {
    if (hits.some((h) => m!.index + m![0].length > h.index && m!.index < h.index + h.length)) continue;
    const y = Number(m[1] ?? m[2]);
    add({ kind: 'flow', start: `${y}-01-01`, end: `${y}-12-31`, grain: 'year' }, m.index, m[0].length);
  }
  // "CY2023" in a monthly update of 2023 is the calendar year so far; of a later year, the whole year
  const cyRe = /\bCY\s?'?(\d{4}|\d{2})\b/g;
  while ((m = cyRe.exec(text))) {
    const y = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
    if (opts.ref && y === Number(opts.ref.slice(0, 4))) hits.push({ period: { kind: 'flow', start: '', end: '', grain: 'ytd' }, index: m.index, length: m[0].length, ytd: 'calendar' });
    else add({ kind: 'flow', start: `${y}-01-01`, end: `${y}-12-31`, grain: 'year' }, m.index, m[0].length);
  }
  // year-to-date
  const ytdRe = /\b(fiscal\s+|calendar\s+|f(?=ytd))?(?:year[\s-]to[\s-]date|ytd)\b/gi;
  while ((m = ytdRe.exec(text))) {
    hits.push({ period: { kind: 'flow', start: '', end: '', grain: 'ytd' }, index: m.index, length: m[0].length, ytd: /^f/i.test(m[1] ?? '') ? 'fiscal' : 'calendar' });
  }
  hits.sort((a, b) => a.index - b.index);
  return hits;
}

/**
 * Period phrases that do not say when a figure happened: the start of a running span ("the
 * largest since January"), an event named after a month ("the April Halving").
 */
export function notAPeriod(s: string, h: PeriodHit): boolean {
  if (/\bsince\s+(?:the\s+)?(?:start\s+of\s+|beginning\s+of\s+)?$/i.test(s.slice(Math.max(0, h.index - 30), h.index))) return true;
  // "since our mining business began in February 2020": the start of a running total
  if (/\b(?:began|begun|started|launched|commenced|founded|inception)\s+(?:in|on)\s+$/i.test(s.slice(Math.max(0, h.index - 30), h.index))) return true;
  if (/^\s*(?:20\d\d\s+)?halving\b/i.test(s.slice(h.index + h.length, h.index + h.length + 16))) return true;
  // "the price continues to fall to September lows": a month naming a price level, not a period
  if (/^\s*(?:lows?|highs?|levels?|peaks?|bottoms?)\b/i.test(s.slice(h.index + h.length, h.index + h.length + 10))) return true;
  // "increased it by 24% so far in 2023": a running span, not the year
  if (/\bso far\s*$/i.test(s.slice(Math.max(0, h.index - 10), h.index))) return true;
  return false;
}

/** Period of `months` months ending on `end` (a month end). */
export function spanPeriod(end: string, months: number): Period {
  const grain: Grain = months === 1 ? 'month' : months === 3 ? 'quarter' : months === 12 ? 'year' : months === 6 ? 'half' : 'ytd';
  return { kind: 'flow', start: startForSpan(end, months), end, grain };
}

export function periodEnd(p: Period): string {
  return p.kind === 'instant' ? p.asOf : p.end;
}

export { SPAN_RE, YEAR_ENDED_RE, MONTH_ENDED_RE, QUARTER_ENDED_RE };

function shiftIso(iso: string, years: number, monthEnd: boolean): string {
  const y = Number(iso.slice(0, 4)) + years;
  const m = Number(iso.slice(5, 7));
  return monthEnd ? lastDayOfMonth(y, m) : `${y}${iso.slice(4)}`;
}

/** Lookbehind for a phrase that must come right after a figure (and its unit): "1,200 a year earlier". */
const RIGHT_AFTER_FIGURE = String.raw`(?<=\d[\d.,]*\s*(?:btcs?|bitcoins?|eh\/s|exahash\w*|j\/th|w\/th|mw|million|billion)?\s*)`;

/**
 * "from 515 BTCs in the same period of 2023", "from 1,103 BTCs YoY": the document's own period a
 * year (or the named year) back. Only with a known document period, only into the past, and "YoY"
 * only right after a figure ("decreased 28% YoY to 20.6 EH/s" names no period of its own figure).
 */
export function samePeriodHits(text: string, docBase: Period | undefined, local: readonly { index: number; period: Period }[] = []): PeriodHit[] {
  const hits: PeriodHit[] = [];
  // "3,692 BTC year-to-date, while last year it mined 3,733 BTC over the same period": the span the
  // sentence named before is the one a year back, not the document's month
  const localBase = (at: number): Period | undefined =>
    [...local].reverse().find((h) => h.index < at && h.period.kind === 'flow' && !!h.period.start && !!h.period.end)?.period;
  const usable = (p: Period | undefined): p is Extract<Period, { kind: 'flow' }> => p?.kind === 'flow' && !!p.start && !!p.end;
  const lastYearBefore = /\b(?:last|(?:the\s+)?(?:prior|previous))\s+year\b|\ba\s+year\s+(?:earlier|ago|before)\b/i;
  const re = /\b(?:in\s+|during\s+|for\s+|over\s+)?the\s+same\s+(?:period|quarter|month|three[- ]month\s+period)\s+(?:of|in)\s+((?:19|20)\d\d)\b|\b(?:in\s+|during\s+|over\s+)?the\s+same\s+(?:period|quarter|month)\s+(?:last|a|of\s+the\s+(?:prior|previous))\s+year\b|(?<=\d[\d.,]*\s*(?:btcs?|bitcoins?|eh\/s|j\/th|w\/th|mw|million|billion)?\s*)\b(?:yoy|y\/y|year[- ](?:over|on)[- ]year)\b|(?<=\d[\d.,]*\s*(?:btcs?|bitcoins?)?\s*)\b(?:in|during|over|for)\s+the\s+same\s+period\b(?!\s+(?:of|in|last|a)\b)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    // the bare "over the same period" counts only after "last year" earlier in the clause
    const bare = !m[1] && /same\s+period$/i.test(m[0]);
    if (bare && !lastYearBefore.test(text.slice(Math.max(0, m.index - 120), m.index).split(/[;.]/).pop() ?? '')) continue;
    const base = localBase(m.index) ?? docBase;
    if (!usable(base)) continue;
    const baseYear = Number(base.end.slice(0, 4));
    const years = m[1] ? Number(m[1]) - baseYear : -1;
    if (years >= 0 || years < -5) continue;
    const period: Period = { kind: 'flow', start: shiftIso(base.start, years, false), end: shiftIso(base.end, years, true), grain: base.grain };
    hits.push({ period, index: m.index, length: m[0].length });
  }
  // "compared to 1,399 Bitcoin in the previous fiscal year", "up from 1,200 a year earlier", "154 in
  // the prior month": one period of the document's own grain back ("a year earlier" shifts any grain
  // a year; "the previous year" only a year)
  // … only right after a figure: "twice the level of a year earlier, at 26.3 exahash" dates nothing
  const base = docBase;
  if (!usable(base)) return hits.sort((a, b) => a.index - b.index);
  // … "the $184 million registered the year before": a verb of reporting may stand between
  const back = new RegExp(String.raw`${RIGHT_AFTER_FIGURE}(?:(?:registered|recorded|reported|posted|generated|earned|mined|produced)\s+)?(?:\b(?:in\s+|during\s+|for\s+|over\s+)?the\s+(?:previous|prior|preceding)\s+(fiscal\s+year|year|quarter|month)\b|\b(a\s+year\s+(?:earlier|ago|before)|the\s+year\s+before)\b)`, 'gi');
  // "up 243% year-over-year, rising to $22,954 in Q2 2024 from $6,688 in the previous year": a
  // sentence that says it compares year over year takes "the previous year" for the same span a year back
  const yoy = /\b(?:year[- ](?:over|on)[- ]year|yoy|y\/y)\b/i.test(text);
  while ((m = back.exec(text))) {
    // "increased its hashrate by 6%, from 10.3 EH/s to 10.9 EH/s over the prior month": the change is
    // measured over the prior month; the figures are the report's own and the one before it
    if (/^over\b/i.test(m[0]) && /\bfrom\s+(?:[^.;]|\.(?=\d)){0,50}\bto\s+(?:[^.;]|\.(?=\d)){0,40}$/i.test(text.slice(Math.max(0, m.index - 100), m.index))) continue;
    const unit = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const near = localBase(m.index) ?? base;
    const spanBack = unit === 'year' && yoy && usable(near) && near.grain !== 'year' ? near : undefined;
    const from = spanBack ?? base;
    const months = spanBack ? 12 : m[2] ? (/^a\s/i.test(m[2]) ? 12 : base.grain === 'year' ? 12 : 0) : unit.endsWith('year') ? (base.grain === 'year' ? 12 : 0) : unit === 'quarter' ? (base.grain === 'quarter' ? 3 : 0) : base.grain === 'month' ? 1 : 0;
    if (!months) continue;
    const period: Period = { kind: 'flow', start: shiftMonthsIso(from.start, -months), end: shiftMonthsIso(from.end, -months, true), grain: from.grain };
    hits.push({ period, index: m.index, length: m[0].length });
  }
  return hits.sort((a, b) => a.index - b.index);
}

/**
 * "943.1 BTC just one week prior", "2 EH/s three days earlier": a time counted back from a day the
 * text does not give: a period no reader may use (an unanchored hit), so nothing later in the
 * sentence ("… and 2,470 BTC in November") is taken for it. Only right after a figure.
 */
export function relativeDayHits(text: string): PeriodHit[] {
  const re = new RegExp(String.raw`${RIGHT_AFTER_FIGURE}\b(?:(?:just|only)\s+)?(?:(?:a|one|two|three|four|five|six|\d{1,2})\s+(?:days?|weeks?)\s+(?:prior|earlier|before|ago)|(?:the\s+)?(?:previous|prior|last)\s+week|(?:earlier\s+)?this\s+week)\b`, 'gi');
  const hits: PeriodHit[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) hits.push({ period: UNANCHORED, index: m.index, length: m[0].length, unanchored: true });
  return hits;
}

/** `iso` moved by `months` (a first of month stays a first; `monthEnd` lands on the month's last day). */
function shiftMonthsIso(iso: string, months: number, monthEnd = false): string {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const y = Math.floor(total / 12);
  const mo = (total % 12) + 1;
  return monthEnd ? lastDayOfMonth(y, mo) : `${y}-${String(mo).padStart(2, '0')}${iso.slice(7)}`;
}
