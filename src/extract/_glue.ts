/**
 * Splitting a run of values that lost its cell boundaries ("3459 BTC521 BTC529 BTC",
 * "17,3277,3096,7660%8%", "110.9 EH/s210.7 EH/s25.6 EH/s2%95%") into one value per column.
 * Footnote markers are glued in front of values and after units, so a run has several readings;
 * every well-formed reading with exactly one value per column is enumerated and scored:
 * comparison columns ("Month/Month 9%") checked against the values, the same decimals in every
 * period column, similar magnitudes, grouping like the rest of the table, few footnotes.
 * Pure: strings in, readings out.
 */

export interface GlueValue {
  /** the printed value without footnote markers ("($28,341)", "28.7 EH/s", "$43.9m") */
  text: string;
  /** offset of the value in the run */
  start: number;
  end: number;
  /** signed number as printed, before scale words ("$43.9m" → 43.9) */
  num: number;
  decimals: number;
  /** integer part of 1,000 or more printed without thousands separators */
  ungrouped: boolean;
  grouped: boolean;
  percent: boolean;
  /** "-", "–", "N/A": an empty cell */
  dash: boolean;
  unit: string;
}

export interface GlueReading {
  values: GlueValue[];
  footnotes: number;
  score: number;
  /** comparison columns that agreed with the values they compare */
  checked: number;
  failedChecks: number;
}

/** What the columns of the row are: a period column, or a change between two of them. */
export type GlueColumn = { kind: 'period' } | { kind: 'change'; base: number; against: number } | { kind: 'change-unknown' };

export interface GlueOptions {
  columns: GlueColumn[];
  /** the run starts right after a letter or ")" of its label: a leading digit may be a footnote */
  gluedToLabel: boolean;
  /** the table prints thousands separators elsewhere: an ungrouped 4+ digit integer is suspect */
  tableUsesGrouping: boolean;
}

export interface GlueResult {
  best: GlueReading;
  /** per column: 'sure' (one value in every good reading), 'checked' (a comparison column decided),
   * 'likely' (magnitudes decided), 'ambiguous' */
  certainty: ('sure' | 'checked' | 'likely' | 'ambiguous')[];
  readings: number;
  /** the next best readings, for notes and debugging */
  runnersUp: GlueReading[];
  /** every reading, best first (at most 60) */
  all: GlueReading[];
}

const UNIT_RE = /^\s?(eh\/s|ph\/s|th\/s|j\/th|w\/th|mw|gw|btc|%|[c¢]\s?\/\s?kwh)(?![a-z])/i;
const SCALE_RE = /^\s?(million|billion|thousand|mn|bn|m|k|b)(?![a-z])/i;
const DASH_RE = /^(?:[-–—]|n\/a|nm)(?=\s|$|[|])/i;
const MAX_STEPS = 40_000;

interface Partial {
  items: GlueValue[];
  footnotes: number;
}

