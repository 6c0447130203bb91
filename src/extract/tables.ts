import type { Table } from '../model/parsed.ts';
import { findPeriods, periodEnd, type Period } from './dates.ts';
import { dateOpts, fitPeriod, resolveYtd, type Candidate, type Env } from './_candidate.ts';
import { classifyLabel, normalizeLabel } from './labels.ts';
import { parseNumber, tidy, type ParsedNumber } from './numbers.ts';
import { LABEL_RULES, NOT_OWN, type LabelRule } from './rules.ts';
import { efficiencyFactor, hashrateFactor, kwhFactor, moneyScale, mwFactor } from './units.ts';

/**
 * Tables: label rows × period columns. Header rows (dates, "Three Months Ended", "Apr-24",
 * "Quantity | Fair Value") are read into one description per value column; spans of
 * super-headers are spread over the columns below them. A figure takes its period from the row
 * label ("Balance at December 31, 2024"), else its column, else the table's lead-in sentence.
 */

export interface Cell {
  num: ParsedNumber;
  /** unit words printed in the cell ("EH/s", "c/kWh", "million") */
  unitText: string;
  text: string;
}

/** "11,956 (10,608 adj)3": a cell's second, qualified figure in parentheses is a note, not the value. */
const CELL_NOTE = /\s+\((?=[^)]*[a-z])[^)]{1,30}\)\s*\d{0,2}$/i;

const CELL_RE = /^(~|≈|approx\.?\s*|appx\.?\s*|approximately\s*)?(\(?-?\s*(?:US\$|C\$|\$)?\s*\(?[\d.,]+\)?)\s*(thousand|million|billion|mn|bn|k|m|b)?\s*(eh\/s|ph\/s|th\/s|j\/th|w\/th|mw|gw|btc|bitcoin|[¢c]\s*\/\s*kwh|\/kwh|per kwh|%)?\s*\)?\s*((?:\d{1,2})(?:\s*,\s*\d{1,2})*)?$/i;

/** Reads a value cell: a number with optional unit and a trailing footnote ("21.5 EH/s 3"). */
export function readCell(text: string): Cell | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const dash = parseNumber(t);
  if (dash?.dashZero) return { num: dash, unitText: '', text: t };
  // "19,2113": a last digit group one too long is a footnote mark glued to the figure (a cell
  // scraped with its superscript, "19,211" + "3"); read it, trusted less
  const trailing = /^((?:US\$|\$)?\d{1,3}(?:,\d{3})*,\d{3})([1-9])$/.exec(t);
  if (trailing) {
    const num = parseNumber(trailing[1]!);
    if (num) return { num: { ...num, footnoteSplit: true }, unitText: '', text: t };
  }
  // "($18,896)*": a mark for a revised figure, not part of it
  const m = CELL_RE.exec(t.replace(/\s+/g, ' ').replace(CELL_NOTE, '').replace(/(?<=[\d)])\s*[*†‡]+$/, ''));
  if (!m) return undefined;
  // a trailing footnote only after a unit: "10.3 EH/s 2"; "2024 1" is a header
  if (m[5] && !m[4]) return undefined;
  // "Appx. $22.2 million", "approximately $51.2 million": one spelling the number reader knows
  const approx = m[1] ? (/^[~≈]/.test(m[1]) ? m[1] : 'approx. ') : '';
  const core = `${approx}${m[2]}${m[3] ? ` ${m[3]}` : ''}${m[4] === '%' ? '%' : ''}`;
  const num = parseNumber(core);
  if (!num) return undefined;
  return { num, unitText: `${m[3] ?? ''} ${m[4] ?? ''}`.trim(), text: t };
}

function isYearish(text: string): boolean {
  return /^(19|20)\d\d(\s*\(\w+\))?$/.test(text.trim());
}

/** A row whose every value-looking cell is a year or a date belongs to the header. */
function isHeaderLike(cells: string[]): boolean {
  const rest = cells.filter((c) => c.trim());
  if (!rest.length) return false;
  if (!rest.every((c) => !readCell(c) || isYearish(c))) return false;
  // a lone caption ("Cost of Mining - Hosted Facilities") is a section title, not a header
  if (rest.length === 1) return HEADER_WORDS.test(rest[0]!) || isYearish(rest[0]!);
  return true;
}

