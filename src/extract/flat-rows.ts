import type { ParsedDocument, Table } from '../model/parsed.ts';
import { dateOpts, type Candidate, type Env } from './_candidate.ts';
import { findPeriods, periodEnd, type Period } from './dates.ts';
import { readRun, type GlueColumn, type GlueResult } from './_glue.ts';
import { metricUnit } from '../model/metrics.ts';
import { classifyLabel } from './labels.ts';
import { readTables } from './tables.ts';

/**
 * Tables that reached us as text: a scraped release keeps the words and numbers of its table but
 * loses the cells ("Key MetricsFeb 25*Jan 25Dec 24 … Bitcoin mined3459 BTC521 BTC529 BTC …",
 * "December 2023 November 2023 … Deployed hashrate6 7.2 EH/s 7.3 EH/s …"). A run of period
 * headers (months, quarters, then "Month/Month"-style change columns) opens a flat table; what
 * follows is cut into label + value runs, each run split into one value per column (see _glue.ts),
 * and the rebuilt rows go through the same reader as parsed tables. Where the split of glued
 * digits is a guess, the figure stays below 0.5.
 */

interface HeaderColumn {
  text: string;
  kind: 'period' | 'change';
  period?: Period;
  /** for change columns: how many months back the compared column is */
  backMonths?: number;
}

export interface FlatHeader {
  start: number;
  end: number;
  columns: HeaderColumn[];
}

export interface FlatRow {
  label: string;
  /** the label as given to the table reader (caption added, parentheses opened) */
  readLabel: string;
  start: number;
  runStart: number;
  end: number;
  glue: GlueResult;
  skipped: boolean;
}

export interface FlatTable {
  header: FlatHeader;
  rows: FlatRow[];
  end: number;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MON = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const ORD: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };
const TOKEN_RE = new RegExp(
  [
    // a footnote glued to a four-digit year ("May 20241,2") ends at a blank
    String.raw`${MON}(?:\s*[-'’]\s*|\s+)((?:19|20)\d{2}|\d{2})(?:(?<=\d{4})\d(?:,\d)*(?=\s))?(?![\d,.])`,
    String.raw`q([1-4])\s*['’]?\s*((?:19|20)\d{2}|\d{2})(?!\d)`,
    String.raw`([1-4])q\s*['’]?((?:19|20)\d{2}|\d{2})(?!\d)`,
    String.raw`(first|second|third|fourth)\s+(?:qtr\.?|quarter)\s*(?:of\s+)?((?:19|20)\d{2})(?!\d)`,
    String.raw`(month\s*\/\s*month|year\s*\/\s*year|quarter\s*\/\s*quarter|m\/m|y\/y|q\/q|mom|yoy|%\s*change)`,
  ].join('|'),
  'gi',
);

interface Token {
  start: number;
  end: number;
  col: HeaderColumn;
}

function tokenAt(m: RegExpExecArray, text: string, env: Env): Token | undefined {
  const start = m.index;
  const end = start + m[0].length;
  const before = text[start - 1] ?? ' ';
  // glued words ("MetricSeptember") only at a lower→upper case change
  if (/[a-z]/i.test(before) && !(/[a-z]/.test(before) && /[A-Z]/.test(m[0][0]!))) return undefined;
  const opts = dateOpts(env);
  const year = (y: string) => (y.length === 2 ? `20${y}` : y);
  if (m[1]) {
    const month = MONTH_NAMES.findIndex((n) => n.toLowerCase().startsWith(m[1]!.toLowerCase().slice(0, 3)));
    const text2 = `${MONTH_NAMES[month]} ${year(m[2]!)}`;
    const p = findPeriods(text2, opts)[0]?.period;
    return p ? { start, end, col: { text: text2, kind: 'period', period: p } } : undefined;
  }
  const q = m[3] ?? m[5] ?? (m[7] ? String(ORD[m[7].toLowerCase()]) : undefined);
  const qy = m[4] ?? m[6] ?? m[8];
  if (q && qy) {
    const text2 = `Q${q} ${year(qy)}`;
    const p = findPeriods(text2, opts)[0]?.period;
    return p ? { start, end, col: { text: text2, kind: 'period', period: p } } : undefined;
  }
  if (m[9]) {
    const w = m[9].toLowerCase();
    const back = /^(month|m\/m|mom)/.test(w) ? 1 : /^(year|y\/y|yoy)/.test(w) ? 12 : /^(quarter|q\/q)/.test(w) ? 3 : undefined;
    return { start, end, col: { text: '% Change', kind: 'change', ...(back ? { backMonths: back } : {}) } };
  }
  return undefined;
}