/** Every well-formed reading of `run` with exactly `columns.length` values, best first. */
export function readRun(run: string, opts: GlueOptions): GlueResult | undefined {
  const k = opts.columns.length;
  if (!run.trim() || run.length > 200 || k < 1) return undefined;
  const done: Partial[] = [];
  let steps = 0;

  const walk = (i: number, acc: Partial, lastWasValue: boolean): void => {
    const prev = acc.items[acc.items.length - 1];
    // a marker right after a bare number and before more digits ("36" "2" "333") cannot be told apart
    const bareBefore = lastWasValue && !!prev && !prev.unit && !prev.grouped && !/[)a-z]$/i.test(prev.text);
    if (++steps > MAX_STEPS) return;
    let j = i;
    while (j < run.length && /[\s|*†]/.test(run[j]!)) j++;
    const spaced = j > i;
    if (j >= run.length) {
      if (acc.items.length === k) done.push(acc);
      return;
    }
    const rest = run.slice(j);
    // a footnote marker: glued after the label, a unit or a value ("mined3459", "EH/s210.7", "MW1")
    const mayFootnote = !spaced && ((i === 0 && opts.gluedToLabel) || lastWasValue);
    if (mayFootnote) {
      const fn = /^(?:\d{1,2}(?:,\d{1,2})*|\(\d{1,2}\))/.exec(rest);
      if (fn) {
        for (let len = 1; len <= fn[0].length; len++) {
          const piece = fn[0].slice(0, len);
          if (!/^(?:[1-9]\d?(?:,[1-9]\d?)*|\([1-9]\d?\))$/.test(piece)) continue;
          if (Number(piece.replace(/[(),].*$/, '').replace(/[()]/g, '')) > 29) continue;
          if (bareBefore && /^[\d.,]/.test(rest.slice(len))) continue;
          // a list of markers ("3,5") ends before a non-digit; "1,164" is a number
          if (piece.includes(',') && /^[\d,.]/.test(rest.slice(len))) continue;
          if (/^,\d/.test(rest.slice(len))) continue;
          walk(j + len, { items: acc.items, footnotes: acc.footnotes + (piece.replace(/\D/g, '').length > 1 ? 1.8 : 1) }, false);
        }
      }
    }
    // a footnote marker set off by blanks, in front of the next value: after the label
    // ("Bitcoin Held 1 7,345 …") or after a value with a unit or thousands separators ("11.7 EH/s 2 10.9 EH/s",
    // "106,674 2 98,694")
    const spacedOk = acc.items.length === 0 ? i === 0 && !opts.gluedToLabel : spaced && lastWasValue && !!prev && (!!prev.unit || prev.grouped) && !prev.percent;
    if (spacedOk) {
      const fn = /^([1-9]\d?)(?:,[1-9]\d?)*(?=\s+(?:\(?[-–−]?\s?(?:US\$|C\$|A\$|\$)?\(?\d))/.exec(rest);
      if (fn && Number(fn[1]) <= 29 && !/^\d{1,2}(?:,\d{1,2})*\s+\d[\d,.]*\s*%/.test(rest) && (acc.items.length > 0 || !/^\d{1,2}(?:,\d{1,2})*\s+[-–−]/.test(rest))) {
        walk(j + fn[0].length, { items: acc.items, footnotes: acc.footnotes + 1.2 }, false);
      }
    }
    if (acc.items.length >= k) return;
    const dash = DASH_RE.exec(rest);
    if (dash && (lastWasValue || acc.items.length === 0)) {
      const v: GlueValue = { text: dash[0], start: j, end: j + dash[0].length, num: 0, decimals: 0, ungrouped: false, grouped: false, percent: false, dash: true, unit: '' };
      walk(j + dash[0].length, { items: [...acc.items, v], footnotes: acc.footnotes }, true);
    }
    for (const v of valuesAt(run, j)) walk(v.end, { items: [...acc.items, v], footnotes: acc.footnotes }, true);
  };
  walk(0, { items: [], footnotes: 0 }, false);
  if (!done.length) return undefined;

  const readings = done.map((p) => score(p, opts)).filter((r): r is GlueReading => !!r);
  if (!readings.length) return undefined;
  readings.sort((a, b) => a.score - b.score);
  // "486 | 544 | 8": one clean value per column, each set off by blanks, is what was printed; a
  // reading that cuts a footnote off a spaced value ("54" + "4") only fits the magnitudes better
  const printed = spacedReading(run, readings, opts);
  if (printed) {
    readings.splice(readings.indexOf(printed), 1);
    readings.unshift({ ...printed, score: Math.min(printed.score, readings[0] ? readings[0].score - 3 : printed.score) });
  }
  const best = readings[0]!;
  const certainty = opts.columns.map((col, c) => {
    const mine = best.values[c]!;
    const others = readings.filter((r) => !sameValue(r.values[c]!, mine));
    const margin = others.length ? others[0]!.score - best.score : Infinity;
    if (margin >= 3) return 'sure' as const;
    if (best.checked > 0 && others.every((r) => r.failedChecks > 0 || r.checked < best.checked)) return 'checked' as const;
    const periodValues = best.values.filter((v, i) => opts.columns[i]!.kind === 'period' && !v.dash);
    if (col.kind === 'period' && periodValues.length >= 2 && margin >= 1) return 'likely' as const;
    return 'ambiguous' as const;
  });
  return { best, certainty, readings: readings.length, runnersUp: readings.slice(1, 4), all: readings.slice(0, 60) };
}

const SPACED_VALUE = String.raw`(?:\(?[-−–]?\s?(?:US\$|C\$|A\$|\$)?\(?\d{1,3}(?:,\d{3})*(?:\.\d+)?|\(?[-−–]?\s?(?:US\$|C\$|A\$|\$)?\(?\d+(?:\.\d+)?)(?:\s?(?:eh\/s|ph\/s|th\/s|j\/th|w\/th|mw|gw|btc|%))?\)?|[-–—]|n\/a`;
const SPACED_RUN = new RegExp(String.raw`^[\s|]*(?:${SPACED_VALUE})(?:[\s|]+(?:${SPACED_VALUE}))*[\s|]*$`, 'i');
const SPACED_TOKEN = new RegExp(SPACED_VALUE, 'gi');

/** The reading that takes each blank-separated token of the run as one value, when there is one per column. */
function spacedReading(run: string, readings: GlueReading[], opts: GlueOptions): GlueReading | undefined {
  if (opts.gluedToLabel || !SPACED_RUN.test(run)) return undefined;
  const tokens = run.match(SPACED_TOKEN) ?? [];
  if (tokens.length !== opts.columns.length) return undefined;
  return readings.find((r) => r.footnotes === 0 && r.values.every((v, i) => v.text.replace(/\s+/g, ' ') === tokens[i]!.trim().replace(/\s+/g, ' ')));
}

function sameValue(a: GlueValue, b: GlueValue): boolean {
  return a.dash === b.dash && a.num === b.num && a.percent === b.percent;
}

/** The values a run can start with at `j`: every split of glued digits that is well formed. */
function valuesAt(run: string, j: number): GlueValue[] {
  const out: GlueValue[] = [];
  const pre = /^(\(\s?)?([-−–]\s?)?(US\$|C\$|A\$|\$)?(\(\s?)?/.exec(run.slice(j))!;
  const open = !!(pre[1] || pre[4]);
  const negative = !!pre[2];
  const currency = !!pre[3];
  const n0 = j + pre[0].length;
  const digits = /^[\d,.]*/.exec(run.slice(n0))![0];
  if (!/^\d/.test(digits)) return out;
  for (const intPart of integerParts(digits)) {
    const afterInt = digits.slice(intPart.length);
    const decs = [''];
    const d = /^\.(\d+)/.exec(afterInt);
    if (d) for (let len = 1; len <= Math.min(4, d[1]!.length); len++) decs.push(`.${d[1]!.slice(0, len)}`);
    for (const dec of decs) {
      const numText = intPart + dec;
      let e = n0 + numText.length;
      // "12.1" cannot be followed by ".": the run would hold "12.1.5"
      if (/^\.\d/.test(run.slice(e)) && dec) continue;
      let tail = run.slice(e);
      const sc = SCALE_RE.exec(tail);
      let unit = '';
      if (sc && (currency || sc[1]!.length > 1)) {
        e += sc[0].length;
        tail = run.slice(e);
      }
      const un = UNIT_RE.exec(tail);
      if (un) {
        unit = un[1]!.toLowerCase();
        e += un[0].length;
        tail = run.slice(e);
      }
      if (open) {
        const close = /^\s?\)/.exec(tail);
        if (!close) continue;
        e += close[0].length;
      }
      const value = Number(numText.replace(/,/g, ''));
      if (!Number.isFinite(value)) continue;
      const intDigits = intPart.replace(/,/g, '');
      out.push({
        text: run.slice(j, e).trim(),
        start: j,
        end: e,
        num: negative || (open && !unit) ? -value : value,
        decimals: dec ? dec.length - 1 : 0,
        ungrouped: !intPart.includes(',') && intDigits.length >= 4,
        grouped: intPart.includes(','),
        percent: unit === '%',
        dash: false,
        unit,
      });
    }
  }
  return out;
}

/** Integer prefixes of a digit string: "7,3277,309" → "7", "7,327"; "362333" → "3", "36", … */
function integerParts(s: string): string[] {
  const out: string[] = [];
  const lead = /^\d+/.exec(s)![0];
  for (let len = 1; len <= Math.min(lead.length, 7); len++) {
    const p = lead.slice(0, len);
    if (p.length > 1 && p.startsWith('0')) continue;
    out.push(p);
    if (len <= 3 && !p.startsWith('0')) {
      // grouped continuations: ",ddd" repeated
      let g = p;
      let rest = s.slice(len);
      while (/^,\d{3}/.test(rest)) {
        g += rest.slice(0, 4);
        rest = rest.slice(4);
        out.push(g);
      }
    }
  }
  return [...new Set(out)];
}

function score(p: Partial, opts: GlueOptions): GlueReading | undefined {
  const cols = opts.columns;
  const vals = p.items;
  let s = p.footnotes * 0.6;
  const period = vals.filter((_, i) => cols[i]!.kind === 'period');
  const periodNums = period.filter((v) => !v.dash);
  // comparison columns hold percentages (or nothing)
  for (let i = 0; i < cols.length; i++) {
    if (cols[i]!.kind !== 'period' && !vals[i]!.dash && !vals[i]!.percent) return undefined;
  }
  // period columns all percent or none
  const pct = periodNums.filter((v) => v.percent).length;
  if (pct && pct !== periodNums.length) return undefined;
  const units = new Set(periodNums.map((v) => v.unit));
  if (units.size > 1) s += 0.8;
  const decs = new Set(periodNums.map((v) => v.decimals));
  s += (decs.size - 1) * 1.5;
  if (opts.tableUsesGrouping || periodNums.some((v) => v.grouped)) s += periodNums.filter((v) => v.ungrouped).length * 2;
  const mags = periodNums.map((v) => Math.abs(v.num)).filter((v) => v > 0);
  if (mags.length >= 2) {
    const sorted = [...mags].sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
    s += Math.max(...mags.map((m) => Math.abs(Math.log(m / median))));
  }
  let checked = 0;
  let failed = 0;
  cols.forEach((col, i) => {
    if (col.kind !== 'change') return;
    const pv = vals[i]!;
    const a = vals[col.base]!;
    const b = vals[col.against]!;
    if (pv.dash || a.dash || b.dash || b.num === 0) return;
    if (changeAgrees(a, b, pv.num)) {
      checked++;
      s -= 1.5;
    } else {
      failed++;
      s += 4;
    }
  });
  return { values: vals, footnotes: p.footnotes, score: s, checked, failedChecks: failed };
}

/** A printed change ("9%") agrees with the two values it compares, allowing for their rounding. */
function changeAgrees(a: GlueValue, b: GlueValue, printedPct: number): boolean {
  const ha = 0.5 * 10 ** -a.decimals;
  const hb = 0.5 * 10 ** -b.decimals;
  const pcts = [
    [a.num - ha, b.num + hb],
    [a.num + ha, b.num - hb],
    [a.num - ha, b.num - hb],
    [a.num + ha, b.num + hb],
  ]
    .filter(([, y]) => y !== 0)
    .map(([x, y]) => ((x! - y!) / Math.abs(y!)) * 100);
  if (!pcts.length) return false;
  const lo = Math.min(...pcts);
  const hi = Math.max(...pcts);
  const slack = 1 + Math.abs(printedPct) * 0.03;
  return printedPct >= lo - slack && printedPct <= hi + slack;
}
