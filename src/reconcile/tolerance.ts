/**
 * When two figures for the same company·metric·period count as "the same". Copies of one
 * number differ by rounding (prose vs table, a release vs the 10-Q, a YTD difference vs the
 * stated quarter), so a conflict is a difference larger than the rounding those documents
 * show. Each tolerance is the larger of a relative share and an absolute amount in the
 * metric's unit. The real differences behind each number (all CleanSpark, 2023–2025):
 *
 * - BTC counts, 0.5% or 1 BTC: the Oct/Nov/Dec 2023 monthly releases (633 + 666 + 720 =
 *   2,019) vs the 10-Q's 2,020 for the same quarter (1 BTC); holdings at Sep 30, 2023 of
 *   2,240 in the September release vs 2,243 in the next 10-Q (0.13%); nine-month YTD minus
 *   six-month YTD (5,628 − 4,051 = 1,577) vs the stated quarter 1,580 (0.19%).
 * - prices and costs per BTC, 0.5%: average price $55,029 in the 10-Q's prose vs $55,030 in
 *   its table; $65,904 in prose vs $66,048 in the table (0.22%); the same quarter restated a
 *   year later as $65,891 (0.02%); releases round sale prices to $100 ("approximately
 *   $26,800": up to 0.19%).
 * - USD amounts, 3%: releases round proceeds to $0.1 million ("approximately $2.2 million"
 *   for 80 BTC at about $26,800, i.e. $2.144 million: 2.6%).
 * - hashrate, 2% or 0.05 EH/s: releases round ("10 EH/s" vs 10.02 in the same release, 0.2%;
 *   "nearly 18" vs 17.97), and one-decimal figures of small fleets carry ±0.05 EH/s.
 * - efficiency, 1% or 0.05 J/TH: one decimal (26.4, 16.2) carries ±0.05.
 * - power, 2% or 1 MW: capacity is quoted in round megawatts.
 * - energy cost per kWh, 2.5% or $0.0005: the 10-Q prints three decimals ($0.043), ±0.0005.
 */
export interface Tolerance {
  relative: number;
  absolute: number;
}

const BTC_COUNT: Tolerance = { relative: 0.005, absolute: 1 };
const PER_BTC: Tolerance = { relative: 0.005, absolute: 0 };
const USD_AMOUNT: Tolerance = { relative: 0.03, absolute: 0 };

export const TOLERANCES: Record<string, Tolerance> = {
  btc_produced: BTC_COUNT,
  btc_held: BTC_COUNT,
  btc_held_pledged: BTC_COUNT,
  btc_held_loaned: BTC_COUNT,
  btc_held_receivable: BTC_COUNT,
  btc_sold: BTC_COUNT,
  btc_purchased: BTC_COUNT,
  btc_sold_avg_price: PER_BTC,
  cost_per_btc: PER_BTC,
  btc_sold_proceeds: USD_AMOUNT,
  btc_purchased_cost: USD_AMOUNT,
  mining_revenue: USD_AMOUNT,
  hashrate_operating: { relative: 0.02, absolute: 0.05 },
  hashrate_installed: { relative: 0.02, absolute: 0.05 },
  hashrate_average: { relative: 0.02, absolute: 0.05 },
  fleet_efficiency: { relative: 0.01, absolute: 0.05 },
  power_capacity: { relative: 0.02, absolute: 1 },
  energy_cost_per_kwh: { relative: 0.025, absolute: 0.0005 },
};

const DEFAULT_TOLERANCE: Tolerance = { relative: 0.005, absolute: 0 };

export function toleranceFor(metric: string): Tolerance {
  return TOLERANCES[metric] ?? DEFAULT_TOLERANCE;
}

/** The allowed difference around `reference` (the larger magnitude of the two compared). */
export function allowedDifference(metric: string, reference: number): number {
  const t = toleranceFor(metric);
  return Math.max(t.absolute, t.relative * Math.abs(reference));
}

export function withinTolerance(metric: string, a: number, b: number): boolean {
  // a tiny epsilon absorbs binary floating point (0.1 + 0.2)
  return Math.abs(a - b) <= allowedDifference(metric, Math.max(Math.abs(a), Math.abs(b))) + 1e-9;
}

/** Relative spread between the extremes of a set of values, against the larger magnitude. */
export function relativeSpread(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const max = Math.max(...values);
  const min = Math.min(...values);
  const scale = Math.max(Math.abs(max), Math.abs(min));
  return scale === 0 ? 0 : (max - min) / scale;
}
