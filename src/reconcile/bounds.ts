import { periodDays } from '../model/period.ts';

/**
 * Plausible ranges per metric, in the metric's unit, for one listed miner. They are wide on
 * purpose: they catch unit and scale mistakes (PH/s read as EH/s, "(in thousands)" applied
 * twice, ¢ read as $), not unusual quarters.
 *
 * - BTC counts 0–700,000: the largest corporate holder held about 640,000 BTC in 2025; the
 *   largest miner treasury (MARA) about 53,000. No miner holds, sells or buys more.
 * - hashrate 0–100 EH/s: the largest miners ran about 60 EH/s in 2025 against a network of
 *   about 1,000 EH/s; 100 leaves room for growth and still catches PH/s read as EH/s
 *   (CleanSpark's 20.4 EH/s would read 20,400).
 * - efficiency 10–60 J/TH: the newest machines (2024–25) run about 12–15 J/TH, fleets
 *   reported 16–30 J/TH (CleanSpark 28.4 in Sep 2023, 16.2 in Jun 2025); S9-era fleets near
 *   100 J/TH were retired before the 2024 halving.
 * - price and cost per BTC 1,000–500,000 USD: bitcoin traded between about $3,200 (Dec 2018)
 *   and $126,000 (Oct 2025); costs per BTC including depreciation stay within a few times
 *   the price (CleanSpark $86,428 in Q3 FY2025).
 * - USD amounts 0–100 billion: 700,000 BTC at $140,000.
 * - power 0–10,000 MW: the largest portfolios are about 3 GW.
 * - energy cost 0–0.5 USD/kWh: industrial tariffs miners report sit at $0.02–0.08; cents read
 *   as dollars (4.3 for $0.043) fall outside.
 */
export interface Bound {
  min: number;
  max: number;
  /** why the range is what it is, for the finding's message */
  why: string;
}

const BTC_COUNT: Bound = { min: 0, max: 700_000, why: 'no company holds or moves more than 700,000 BTC' };
const PER_BTC: Bound = { min: 1_000, max: 500_000, why: 'BTC prices and mining costs per BTC have stayed within $1k–$500k' };
const USD: Bound = { min: 0, max: 100e9, why: 'more than 700,000 BTC at $140,000' };
const HASHRATE: Bound = { min: 0, max: 100, why: 'no single miner runs more than 100 EH/s' };

export const BOUNDS: Record<string, Bound> = {
  btc_produced: BTC_COUNT,
  btc_held: BTC_COUNT,
  btc_held_pledged: BTC_COUNT,
  btc_held_loaned: BTC_COUNT,
  btc_held_receivable: BTC_COUNT,
  btc_sold: BTC_COUNT,
  btc_purchased: BTC_COUNT,
  btc_sold_avg_price: PER_BTC,
  cost_per_btc: PER_BTC,
  btc_sold_proceeds: USD,
  btc_purchased_cost: USD,
  mining_revenue: USD,
  hashrate_operating: HASHRATE,
  hashrate_installed: HASHRATE,
  hashrate_average: HASHRATE,
  fleet_efficiency: { min: 10, max: 60, why: 'fleets run between 10 and 60 J/TH' },
  power_capacity: { min: 0, max: 10_000, why: 'the largest power portfolios are about 3,000 MW' },
  energy_cost_per_kwh: { min: 0, max: 0.5, why: 'miners pay well under $0.50 per kWh' },
};

/**
 * Block subsidy by date (BTC per block): the halvings of 2020-05-11 and 2024-04-20; the
 * 2028 halving is not reached by any data here, and using the older, larger subsidy
 * only widens the bound.
 */
function subsidyAt(date: string): number {
  if (date < '2016-07-09') return 25;
  if (date < '2020-05-11') return 12.5;
  if (date < '2024-04-20') return 6.25;
  return 3.125;
}

/**
 * A company cannot mine more than the whole network issues: 144 blocks a day at the subsidy
 * at the period start, doubled to cover fees and lucky weeks with faster blocks.
 */
export function maxProducedBtc(periodStart: string, periodEnd: string): number {
  return periodDays(periodStart, periodEnd) * 144 * subsidyAt(periodStart) * 2;
}

export interface BoundCheck {
  ok: boolean;
  bound?: Bound;
}

export function checkBound(f: { metric: string; value: number; periodStart: string | null; periodEnd: string | null }): BoundCheck {
  const bound = BOUNDS[f.metric];
  if (!bound) return { ok: true };
  if (f.value < bound.min || f.value > bound.max) return { ok: false, bound };
  if (f.metric === 'btc_produced' && f.periodStart && f.periodEnd) {
    const max = maxProducedBtc(f.periodStart, f.periodEnd);
    if (f.value > max) return { ok: false, bound: { min: 0, max, why: 'more than the whole network issued in the period' } };
  }
  return { ok: true };
}