const HEADER_WORDS = /\b(ended|ending|as of|months?|quarter|year|ytd|fiscal|q[1-4]|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s-]+'?\d{2,4})\b/i;

interface ColumnInfo {
  header: string;
  period?: Period;
  ytd?: boolean;
  measure?: 'count' | 'usd';
  skip?: boolean;
  /** header text spread over columns by a guess (spans did not divide evenly) */
  uncertain?: boolean;
}

const MEASURE_COUNT = /^(number of (bitcoins?|btc|units|coins)|quantity|units|btc|bitcoin|no\. of)/i;
const MEASURE_USD = /^(amount|fair value|cost basis|cost|carrying (value|amount)|value|usd|us\$|\$)/i;
const COMPARISON_COL = /month\s*\/\s*month|year\s*\/\s*year|\bm\/m\b|\by\/y\b|\bmom\b|\byoy\b|% change|change|variance|comparison|\bq\/q\b|%/i;

/**
 * "Metrics | Three Months Ended Sep 30," over "2024 | 2023": a row-spanning label heading sits
 * in the first cell (spans are not expanded), and the one period caption after it covers every
 * value column.
 */
function isRowLabelHeading(cells: string[]): boolean {
  const [first, ...rest] = cells;
  if (!first || rest.length !== 1) return false;
  if (HEADER_WORDS.test(first) || /\d/.test(first) || MEASURE_COUNT.test(first) || MEASURE_USD.test(first)) return false;
  return /^(metrics?|items?|description|operating (metrics|data|highlights)|key metrics)$/i.test(first.trim()) && /\b(ended|ending|as of)\b/i.test(rest[0]!);
}

/** A flattened two-row header: period caption, then the row-label heading, then one bare year per column. */
function isLostCaption(cells: string[]): boolean {
  const [caption, heading, ...years] = cells;
  if (!caption || !heading || !years.length) return false;
  return /\b(months?|quarter|year|weeks?)\s+ended\b/i.test(caption) && !/(19|20)\d\d/.test(caption) && isRowLabelHeading([heading, caption]) && years.every(isYearish);
}

/** "Three Months Ended June 30,", "As of June 30,": a period caption that leaves its year to the cells below. */
function isPeriodCaption(cell: string): boolean {
  return /^(?:(?:for\s+the\s+)?(?:three|six|nine|twelve)\s+months|quarter|year|month)\s+ended\s+\w+\.?\s+\d{1,2},?$|^as\s+of\s+\w+\.?\s+\d{1,2},?$/i.test(cell.trim());
}

/** Spreads header rows over n value columns: exact, evenly divided spans, or right-aligned. */
export function columnHeaders(headerRows: string[][], n: number): { texts: string[]; uncertain: boolean[] } {
  const texts = Array.from({ length: n }, () => '');
  const uncertain = Array.from({ length: n }, () => false);
  for (const row of headerRows) {
    let cells = row.filter((c) => c.trim() !== '');
    if (cells.length === n + 2 && isLostCaption(cells)) {
      // "Three Months Ended Sep 30, | Metrics | 2024 | 2023": the caption above the years, pushed into the label column
      const caption = cells[0]!;
      cells = cells.slice(2).map((c) => `${caption} ${c}`);
    } else if (n >= 1 && cells.length === n + 1 && isPeriodCaption(cells[0]!) && cells.slice(1).every(isYearish)) {
      // "Three Months Ended June 30, | 2024 | 2023": the caption sits in the label column, over every year
      const caption = cells[0]!;
      cells = cells.slice(1).map((c) => `${caption} ${c}`);
    } else if (n >= 1 && cells.length === n + 2 && isRowLabelHeading([cells[0]!, 'ended']) && isPeriodCaption(cells[1]!) && cells.slice(2).every(isYearish)) {
      // "Metric | As of June 30, | 2024 | 2023"
      const caption = cells[1]!;
      cells = cells.slice(2).map((c) => `${caption} ${c}`);
    } else if (cells.length === n + 1 || (cells.length > n && cells.length - n === 1)) cells = cells.slice(1);
    else if (cells.length > n) cells = cells.slice(cells.length - n);
    else if (cells.length === n && n > 1 && isRowLabelHeading(cells)) cells = cells.slice(1);
    if (!cells.length) continue;
    if (cells.length === n) cells.forEach((c, i) => (texts[i] = `${texts[i]} ${c}`));
    else if (n % cells.length === 0) {
      const span = n / cells.length;
      cells.forEach((c, i) => {
        for (let k = 0; k < span; k++) texts[i * span + k] = `${texts[i * span + k]} ${c}`;
      });
    } else {
      // first cell may be a row-label heading ("Bitcoin holdings | March 31, 2024 | …")
      const offset = n - cells.length;
      cells.forEach((c, i) => {
        texts[offset + i] = `${texts[offset + i]} ${c}`;
        uncertain[offset + i] = true;
      });
      for (let i = 0; i < offset; i++) uncertain[i] = true;
    }
  }
  return { texts: texts.map((t) => t.trim()), uncertain };
}

