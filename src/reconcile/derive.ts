import type { FactWithSource } from '../db/queries.ts';
import { grainOf, periodDays } from '../model/period.ts';

/**
 * Flows that add up over time: a period's value is the sum of its parts, so the part left
 * when a shorter period is taken out of a longer one with the same start or end is a
 * difference. Averages and rates (prices, costs per BTC, hashrate) do not add up and are
 * never derived.
 */
export const ADDITIVE_METRICS = new Set([
  'btc_produced',
  'btc_sold',
  'btc_purchased',
  'btc_sold_proceeds',
  'btc_purchased_cost',
  'mining_revenue',
]);

export interface DerivationInput {
  factId: number;
  metric: string;
  periodKey: string;
  value: number;
  /** +1 when added, −1 when subtracted */
  sign: 1 | -1;
}

/** A flow value computed from stated ones: never stored as a fact, never replacing one. */
export interface Derived {
  companyTicker: string;
  metric: string;
  basis: string;
  unit: string;
  periodStart: string;
  periodEnd: string;
  periodKey: string;
  value: number;
  inputs: DerivationInput[];
  /** the stated fact of the longest input period, to point readers at a source */
  anchor: FactWithSource;
  /** "4,051 (2023-10-01..2024-03-31) − 2,031 (2024-01-01..2024-03-31)" */
  formula: string;
}

/** A known value of one flow period: a stated canonical value or an earlier derivation. */
export interface Known {
  periodStart: string;
  periodEnd: string;
  value: number;
  unit: string;
  inputs: DerivationInput[];
  anchor: FactWithSource;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function decimals(v: number): number {
  const s = String(v);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** Rounds a difference to the precision of its inputs (151.5 − 83.3 is 68.2, not 68.19999…). */
function roundLike(v: number, inputs: readonly number[]): number {
  const d = Math.min(6, Math.max(0, ...inputs.map(decimals)));
  const f = 10 ** d;
  return Math.round(v * f) / f;
}

// one formatter: toLocaleString builds a new one per call, which dominated large runs
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

function fmt(v: number): string {
  return NUMBER.format(v);
}

function formulaOf(inputs: readonly DerivationInput[]): string {
  return inputs
    .map((inp, i) => `${i === 0 ? (inp.sign < 0 ? '−' : '') : inp.sign < 0 ? ' − ' : ' + '}${fmt(inp.value)} (${inp.periodKey})`)
    .join('');
}

/** Grains a derived value is published at; intermediate spans (two months) are only stepping stones. */
const PUBLISHED_GRAINS = new Set(['month', 'quarter']);
const MAX_SPAN_DAYS = 92;

/**
 * Every month or quarter that can be computed from one series (one company·metric·basis) by
 * taking a shorter period out of a longer one sharing its start or its end: a quarter from
 * fiscal year-to-date figures (six months minus three), a month from a quarter minus the
 * other two months (through the two-month remainder). Periods already known are never
 * recomputed; a negative remainder means the inputs disagree, and nothing is derived from it.
 * `maxRounds` bounds the chaining (two steps are enough for a month out of a quarter).
 */
export function deriveSeries(
  key: { companyTicker: string; metric: string; basis: string },
  stated: readonly Known[],
  maxRounds = 3,
): Derived[] {
  if (!ADDITIVE_METRICS.has(key.metric)) return [];
  const known = new Map<string, Known>();
  const k = (s: string, e: string) => `${s}..${e}`;
  for (const s of stated) known.set(k(s.periodStart, s.periodEnd), s);
  const statedKeys = new Set(known.keys());
  const out = new Map<string, Known>();

  for (let round = 0; round < maxRounds; round++) {
    const list = [...known.values()];
    let added = 0;
    for (const a of list) {
      for (const b of list) {
        if (a === b || a.unit !== b.unit) continue;
        if (b.periodStart < a.periodStart || b.periodEnd > a.periodEnd) continue;
        if (b.periodStart === a.periodStart && b.periodEnd === a.periodEnd) continue;
        let start: string;
        let end: string;
        if (b.periodStart === a.periodStart) {
          start = addDays(b.periodEnd, 1);
          end = a.periodEnd;
        } else if (b.periodEnd === a.periodEnd) {
          start = a.periodStart;
          end = addDays(b.periodStart, -1);
        } else continue;
        const id = k(start, end);
        // nothing longer than a quarter is published, and capping the span keeps long YTD
        // series from multiplying into every possible sub-interval
        if (known.has(id) || periodDays(start, end) > MAX_SPAN_DAYS) continue;
        const value = roundLike(a.value - b.value, [a.value, b.value]);
        if (value < 0) continue;
        const inputs: DerivationInput[] = [...a.inputs, ...b.inputs.map((i) => ({ ...i, sign: (i.sign * -1) as 1 | -1 }))];
        const derived: Known = { periodStart: start, periodEnd: end, value, unit: a.unit, inputs, anchor: a.anchor };
        known.set(id, derived);
        out.set(id, derived);
        added++;
      }
    }
    if (!added) break;
  }

  const result: Derived[] = [];
  const order = (a: DerivationInput, b: DerivationInput) => b.sign - a.sign || a.periodKey.localeCompare(b.periodKey);
  for (const [id, d] of out) {
    d.inputs = [...d.inputs].sort(order);
    if (statedKeys.has(id) || !PUBLISHED_GRAINS.has(grainOf(d.periodStart, d.periodEnd))) continue;
    result.push({
      ...key,
      unit: d.unit,
      periodStart: d.periodStart,
      periodEnd: d.periodEnd,
      periodKey: id,
      value: d.value,
      inputs: d.inputs,
      anchor: d.anchor,
      formula: formulaOf(d.inputs),
    });
  }
  return result.sort((x, y) => x.periodKey.localeCompare(y.periodKey));
}

/** Values that could have been derived for periods that are stated: used to cross-check. */
export function crossCheckSeries(
  key: { companyTicker: string; metric: string; basis: string },
  stated: readonly Known[],
): Derived[] {
  // derive each stated period from the others only, so its own value does not hide a mismatch
  const out: Derived[] = [];
  for (const s of stated) {
    const others = stated.filter((o) => o !== s);
    const d = deriveSeries(key, others).find((x) => x.periodStart === s.periodStart && x.periodEnd === s.periodEnd);
    if (d) out.push(d);
  }
  return out;
}