/** Between two column headers: blanks, stars, bars, or the words of a stacked header cell ("Q1 2023 Three Months Ended Q2 2023"). */
const HEADER_GAP = /^[\s*|†]*(?:(?:(?:three|six|nine|twelve)\s+months?|quarter|month|year)\s+end(?:ed|ing)[\s*|†]*)?$/i;

/** Runs of period headers in the text: two or more, or one after "Key metrics". */
export function findFlatHeaders(text: string, env: Env): FlatHeader[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text))) {
    const t = tokenAt(m, text, env);
    if (t) tokens.push(t);
  }
  const out: FlatHeader[] = [];
  let group: Token[] = [];
  const flush = () => {
    const h = headerOf(group, text, env);
    if (h) out.push(h);
    group = [];
  };
  for (const t of tokens) {
    const prev = group[group.length - 1];
    if (prev && HEADER_GAP.test(text.slice(prev.end, t.start))) group.push(t);
    else {
      flush();
      group = [t];
    }
  }
  flush();
  return out;
}

function headerOf(group: Token[], text: string, env: Env): FlatHeader | undefined {
  const firstChange = group.findIndex((t) => t.col.kind === 'change');
  const periods = firstChange < 0 ? group : group.slice(0, firstChange);
  const changes = firstChange < 0 ? [] : group.slice(firstChange);
  if (!periods.length || changes.some((t) => t.col.kind !== 'change')) return undefined;
  if (periods.length < 2 && !/\bmetrics?\s*\d{0,2}\s*$/i.test(text.slice(Math.max(0, periods[0]!.start - 24), periods[0]!.start))) return undefined;
  // a column that ends after publication is not a reported period: not a header
  if (env.ref && periods.some((t) => periodEnd(t.col.period!) > env.ref!)) return undefined;
  let end = group[group.length - 1]!.end;
  const star = /^\*+/.exec(text.slice(end));
  if (star) end += star[0].length;
  return { start: group[0]!.start, end, columns: group.map((t) => t.col) };
}

const UNIT_WORD = /^(eh\/s|ph\/s|th\/s|j\/th|w\/th|mw|gw|btc|million|billion|thousand|mn|bn|m|k|b|[c¢]\/kwh|n\/a)(?![a-z])/i;
/** Sections of a release that report someone else's machines or another business line. */
const OTHER_SECTION = /\b(hosting|hosted|managed services|customers?|clients?|cloud|ai|hpc|colocation|under management)\b/i;
const SECTION_RE = /^(bitcoin mining|self[- ]mining|mining operations|ai cloud services|ai cloud|ai\s*\/\s*hpc|hpc|hosting|managed services|colocation)\b\d{0,2}\s*/i;

