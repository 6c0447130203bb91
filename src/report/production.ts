/**
 * Production model: BTC produced per period beside the hashrate behind it, the company's
 * share of the network and what that share should have mined.
 */
import { BLOCKS_PER_DAY, networkHashrateEhs } from '../network/math.ts';
import type { CanonIndex } from './canon.ts';
import type { PeriodNet } from './period-net.ts';
import { EMPTY, cellOf, computed, has, sourcesOf, type Cell, type SourceRef } from './cells.ts';
import { periodLabel } from './format.ts';
import type { CompanyInfo } from './treasury.ts';

export interface ProductionRow {
  companyTicker: string;
  companyName: string;
  periodStart: string;
  periodEnd: string;
  periodLabel: string;
  producedBtc: Cell;
  /** stated average operating hashrate for the period */
  avgHashrateEhs: Cell;
  /** operating hashrate at the period end */
  operatingHashrateEhs: Cell;
  fleetEfficiencyJth: Cell;
  /** network hashrate implied by the mean difficulty over the period */
  networkHashrateEhs: Cell;
  /** avg hashrate ÷ network, a fraction */
  networkShare: Cell;
  /** BTC that share earns over the period's actual blocks and fees */
  expectedBtc: Cell;
  /** produced ÷ expected, a fraction */
  realization: Cell;
  sources: SourceRef[];
}

export function buildProduction(idx: CanonIndex, companies: readonly CompanyInfo[], net: PeriodNet): ProductionRow[] {
  const rows: ProductionRow[] = [];
  for (const co of companies) {
    for (const p of idx.all(co.ticker, 'btc_produced')) {
      if (!p.periodStart || !p.periodEnd) continue;
      const start = p.periodStart;
      const end = p.periodEnd;
      const produced = cellOf(p);
      const avg = cellOf(idx.flow(co.ticker, 'hashrate_average', start, end));
      const operating = cellOf(idx.stock(co.ticker, 'hashrate_operating', end));
      const eff = cellOf(idx.stock(co.ticker, 'fleet_efficiency', end));
      const d = net.averageDifficulty(start, end);
      const netEhs = d !== undefined ? computed(networkHashrateEhs(d), 'D·2^32/600 at the mean daily difficulty of the period') : EMPTY;
      const share = has(avg) && has(netEhs) ? computed(avg.value / netEhs.value, 'average hashrate ÷ network hashrate', [avg]) : EMPTY;
      const expected = has(avg) ? expectedOver(net, avg.value, start, end) : undefined;
      const expectedCell = expected !== undefined ? computed(expected, 'Σ days: own EH/s ÷ (D·2^32/600) × 144 × reward per block that day', [avg]) : EMPTY;
      rows.push({
        companyTicker: co.ticker,
        companyName: co.name,
        periodStart: start,
        periodEnd: end,
        periodLabel: periodLabel(start, end, co.fiscalYearEndMonth),
        producedBtc: produced,
        avgHashrateEhs: avg,
        operatingHashrateEhs: operating,
        fleetEfficiencyJth: eff,
        networkHashrateEhs: netEhs,
        networkShare: share,
        expectedBtc: expectedCell,
        realization: has(expectedCell) && has(produced) && expectedCell.value > 0 ? computed(produced.value / expectedCell.value, 'produced ÷ expected', [produced, avg]) : EMPTY,
        sources: sourcesOf([produced, avg, operating, eff]),
      });
    }
  }
  rows.sort((a, b) => a.companyTicker.localeCompare(b.companyTicker) || b.periodEnd.localeCompare(a.periodEnd) || b.periodStart.localeCompare(a.periodStart));
  return rows;
}

/**
 * Expected BTC over the period: each day, the miner's expected blocks at the difficulty in
 * force (own EH/s ÷ D·2^32/600 × 144) times that day's average reward per block. The
 * network's luck (more or fewer than 144 blocks) is not the miner's, so it is left out.
 * Undefined when any day lacks data (a partial sum would understate).
 */
function expectedOver(net: PeriodNet, ownEhs: number, start: string, end: string): number | undefined {
  const days = net.dailyRewards(start, end);
  if (!days) return undefined;
  let total = 0;
  for (const day of days) total += (ownEhs / day.networkEhs) * BLOCKS_PER_DAY * day.rewardPerBlockBtc;
  return total;
}