const BARE_DATE = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d$/i;

function describeColumn(header: string, uncertain: boolean, env: Env, contextPeriod: Period | undefined): ColumnInfo {
  const info: ColumnInfo = { header, uncertain };
  // footnote markers and restatement asterisks after a header's year ("August 2024 1", "Jul 25*")
  const h = header
    .replace(/\s+/g, ' ')
    .replace(/\*+/g, '')
    .replace(/(\b(?:19|20)\d\d)\s+\d{1,2}(?:\s*,\s*\d{1,2})*(?=\s|$)/g, '$1')
    .trim();
  // a spread super-header ("Comparison (%)") over period columns does not make them comparisons
  const own = h.replace(/^\s*(?:comparison|change|variance)\s*(?:\(%\))?\s*/i, '');
  if (COMPARISON_COL.test(h) && !/ended|as of/i.test(h) && !(own !== h && own && !COMPARISON_COL.test(own))) return { ...info, skip: true };
  const lastPart = h.split(/\s{1,}(?=[A-Z(])/).pop() ?? h;
  if (MEASURE_COUNT.test(h) || MEASURE_COUNT.test(lastPart)) info.measure = 'count';
  else if (MEASURE_USD.test(h) || MEASURE_USD.test(lastPart)) info.measure = 'usd';
  const hits = findPeriods(h, dateOpts(env));
  const flow = hits.find((x) => x.period.kind === 'flow' && !x.ytd);
  const instant = hits.find((x) => x.period.kind === 'instant');
  const ytd = hits.find((x) => x.ytd);
  if (flow) info.period = flow.period;
  else if (ytd) {
    info.ytd = true;
    const p = resolveYtd(ytd, env, instant?.period ?? contextPeriod);
    if (p) info.period = p;
  } else if (instant) {
    info.period = instant.period;
  } else if (BARE_DATE.test(h)) {
    // a column headed by a date alone ("Mar. 31, 2024" in a balance sheet) is a point in time;
    // in prose a bare date dates nothing, so say "as of" to the date reader
    const p = findPeriods(`as of ${h}`, dateOpts(env))[0]?.period;
    if (p?.kind === 'instant') info.period = p;
  } else if (/^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+'?\d{2}$/i.test(monthYearTail(h))) {
    // "Aug 25" over a monthly column is August 2025 (a day would come with its year)
    const [mon, yy] = monthYearTail(h).split(/\s+'?/);
    const p = findPeriods(`${mon} 20${yy}`, dateOpts(env))[0]?.period;
    if (p && (!env.ref || periodEnd(p) <= env.ref)) info.period = p;
  } else {
    // "2024" under a "Three Months Ended March 31," super-header lost its day; rebuild it
    const year = /\b(19|20)\d\d\b/.exec(h);
    const md = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+(\d{1,2})\b/i.exec(h);
    if (year && md) {
      const rebuilt = findPeriods(`${md[0]}, ${year[0]}`, dateOpts(env));
      if (rebuilt[0]) info.period = rebuilt[0].period;
    }
  }
  // "Three Months Ended March 31, 2024" arrives as a span; a bare date with a span word in the
  // header ("For the Six Months Ended … | March 31, 2024") was joined before parsing, so nothing to do
  return info;
}

/** The period a lead-in sentence names ("activity … for the nine months ended September 30, 2025"). */
function contextPeriodOf(text: string, env: Env): Period | undefined {
  // a lead-in's plans ("on track for Q4 '25 delivery") end after the document was published
  const hits = findPeriods(text, dateOpts(env)).filter((h) => !env.ref || h.ytd || periodEnd(h.period) <= env.ref);
  const flow = hits.find((h) => h.period.kind === 'flow' && !h.ytd && h.period.grain !== 'month');
  if (flow) return flow.period;
  const any = hits.find((h) => !h.ytd);
  return any?.period;
}

function convert(rule: LabelRule, cell: Cell, label: string, header: string, tableText: string, scaleText = tableText): { value: number; notes: string[]; penalty: number } | undefined {
  const notes: string[] = [];
  let penalty = 0;
  const v = cell.num.value;
  const around = `${cell.unitText} ${label} ${header}`;
  if (cell.num.percent) return undefined;
  switch (rule.value) {
    case 'btc': {
      if (cell.num.currency) return undefined;
      if (/\$|usd|us\$|in thousands|'000/i.test(`${label} ${header}`)) return undefined;
      // a money table ("$ in thousands") holds no coin counts unless a column says so, or the row
      // names its unit: EDGAR's rendered statements (R pages, Financial_Report.xlsx) suffix a
      // non-monetary row with its XBRL unit ("Number of bitcoin held (in bitcoin)")
      const countRow = /\(in (?:bitcoins?|btc)\)|\bnumber of (?:bitcoins?|btc)\b/i.test(label);
      if (moneyScale(scaleText) && !countRow && !/\b(number of|quantity|units|btc|bitcoins?)\b/i.test(header)) return undefined;
      // roll-forwards print outflows in parentheses: "Bitcoin sold | (57.2)"
      return { value: Math.abs(v), notes, penalty };
    }
    case 'usd': {
      let scale = cell.num.scale > 1 ? 1 : moneyScale(`${label}`) ?? moneyScale(header) ?? moneyScale(tableText) ?? 1;
      if (cell.num.scale > 1) scale = 1;
      if (!cell.num.currency && scale === 1 && !/\$|usd|us\$/i.test(around)) penalty += 0.2;
      return { value: tidy(v * scale), notes, penalty };
    }
    case 'usd_per_btc': {
      const scale = cell.num.scale > 1 ? 1 : moneyScale(label) ?? 1;
      // costs are printed as negatives in profit tables: "Electricity cost (per Bitcoin) | ($24,683)"
      return { value: tidy(Math.abs(v) * scale), notes, penalty };
    }
    case 'hashrate': {
      const near = hashrateFactor(cell.unitText) ?? hashrateFactor(label) ?? hashrateFactor(header);
      // a unit in the surrounding prose ("US$ per terahash/second (TH/s)") is a guess: kept only
      // where it gives a fleet-sized figure
      const far = near === undefined ? hashrateFactor(tableText) : undefined;
      const f = near ?? (far !== undefined && v * far >= 0.01 && v * far <= 1000 ? far : undefined);
      if (f === undefined) {
        if (v < 0.05 || v > 300) return undefined;
        notes.push('unit not printed; read as EH/s');
        penalty += 0.25;
        return { value: v, notes, penalty };
      }
      return { value: tidy(v * f), notes, penalty };
    }
    case 'efficiency': {
      const f = efficiencyFactor(`${cell.unitText} ${label} ${header} ${tableText}`);
      if (f === undefined) penalty += 0.2;
      return { value: v, notes, penalty };
    }
    case 'mw': {
      const f = mwFactor(`${cell.unitText} ${label} ${header}`);
      if (f === undefined) return undefined;
      return { value: tidy(v * f), notes, penalty };
    }
    case 'usd_per_kwh': {
      const f = kwhFactor(`${cell.unitText} ${label} ${header}`) ?? (v < 1 ? 1 : undefined);
      if (f === undefined) return undefined;
      return { value: tidy(v * f), notes, penalty };
    }
  }
}

export function readTables(tables: readonly Table[], env: Env): Candidate[] {
  const out: Candidate[] = [];
  for (const table of tables) {
    const own: Candidate[] = [];
    readTable(table, env, own);
    out.push(...dropSectionDashes(own, isCashFlowStatement(table)));
  }
  return out;
}

/**
 * A cash-flow statement prints one line twice, in the operating and the investing section
 * ("Proceeds from sale of bitcoin | — | 76,203" … "| 43,103 | —"): the dash is that section's
 * nothing, not the period's total, so it gives way to the same table's figure for the period.
 */
function dropSectionDashes(cands: Candidate[], cashFlow: boolean): Candidate[] {
  const key = (c: Candidate) => `${c.metric}|${c.basis ?? ''}|${c.period.kind === 'instant' ? c.period.asOf : `${c.period.start}..${c.period.end}`}`;
  const nonZero = new Set(cands.filter((c) => c.value !== 0).map(key));
  // in a cash-flow statement a dash is only that line's classification; sales may sit elsewhere
  return cands.filter((c) => c.value !== 0 || (!cashFlow && !nonZero.has(key(c))));
}

function isCashFlowStatement(table: Table): boolean {
  return table.rows.some((r) => /\bnet cash (used in|provided by|\(used in\))|\bcash flows? (from|used in)\b/i.test(r[0] ?? ''));
}

/** Coins other than bitcoin whose roll-forward tables look like a bitcoin one ("Ending balance"). */
const OTHER_ASSET = /\b(usdc|usdt|tether|stablecoins?|eth|ether|ethereum|solana|sol|doge(coin)?|litecoin|ltc|filecoin|fil|digital assets other than bitcoin)\b/i;

/**
 * "Fleet Efficiency (J/TH)5 | 27.94 | 28.77 | 1": the number of the next footnote, cut loose from
 * its text, lands as a last cell. Where every other row has fewer cells, a bare one- or two-digit
 * last cell is that footnote, not a column, and would shift the row's figures one column left.
 */
function trimFootnoteCells(rows: { values: string[] }[]): void {
  const widths = rows.map((r) => r.values.length);
  for (const r of rows) {
    const w = r.values.length;
    if (w < 2 || !/^\d{1,2}$/.test(r.values[w - 1]!.trim())) continue;
    const others = widths.filter((x) => x !== w);
    if (!others.length || others.some((x) => x >= w) || rows.filter((x) => x.values.length === w).length > 1) continue;
    if (!others.includes(w - 1)) continue;
    r.values = r.values.slice(0, w - 1);
  }
}

/** "Appx. $", "US$", "~$": the front of a figure whose number went to the next cell */
const CURRENCY_FRONT = /^(?:(?:appx\.?|approx\.?|approximately|about|~)\s*)?(?:US\$|C\$|A\$|\$)$/i;

/**
 * "Bitcoin Sales Proceeds ($USD)" on a row of its own, then "Appx. $ | 51.2 million" and
 * "Appx. $ | 36.9 million": a page that broke each value cell in two. The fronts and numbers are
 * joined back into the label's row, one cell per column.
 */
function joinSplitCells(rows: string[][]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const cells: string[] = [];
    let j = i + 1;
    while (j < rows.length) {
      const next = rows[j]!.filter((c) => c.trim());
      if (next.length !== 2 || !CURRENCY_FRONT.test(next[0]!.trim()) || !readCell(`${next[0]}${next[1]}`)) break;
      cells.push(`${next[0]!.trim()}${next[1]!.trim()}`);
      j++;
    }
    if (cells.length && r.filter((c) => c.trim()).length === 1 && !readCell(r[0] ?? '')) {
      out.push([r[0]!, ...cells]);
      i = j - 1;
    } else out.push(r);
  }
  return out;
}

function readTable(table: Table, env: Env, out: Candidate[]): void {
  const rows = joinSplitCells(table.rows);
  if (rows.length < 1 || rows.length > 400) return;
  const parsed = rows.map((r) => {
    const labelIdx = r.length > 0 && !readCell(r[0]!) ? 0 : -1;
    const label = labelIdx === 0 ? r[0]! : '';
    const values = r.slice(labelIdx + 1);
    return { raw: r, label, values };
  });
  const dataRows = parsed.filter((p) => p.label && p.values.some((c) => readCell(c) && !isYearish(c)));
  if (!dataRows.length) return;
  trimFootnoteCells(dataRows);
  const counts = new Map<number, number>();
  for (const d of dataRows) counts.set(d.values.length, (counts.get(d.values.length) ?? 0) + 1);
  const n = Math.max(...dataRows.map((d) => d.values.length));
  const tableText = `${table.context} ${rows.slice(0, 3).map((r) => r.join(' ')).join(' ')}`;
  // "Power Cost ($M) | $5.7": a scale in a data row's own label is that row's unit, not the table's
  const scaleText = `${table.context} ${parsed
    .slice(0, 3)
    .filter((p) => !(p.label && moneyScale(p.label) && p.values.some((c) => readCell(c) && !isYearish(c))))
    .map((p) => p.raw.join(' '))
    .join(' ')}`;
  const ctxPeriod = contextPeriodOf(table.context, env);

  let headerRows: string[][] = [];
  let columns: ColumnInfo[] = [];
  let sawData = false;
  const rebuild = () => {
    const { texts, uncertain } = columnHeaders(headerRows, n);
    columns = texts.map((t, i) => describeColumn(t, uncertain[i]!, env, ctxPeriod));
  };
  rebuild();

  const segments = siblingSegments(parsed.map((p) => (p.label && p.values.some((c) => readCell(c) && !isYearish(c)) ? classifyLabel(p.label, env.aliasRules) : undefined)));

  // a label-only row names the section below it ("Bitcoin Mining", "AI Cloud Services")
  let section = '';
  parsed.forEach((p, rowIdx) => {
    const isData = p.label && p.values.some((c) => readCell(c) && !isYearish(c));
    if (!isData && p.label && p.values.every((c) => !c.trim())) section = p.label;
    if (!isData) {
      // a metric row whose figures could not be read ("Appx. $ 51.2 million" in a new spelling) is
      // not a header: taking it for one would re-date every column below it
      if (p.label && classifyLabel(p.label, env.aliasRules) && p.values.some((c) => /\d/.test(c)) && !p.values.some((c) => isYearish(c) || HEADER_WORDS.test(c))) return;
      // a lone label under the header ("Bitcoin Mining") opens a section; it is not a column header
      const sectionRow = !!p.label && p.values.every((c) => !c.trim()) && headerRows.length > 0 && !isHeaderLike(p.raw);
      if (!sectionRow && (isHeaderLike(p.raw) || !sawData)) {
        if (sawData) headerRows = [];
        sawData = false;
        headerRows.push(p.raw);
        rebuild();
      }
      return;
    }
    sawData = true;
    const hit = classifyLabel(p.label, env.aliasRules) ?? sectionRevenue(p.label, section) ?? sectionOwnRow(p.label, section, env);
    if (!hit || segments.has(rowIdx)) return;
    const { rule } = hit;
    // "Colocation Bitcoin Produced", "Hosting Energized Hash rate": the customers' machines, not the company's
    if (isCustomersRow(hit)) return;
    // "Ending balance" is bitcoin's only in a table about bitcoin, not a USDC or ETH roll-forward
    if (rule.value === 'btc' && !/\b(bitcoins?|btc)\b/.test(hit.norm)) {
      const about = `${table.context} ${headerRows.map((r) => r.join(' ')).join(' ')}`;
      if (!/\b(bitcoins?|btc)\b/i.test(about) || OTHER_ASSET.test(about)) return;
    }
    // the row label may carry its own date ("Balance at June 30, 2024")
    const labelHits = findPeriods(p.label, dateOpts(env));
    const labelPeriod = labelHits.find((h) => !h.ytd)?.period;
    // values right-aligned to the columns: a short row leaves the first columns empty
    const offset = n - p.values.length;
    p.values.forEach((text, j) => {
      const col = columns[offset + j];
      if (!col || col.skip) return;
      const cell = readCell(text);
      if (!cell) return;
      if (rule.value === 'btc' && col.measure === 'usd') return;
      // a count row never carries a dollar sign in any of its cells ("Ending balance | $515,242 | 340,106")
      if (rule.value === 'btc' && col.measure !== 'count' && p.values.some((v) => /\$/.test(v))) return;
      if (rule.value !== 'btc' && col.measure === 'count') return;
      // measure tables (Quantity | Fair value) repeat one period; take only the first count column
      const conv = convert(rule, cell, hit.norm, col.header, tableText, scaleText);
      if (!conv) return;
      let period: Period | undefined = labelPeriod ?? col.period;
      if (!period || (period.kind === 'instant' && rule.value !== 'btc' && ctxPeriod?.kind === 'flow' && ctxPeriod.end === period.asOf)) {
        period = period ?? ctxPeriod;
      }
      // a flow figure under an instant column header: take the lead-in's span when it ends there
      if (period?.kind === 'instant' && ctxPeriod?.kind === 'flow' && ctxPeriod.end === period.asOf) {
        const kindNeedsFlow = fitPeriod(rule.metric, period) === undefined;
        if (kindNeedsFlow) period = ctxPeriod;
      }
      if (!period && col.measure) period = ctxPeriod ?? env.defaultPeriod;
      const fitted = fitPeriod(rule.metric, period);
      if (!fitted) return;
      let confidence = rule.confidence ?? 0.9;
      const notes = [...conv.notes];
      confidence -= conv.penalty;
      if (col.uncertain) {
        confidence -= 0.45;
        notes.push('column header spread by guess');
      }
      if (cell.num.footnoteSplit) confidence -= 0.2;
      if (/sales? of and payments made/.test(hit.norm)) {
        confidence = Math.min(confidence, 0.3);
        notes.push('sales mixed with payments made in BTC');
      }
      if (!labelPeriod && !col.period) {
        confidence -= 0.1;
        notes.push('period from the table lead-in');
      }
      const candidate: Candidate = {
        metric: rule.metric,
        value: conv.value,
        period: fitted,
        snippet: p.raw.join(' | ').slice(0, 240),
        locator: { kind: 'table', table: table.index, row: rowIdx, col: p.raw.length - p.values.length + j, ...(table.page ? { page: table.page } : {}), ...(table.sheet ? { sheet: table.sheet } : {}) },
        confidence: Math.max(0.05, Math.min(0.95, confidence)),
        notes,
        source: 'table',
      };
      if (rule.basis) candidate.basis = rule.basis;
      else if (rule.metric.startsWith('hashrate_')) candidate.basis = hashrateBasisWord(hit.norm);
      if (rule.metric === 'cost_per_btc') candidate.basisLabel = p.label.replace(/\s*\(\d+\)/g, '').trim().slice(0, 160);
      out.push(candidate);
    });
  });
}

/** "Revenue" in a table's "Bitcoin Mining" section is mining revenue; in "AI Cloud Services" it is not. */
function sectionRevenue(label: string, section: string): { rule: LabelRule; norm: string } | undefined {
  const norm = normalizeLabel(label);
  if (!/^(total )?revenues?$/.test(norm)) return undefined;
  if (!/\b(bitcoin|btc|self[- ]?)\s*mining\b/i.test(section) || /hosting|cloud|hpc|\bai\b/i.test(section)) return undefined;
  const rule = LABEL_RULES.find((r) => r.metric === 'mining_revenue');
  return rule ? { rule: { ...rule, confidence: 0.8 }, norm } : undefined;
}

/**
 * "BTC Produced" over "From <company> self-mining operations | 780" and "By customers from
 * cloud-mining solutions | 1,272": under a caption that names the metric, the one sub-row that says
 * it is the company's own mining carries the figure; customers' and sites' rows do not.
 */
function sectionOwnRow(label: string, section: string, env: Env): { rule: LabelRule; norm: string } | undefined {
  if (!section || classifyLabel(label, env.aliasRules)) return undefined;
  const caption = classifyLabel(section, env.aliasRules);
  if (!caption || caption.rule.value !== 'btc') return undefined;
  const norm = normalizeLabel(label);
  if (!/\b(self[- ]?mining|self[- ]?mined|proprietary mining)\b/.test(norm) || CUSTOMER_REST.test(norm) || NOT_OWN.test(norm)) return undefined;
  const joined = classifyLabel(`${section} ${label}`, env.aliasRules);
  return joined && joined.rule === caption.rule ? joined : undefined;
}

/** The company's own word for a hashrate, kept as the fact's basis. */
export function hashrateBasisWord(text: string): string {
  const t = text.toLowerCase();
  // "average deployed hashrate" is a capacity figure, not what ran: deployed/installed win
  for (const w of ['deployed', 'installed', 'energized', 'nameplate']) if (new RegExp(`\\b${w}\\b`).test(t)) return w;
  // "implemented hash rate": a translated copy's word for the installed fleet
  if (/\bimplemented\b/.test(t)) return 'installed';
  if (/\b(average|averaged|averaging|avg|realized)\b/.test(t)) return 'operating_average';
  for (const w of ['active', 'operational', 'operating', 'online']) {
    if (new RegExp(`\\b${w}\\b`).test(t)) return w === 'operational' || w === 'online' ? 'operating' : w;
  }
  if (/\bmax(imum)?\b/.test(t)) return 'max';
  // "hash rate capacity of 9.8 EH/s", "4.2 EH/s of self-owned capacity"
  if (/\bcapacity\b|\bcapability\b/.test(t)) return 'installed';
  return 'unspecified';
}

/** What a row label says besides its metric wording: a site, a business line, "total". */
function labelRest(hit: { rule: LabelRule; norm: string }): string {
  return hit.norm
    .replace(hit.rule.match, ' ')
    .replace(/\(.*?\)|[-–—:,]/g, ' ')
    .replace(/\b(btc|bitcoins?|eh\/s|ph\/s|mw|j\/th|usd|us\$|\$)\b/g, ' ')
    // dates and period words are not a site ("Balance at September 30, 2025")
    .replace(/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\d+|\b(at|as|of|on|in|for|during|the|beginning|begin|end|ending|ended|opening|closing|period|year|month|quarter|fiscal|ytd|to date|three|six|nine|twelve|months)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Rows that share a metric and differ only by a trailing name ("Bitcoin Self-Mined Lake Mariner",
 * "Bitcoin Self-Mined Nautilus") are sites or segments, whatever the separator; only an unqualified
 * or "total" row among them is the company figure.
 */
const CUSTOMER_REST = /\b(hosting|hosted|colocation|colocated|co-location|customers?|clients?|cloud|third[- ]party)\b/;
const SELF_REST = /\b(self|proprietary|own|owned)\b/;

function isCustomersRow(hit: { rule: LabelRule; norm: string }): boolean {
  const rest = labelRest(hit);
  return CUSTOMER_REST.test(rest) && !SELF_REST.test(rest);
}

function siblingSegments(hits: ({ rule: LabelRule; norm: string } | undefined)[]): Set<number> {
  const byMetric = new Map<string, { idx: number; rest: string }[]>();
  hits.forEach((h, idx) => {
    if (!h) return;
    const key = `${h.rule.metric}|${h.rule.basis ?? ''}`;
    byMetric.set(key, [...(byMetric.get(key) ?? []), { idx, rest: labelRest(h) }]);
  });
  const out = new Set<number>();
  for (const rows of byMetric.values()) {
    const isTotal = (r: { rest: string }) => /^(total|combined|consolidated|company|overall)\b|\btotal$/.test(r.rest);
    const named = rows.filter((r) => r.rest && !isTotal(r));
    if (new Set(named.map((r) => r.rest)).size < 2) continue;
    // "Self-Mining … | Colocation … | Total …": customers' rows are not the company's, and a total
    // over them counts customers' machines too; the one self-mining row is the company figure
    const customers = named.filter((r) => CUSTOMER_REST.test(r.rest));
    const own = named.filter((r) => SELF_REST.test(r.rest) && !CUSTOMER_REST.test(r.rest));
    if (customers.length && own.length === 1 && customers.length + own.length === named.length) {
      for (const r of rows) if (r !== own[0]) out.add(r.idx);
      continue;
    }
    for (const r of named) out.add(r.idx);
  }
  return out;
}

function monthYearTail(h: string): string {
  const m = /(?:^|\s)((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+'?\d{2})$/i.exec(h);
  return m ? m[1]! : h;
}