/** Where the next value run starts at or after `from`, or -1. */
function nextRunStart(text: string, from: number, limit: number): number {
  let depth = 0;
  for (let i = from; i < Math.min(text.length, limit); i++) {
    const c = text[i]!;
    const rest = text.slice(i, i + 8);
    if (depth > 0) {
      // inside the label's own parentheses ("(US$'000)", "(PH/s)")
      if (c === ')') depth--;
      continue;
    }
    if (/\d/.test(c)) {
      // "S21", "T21 miners", "S19j" are model names, not values
      if (/(^|[^a-z])[a-z]{1,2}$/i.test(text.slice(Math.max(0, i - 3), i)) && /^\d{1,3}([a-z]|\s+[a-z])/i.test(rest)) {
        while (/\d/.test(text[i + 1] ?? '')) i++;
        continue;
      }
      return i;
    }
    if (c === '(' && /^\(\d{1,2}\)/.test(rest)) {
      i += /^\(\d{1,2}\)/.exec(rest)![0].length - 1;
      continue;
    }
    if (/^(\(?(US\$|C\$|A\$|\$)\(?\d|\(\d)/.test(rest)) return i;
    // "Average Net Price per Bitcoin Sold N/A N/A $27,568": a not-applicable cell opens the run
    if (/^n\/a(?![a-z])/i.test(rest) && /\s/.test(text[i - 1] ?? '')) return i;
    if (/^[-–—]\s+(\d|\$|\(|[-–—]|n\/a)/i.test(rest) && /\s/.test(text[i - 1] ?? '')) return i;
    if (c === '(') depth++;
  }
  return -1;
}

/** The end of the value run starting at `start`. */
function runEnd(text: string, start: number): number {
  let i = start;
  let lastDigit = false;
  while (i < text.length) {
    const c = text[i]!;
    if (/[\d.,$()%*|†\-–—−\s]/.test(c)) {
      if (/\d/.test(c)) lastDigit = true;
      else if (!/\s/.test(c)) lastDigit = /[.,]/.test(c) ? lastDigit : false;
      i++;
      continue;
    }
    const rest = text.slice(i, i + 12);
    const before = text.slice(Math.max(start, i - 2), i);
    const unit = UNIT_WORD.exec(rest);
    // "18BTC Sold34": a unit glued to its number and followed by a capitalised word opens the next label
    const opensLabel = unit && /\d$/.test(before) && /^btc$/i.test(unit[1]!) && /^\s[A-Z]/.test(text.slice(i + unit[0].length, i + unit[0].length + 2));
    if (unit && !opensLabel && /\d\s?$|\d$/.test(before) && (unit[1]!.length > 1 || /\$/.test(text.slice(start, i)))) {
      i += unit[0].length;
      lastDigit = false;
      continue;
    }
    if (/^(US\$|C\$|A\$)/.test(rest)) {
      i += 3;
      continue;
    }
    if (/^n\/a(?![a-z])/i.test(rest)) {
      i += 3;
      continue;
    }
    break;
  }
  // the opening of the next label ("(" of "(per Bitcoin)") and trailing blanks are not values
  while (i > start && /[\s(|]/.test(text[i - 1]!)) i--;
  void lastDigit;
  return i;
}

/** "Avg. Operating Hash Rate": an abbreviation's point does not end a sentence */
const ABBREV = /\b(avg|approx|appx|est|no)\./gi;
const SENTENCE = /[.!?]["”]?\s+[A-Z]|[“”•●▪:;]|\b(said|announced|we|our|the company)\b/i;
/** A label that ends or starts like a clause of a sentence ("… increased from", "to") is prose. */
const CLAUSE_EDGE = /\b(from|to|by|of|at|in|on|the|a|an|and|or|for|with|over|than|was|were|is|are|has|have|had|increased|decreased|grew|rose|fell|reached|totall?ed|approximately|about)$|^(to|from|and|or|of|by|in|at|than)\b/i;

function glueColumns(header: FlatHeader): GlueColumn[] {
  return header.columns.map((c) => {
    if (c.kind === 'period') return { kind: 'period' as const };
    const base = 0;
    const p0 = header.columns[0]!.period;
    if (!c.backMonths) {
      // "Q1 2023 | Q2 2023 | % Change": a bare change column beside two periods compares the later with the earlier
      const periods = header.columns.map((x, i) => [x, i] as const).filter(([x]) => x.kind === 'period' && x.period);
      if (header.columns.filter((x) => x.kind === 'change').length === 1 && periods.length === 2) {
        const [[a, ia], [b, ib]] = periods as [[HeaderColumn, number], [HeaderColumn, number]];
        const ea = periodEnd(a.period!);
        const eb = periodEnd(b.period!);
        if (ea !== eb) return ea > eb ? { kind: 'change' as const, base: ia, against: ib } : { kind: 'change' as const, base: ib, against: ia };
      }
      return { kind: 'change-unknown' as const };
    }
    if (!p0) return { kind: 'change-unknown' as const };
    const target = shiftMonths(periodEnd(p0), -c.backMonths);
    const against = header.columns.findIndex((x) => x.period && periodEnd(x.period).slice(0, 7) === target.slice(0, 7));
    return against > 0 ? { kind: 'change' as const, base, against } : { kind: 'change-unknown' as const };
  });
}

function shiftMonths(iso: string, by: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + by;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}`;
}

/** Reads the rows that follow a header, until the text turns back into prose. */
export function readFlatTable(text: string, header: FlatHeader, env: Env): FlatTable {
  const columns = glueColumns(header);
  const rows: FlatRow[] = [];
  const limit = Math.min(text.length, header.end + 5000);
  const usesGrouping = /\d,\d{3}/.test(text.slice(header.end, limit));
  let p = header.end;
  let caption = '';
  let failures = 0;
  let end = header.end;
  while (p < limit && rows.length < 60) {
    const q = nextRunStart(text, p, Math.min(limit, p + 160));
    if (q < 0) break;
    let label = text.slice(p, q).replace(/\s+/g, ' ').trim();
    if (label.length > 110 || SENTENCE.test(label.replace(ABBREV, '$1')) || CLAUSE_EDGE.test(label)) break;
    let e = runEnd(text, q);
    if (e <= q) break;
    e = withoutForeignBtc(text, q, e, label, env);
    // a second header: another table starts
    if (findFlatHeaders(text.slice(p, q), env).length) break;
    const glued = q > 0 && /[a-z)\]]/i.test(text[q - 1]!);
    const tryRead = (to: number) => readRun(text.slice(q, to), { columns, gluedToLabel: glued, tableUsesGrouping: usesGrouping });
    let glue = tryRead(e);
    if (!glue) {
      // a dash that opens the next label ("… 20.1 - Rockdale") is not a value
      const trimmed = /\s[-–—]\s*$/.exec(text.slice(q, e));
      if (trimmed) {
        const e2 = q + trimmed.index;
        const g2 = tryRead(e2);
        if (g2) {
          glue = g2;
          e = e2;
        }
      }
    }
    if (!glue) {
      const run = text.slice(q, e).trim();
      if (/^\d{1,2}$/.test(run) && glued && label) {
        // a caption with its footnote ("Managed Services8")
        caption = label;
        p = e;
        continue;
      }
      if (++failures >= 3) break;
      p = e;
      continue;
    }
    failures = 0;
    const sec = SECTION_RE.exec(label);
    // "Hosting Energized Hash rate4 5.7 6.3 Total Energized Hash rate 26.1 …": "Hosting" and
    // "Self-Mining" in front of a row's own words qualify that row; a heading such as "Bitcoin
    // Mining" glued to the first row captions the rows after it too
    let rowCaption = caption;
    if (sec && sec[0].length < label.length) {
      rowCaption = sec[1]!;
      if (!/^(?:hosting|self[- ]mining)$/i.test(sec[1]!.trim())) caption = rowCaption;
      label = label.slice(sec[0].length).trim();
    } else if (!label && sec) caption = rowCaption = sec[1]!;
    const skipped = !label || OTHER_SECTION.test(rowCaption) || OTHER_SECTION.test(label);
    rows.push({ label, readLabel: readableLabel(label, rowCaption, env), start: p, runStart: q, end: e, glue, skipped });
    end = e;
    p = e;
  }
  splitByPart(rows, env);
  crossCheck(rows, columns, env);
  return { header, rows, end };
}

/**
 * "Month End Operating Hashrate 4.2 4.2 1.8 BTC/ Avg EH 115 …", "Watts/TH Efficiency 40 40 45 BTC
 * Sold 486 …": a "BTC" after the last value of a row whose metric is not counted in bitcoin is the
 * first word of the next label, not the row's unit.
 */
function withoutForeignBtc(text: string, q: number, e: number, label: string, env: Env): number {
  const tail = /\s+btc$/i.exec(text.slice(q, e));
  if (!tail) return e;
  const metric = classifyLabel(label, env.aliasRules)?.rule.metric;
  if (!metric || metricUnit(metric) === 'BTC') return e;
  return q + tail.index;
}

const PART_RE = /^(.+?)\s+[-–—]\s+(.+)$/;

/**
 * "Deployed Hash Rate - Rockdale", "… - Corsicana", "… - Total": where a metric is broken down by
 * site with a total row, the site rows are parts, and only the total is the company's figure.
 */
function splitByPart(rows: FlatRow[], env: Env): void {
  const totals = new Map<string, FlatRow>();
  for (const r of rows) {
    const m = PART_RE.exec(r.label);
    if (m && /^total$/i.test(m[2]!.trim())) totals.set(m[1]!.toLowerCase(), r);
  }
  if (!totals.size) return;
  for (const r of rows) {
    const m = PART_RE.exec(r.label);
    if (!m || !totals.has(m[1]!.toLowerCase())) continue;
    if (totals.get(m[1]!.toLowerCase()) === r) r.readLabel = readableLabel(m[1]!.trim(), '', env);
    else r.skipped = true;
  }
}

const PER_BTC = /\s*\(?\s*per\s+(bitcoin|btc)(\s+mined)?\s*\)?/i;

/** A row's money scale from its label or value ("US$'000", "$43.9m"). */
function scaleOf(label: string, valueText: string): number {
  if (/'\s?000|’\s?000|in thousands/i.test(label)) return 1e3;
  if (/\d\s?(m|mn|million)\b/i.test(valueText)) return 1e6;
  if (/\d\s?(k|thousand)\b/i.test(valueText)) return 1e3;
  return 1;
}

function baseWords(label: string): string {
  return label
    .toLowerCase()
    .replace(PER_BTC, ' ')
    .replace(/\((us\$|\$|usd)[^)]*\)|\d+$/g, ' ')
    .replace(/\bcosts\b/g, 'cost')
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A total, the same amount per bitcoin and the bitcoin mined check each other (revenue ÷
 * revenue per bitcoin = bitcoin mined). Where one reading of each glued run fits, it is taken
 * and the three figures count as checked.
 */
function crossCheck(rows: FlatRow[], columns: GlueColumn[], env: Env): void {
  const live = rows.filter((r) => !r.skipped);
  const mined = live.filter((r) => classifyLabel(r.readLabel, env.aliasRules)?.rule.metric === 'btc_produced');
  if (mined.length !== 1) return;
  const btc = mined[0]!;
  for (const per of live) {
    if (!PER_BTC.test(per.label)) continue;
    const base = baseWords(per.label);
    const others = live.filter((r) => r !== per && r !== btc && !PER_BTC.test(r.label));
    const exact = others.filter((r) => baseWords(r.label) === base);
    // "Mining revenue (US$'000)" beside "Revenue per Bitcoin (US$)"
    const totals = exact.length ? exact : others.filter((r) => baseWords(r.label).endsWith(` ${base}`));
    if (totals.length !== 1) continue;
    const total = totals[0]!;
    columns.forEach((col, c) => {
      if (col.kind !== 'period') return;
      const fits: [number, number, number][] = [];
      for (const t of total.glue.all)
        for (const p of per.glue.all)
          for (const n of btc.glue.all) {
            const tv = t.values[c]!;
            const pv = p.values[c]!;
            const nv = n.values[c]!;
            if (tv.dash || pv.dash || nv.dash || pv.num === 0) continue;
            const implied = (Math.abs(tv.num) * scaleOf(total.label, tv.text)) / (Math.abs(pv.num) * scaleOf(per.label, pv.text));
            if (Math.abs(implied - nv.num) <= Math.max(1, nv.num * 0.01)) fits.push([tv.num, pv.num, nv.num]);
          }
      const distinct = new Set(fits.map((f) => f.join('|')));
      if (distinct.size !== 1) return;
      const [tv, pv, nv] = fits[0]!;
      for (const [row, v] of [[total, tv], [per, pv], [btc, nv]] as const) choose(row, c, v);
    });
  }
}

/** Takes the best reading of a row whose value in column c is v, and marks that column checked. */
function choose(row: FlatRow, c: number, v: number): void {
  const g = row.glue;
  if (g.best.values[c]!.num !== v) {
    const alt = g.all.find((r) => r.values[c]!.num === v);
    if (!alt) return;
    // other columns of the row keep their certainty only where the new reading agrees
    g.certainty = g.certainty.map((k, i) => (alt.values[i]!.num === g.best.values[i]!.num ? k : 'ambiguous'));
    g.best = alt;
  }
  g.certainty[c] = 'checked';
}

/** The row label as the table reader will classify it: the words, a mining caption when needed. */
function readableLabel(label: string, caption: string, env: Env): string {
  const open = label.replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  const tries = [label, open];
  if (/mining/i.test(caption) && !OTHER_SECTION.test(caption)) tries.push(`${caption} ${label}`, `${caption} ${open}`);
  return tries.find((t) => classifyLabel(t, env.aliasRules)) ?? label;
}

/** A rebuilt table for the table reader: canonical period headers, cells without footnotes. */
function asTable(flat: FlatTable, context: string): { table: Table; rowOf: FlatRow[] } {
  const rowOf = flat.rows.filter((r) => !r.skipped);
  const rows: string[][] = [['Metric', ...flat.header.columns.map((c) => c.text)]];
  for (const r of rowOf) rows.push([r.readLabel, ...r.glue.best.values.map((v) => (v.dash ? '-' : v.text.replace(/^\((.*)\)$/, '$1')))]);
  return { table: { index: 0, rows, offset: flat.header.start, context }, rowOf };
}

export interface FlatRead {
  candidates: Candidate[];
  /** document text spans read as flat tables */
  spans: { start: number; end: number }[];
  /** value runs the flat reader split into cells: prose reading them as sentences gives way */
  valueRuns: { start: number; end: number }[];
}

const HEDGE_BEFORE_VALUE = /\b(?:appx|approx)\.\s?(?=[$~\d(])|\bapproximately\s(?=[$~\d(])/gi;

/** Finds and reads every flat table in the document's text. */
export function readFlatRows(doc: ParsedDocument, env: Env): FlatRead {
  const out: FlatRead = { candidates: [], spans: [], valueRuns: [] };
  const text = doc.text;
  // "Appx. $29.4 million Appx. $55.8 million": a hedge before each value is not a label between
  // them; blanked once per document (same length, so offsets stay those of the document)
  let rowText: string | undefined;
  let after = 0;
  for (const header of findFlatHeaders(text, env)) {
    if (header.start < after) continue;
    rowText ??= text.replace(HEDGE_BEFORE_VALUE, (m) => ' '.repeat(m.length));
    const flat = readFlatTable(rowText, header, env);
    if (!flat.rows.length) continue;
    after = flat.end;
    out.spans.push({ start: header.start, end: flat.end });
    for (const r of flat.rows) out.valueRuns.push({ start: r.runStart, end: r.end });
    const context = text.slice(Math.max(0, header.start - 300), header.start);
    const { table, rowOf } = asTable(flat, context);
    for (const c of readTables([table], env)) {
      if (c.locator.kind !== 'table') continue;
      const row = rowOf[c.locator.row - 1];
      const vi = c.locator.col - 1;
      if (!row) continue;
      const v = row.glue.best.values[vi];
      if (!v) continue;
      const certainty = row.glue.certainty[vi]!;
      const notes = [...c.notes, 'table flattened into text'];
      let confidence = c.confidence;
      if (certainty === 'likely') {
        confidence -= 0.1;
        notes.push('glued digits split by the other columns');
      } else if (certainty === 'ambiguous') {
        confidence = Math.min(confidence, 0.4);
        notes.push('glued digits: the split is a guess');
      } else if (certainty === 'checked') notes.push('glued digits split and checked against related figures');
      out.candidates.push({
        ...c,
        confidence,
        notes,
        snippet: text.slice(row.start, row.end).replace(/\s+/g, ' ').trim().slice(0, 240),
        locator: { kind: 'text', offset: row.runStart + v.start, length: v.end - v.start },
      });
    }
  }
  return out;
}

function keyOf(c: Candidate): string {
  const p = c.period.kind === 'instant' ? `@${c.period.asOf}` : `${c.period.start}..${c.period.end}`;
  return `${c.company ?? ''}|${c.metric}|${c.basis ?? ''}|${p}`;
}

/**
 * Adds the flat-table figures to the other readers' candidates. Prose read the same flattened
 * text as run-together sentences; where the flat reader covered a span, prose figures of a metric
 * it read there give way, and elsewhere a prose figure that is the flat one with a footnote digit
 * glued in front ("110.9" for 10.9) is dropped.
 */
export function withFlatRows(doc: ParsedDocument, env: Env, others: Candidate[]): Candidate[] {
  const flat = readFlatRows(doc, env);
  if (!flat.candidates.length) return others;
  const inSpan = (c: Candidate) => c.locator.kind === 'text' && flat.spans.some((s) => c.locator.kind === 'text' && c.locator.offset >= s.start && c.locator.offset < s.end);
  const flatMetrics = new Set(flat.candidates.map((c) => c.metric));
  const byKey = new Map<string, Candidate[]>();
  for (const c of flat.candidates) byKey.set(keyOf(c), [...(byKey.get(keyOf(c)) ?? []), c]);
  const kept = others.filter((c) => {
    if (c.source === 'table') return true;
    if (inSpan(c) && (flatMetrics.has(c.metric) || byKey.has(keyOf(c)))) return false;
    if (c.locator.kind === 'text' && flat.valueRuns.some((r) => c.locator.kind === 'text' && c.locator.offset >= r.start && c.locator.offset < r.end)) return false;
    const same = byKey.get(keyOf(c));
    if (same?.some((f) => f.confidence >= 0.5 && gluedVariant(c.value, f.value))) return false;
    return true;
  });
  return [...kept, ...flat.candidates];
}

/** "110.9" is "10.9" with a footnote digit in front. */
function gluedVariant(prose: number, flat: number): boolean {
  if (prose === flat) return false;
  const a = String(prose);
  const b = String(flat);
  return a.length > b.length && a.endsWith(b) && /^[1-9]{1,2}$/.test(a.slice(0, a.length - b.length));
}
