/**
 * Cost-positioning model. Costs per BTC are grouped by basis and never compared across
 * bases (a direct-energy cost and an all-in cost are different quantities).
 */
import { BLOCKS_PER_DAY, breakevenBtcPriceUsd, hashcostUsdPerPhDay, hashpriceUsdPerPhDay, networkHashrateEhs, restateCostPerBtc, subsidyBtcAtDate } from '../network/math.ts';
import type { NetworkConditions } from '../network/series.ts';
import type { PeriodNet } from './period-net.ts';
import type { CanonIndex } from './canon.ts';
import { EMPTY, cellOf, computed, has, sourcesOf, type Cell, type SourceRef } from './cells.ts';
import { periodLabel } from './format.ts';
import type { ChangeLine, CompanyInfo } from './treasury.ts';
import { shortName } from './treasury.ts';
import { fmtNumber, fmtPct } from './format.ts';

export const BASIS_LABELS: Record<string, string> = {
  electricity: 'electricity (power only)',
  direct_energy: 'direct energy',
  direct: 'direct cost (excl. depreciation)',
  cash: 'cash cost',
  incl_depreciation: 'including depreciation',
  all_in: 'all-in',
  company_defined: "company's own measure",
  '': 'unspecified',
};

export function basisLabel(basis: string): string {
  return BASIS_LABELS[basis] ?? basis;
}

export interface CostRow {
  companyTicker: string;
  companyName: string;
  periodStart: string;
  periodEnd: string;
  periodLabel: string;
  basis: string;
  /** the company's own wording for its measure */
  companyLabel: string | null;
  costUsdPerBtc: Cell;
  marketAvgPriceUsd: Cell;
  /** market − cost, USD per BTC */
  marginUsdPerBtc: Cell;
  /** margin ÷ market, a fraction */
  marginPct: Cell;
  /** the cost restated at the report's network conditions (difficulty and reward) */
  costAtCurrentUsdPerBtc: Cell;
  marginAtCurrentPct: Cell;
  sources: SourceRef[];
}

export interface BasisGroup {
  basis: string;
  label: string;
  rows: CostRow[];
  /** latest cost per company under this basis, cheapest first */
  ranking: { rank: number; companyTicker: string; companyName: string; periodLabel: string; costUsdPerBtc: Cell; costAtCurrentUsdPerBtc: Cell; companyLabel: string | null }[];
}

export interface FleetRow {
  companyTicker: string;
  companyName: string;
  hashrateEhs: Cell;
  hashrateAsOf: string | null;
  fleetEfficiencyJth: Cell;
  efficiencyAsOf: string | null;
  energyCostUsdPerKwh: Cell;
  energyCostPeriod: string | null;
  powerCapacityMw: Cell;
  /** power cost of 1 PH/s for a day at the stated efficiency and energy price */
  hashcostUsdPerPhDay: Cell;
  hashpriceUsdPerPhDay: Cell;
  /** hashprice ÷ hashcost */
  hashpriceToHashcost: Cell;
  /** BTC price at which power cost equals revenue, at current difficulty and fees */
  breakevenPowerOnlyUsd: Cell;
  /** rank by efficiency, lowest J/TH first */
  efficiencyRank: number | null;
  sources: SourceRef[];
}

export interface SensitivityGrid {
  title: string;
  rowHeader: string;
  colHeader: string;
  /** multipliers applied to current price (rows) and difficulty (columns) */
  priceSteps: number[];
  difficultySteps: number[];
  prices: number[];
  difficulties: number[];
  /** values[row][col] */
  values: number[][];
  unit: 'usd_per_ph_day' | 'fraction';
  note: string;
}

export interface CostsModel {
  groups: BasisGroup[];
  fleet: FleetRow[];
  hashpriceGrid: SensitivityGrid | null;
  /** per company: margin grid on its latest cost, one basis (the first of BASIS_ORDER it has) */
  companyGrids: Record<string, SensitivityGrid>;
  changes: ChangeLine[];
}

export const PRICE_STEPS = [0.7, 0.85, 1, 1.15, 1.3];
export const DIFFICULTY_STEPS = [0.9, 1, 1.1, 1.2];
const BASIS_ORDER = ['electricity', 'direct_energy', 'direct', 'cash', 'company_defined', 'incl_depreciation', 'all_in'];

export function buildCosts(idx: CanonIndex, companies: readonly CompanyInfo[], net: PeriodNet, now: NetworkConditions | undefined): CostsModel {
  const rows: CostRow[] = [];
  for (const co of companies) {
    for (const v of idx.all(co.ticker, 'cost_per_btc')) {
      if (!v.periodStart || !v.periodEnd) continue;
      const cost = cellOf(v);
      const mkt = net.averagePrice(v.periodStart, v.periodEnd);
      const market = mkt ? computed(mkt.usd, `mean daily BTC/USD over ${mkt.days} days (network snapshot)`) : EMPTY;
      const margin = has(market) ? computed(market.value - cost.value!, 'market average − cost', [cost]) : EMPTY;
      const restated = now ? restate(net, now, cost.value!, v.periodStart, v.periodEnd) : undefined;
      const costNow = restated !== undefined ? computed(restated, `restated from ${v.periodStart}..${v.periodEnd} to difficulty and reward on ${now!.date}, assuming cost ∝ hashing work`, [cost]) : EMPTY;
      rows.push({
        companyTicker: co.ticker,
        companyName: co.name,
        periodStart: v.periodStart,
        periodEnd: v.periodEnd,
        periodLabel: periodLabel(v.periodStart, v.periodEnd, co.fiscalYearEndMonth),
        basis: v.basis,
        companyLabel: v.basisLabel?.replace(/\s+/g, ' ').trim() ?? null,
        costUsdPerBtc: cost,
        marketAvgPriceUsd: market,
        marginUsdPerBtc: margin,
        marginPct: has(margin) && has(market) ? computed(margin.value / market.value, 'margin ÷ market average', [cost]) : EMPTY,
        costAtCurrentUsdPerBtc: costNow,
        marginAtCurrentPct: has(costNow) && now ? computed(1 - costNow.value / now.btcPriceUsd, `1 − restated cost ÷ price on ${now.date}`, [cost]) : EMPTY,
        sources: sourcesOf([cost]),
      });
    }
  }
  const bases = [...new Set(rows.map((r) => r.basis))].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const groups: BasisGroup[] = bases.map((basis) => {
    const list = rows
      .filter((r) => r.basis === basis)
      .sort((a, b) => a.companyTicker.localeCompare(b.companyTicker) || b.periodEnd.localeCompare(a.periodEnd) || b.periodStart.localeCompare(a.periodStart));
    const latest = new Map<string, CostRow>();
    for (const r of list) {
      const cur = latest.get(r.companyTicker);
      // latest period; the shorter one when two end together (a quarter before its year-to-date)
      if (!cur || r.periodEnd > cur.periodEnd || (r.periodEnd === cur.periodEnd && r.periodStart > cur.periodStart)) latest.set(r.companyTicker, r);
    }
    const ranked = [...latest.values()].sort(
      (a, b) => (a.costAtCurrentUsdPerBtc.value ?? a.costUsdPerBtc.value!) - (b.costAtCurrentUsdPerBtc.value ?? b.costUsdPerBtc.value!),
    );
    return {
      basis,
      label: basisLabel(basis),
      rows: list,
      ranking: ranked.map((r, i) => ({
        rank: i + 1,
        companyTicker: r.companyTicker,
        companyName: r.companyName,
        periodLabel: r.periodLabel,
        costUsdPerBtc: r.costUsdPerBtc,
        costAtCurrentUsdPerBtc: r.costAtCurrentUsdPerBtc,
        companyLabel: r.companyLabel,
      })),
    };
  });

  const fleet = companies.map((co) => fleetRow(idx, co, now)).filter((f): f is FleetRow => f !== undefined);
  const byEff = fleet.filter((f) => has(f.fleetEfficiencyJth)).sort((a, b) => a.fleetEfficiencyJth.value! - b.fleetEfficiencyJth.value!);
  byEff.forEach((f, i) => (f.efficiencyRank = i + 1));

  const companyGrids: Record<string, SensitivityGrid> = {};
  const changes: ChangeLine[] = [];
  for (const co of companies) {
    const latestRows = groups
      .map((g) => g.rows.filter((r) => r.companyTicker === co.ticker)[0])
      .filter((r): r is CostRow => r !== undefined && has(r.costAtCurrentUsdPerBtc));
    const first = latestRows[0];
    if (first && now) companyGrids[co.ticker] = marginGrid(first, now);
    for (const r of groups.flatMap((g) => g.rows.filter((x) => x.companyTicker === co.ticker).slice(0, 1))) {
      if (!has(r.marketAvgPriceUsd) || !has(r.marginPct)) continue;
      const label = r.companyLabel ? `"${r.companyLabel}", ${basisLabel(r.basis)}` : basisLabel(r.basis);
      changes.push({
        companyTicker: co.ticker,
        date: r.periodEnd,
        kind: 'cost',
        text: `${shortName(co.name)} reported a cost of $${fmtNumber(r.costUsdPerBtc.value!, 0)} per BTC (${label}) for ${r.periodLabel}, against an average BTC price of $${fmtNumber(r.marketAvgPriceUsd.value, 0)}: a margin of ${fmtPct(r.marginPct.value)}.`,
        sources: r.sources,
      });
    }
  }

  return { groups, fleet, hashpriceGrid: now ? hashpriceGrid(now) : null, companyGrids, changes };
}

function order(basis: string): number {
  const i = BASIS_ORDER.indexOf(basis);
  return i === -1 ? BASIS_ORDER.length : i;
}

function restate(net: PeriodNet, now: NetworkConditions, costUsdPerBtc: number, start: string, end: string): number | undefined {
  const d = net.averageDifficulty(start, end);
  const fees = net.feesBtcPerBlock(start, end);
  if (d === undefined || fees === undefined) return undefined;
  // subsidy at the period's midpoint; a period spanning a halving gets the blended reward
  const mid = new Date((Date.parse(start) + Date.parse(end)) / 2).toISOString().slice(0, 10);
  const subsidy = start < halvingIn(start, end) && halvingIn(start, end) <= end ? blendedSubsidy(start, end) : subsidyBtcAtDate(mid);
  return restateCostPerBtc({
    costUsdPerBtc,
    fromDifficulty: d,
    fromRewardBtcPerBlock: subsidy + fees,
    toDifficulty: now.difficulty,
    toRewardBtcPerBlock: now.subsidyBtc + now.feesBtcPerBlock,
  });
}

function halvingIn(start: string, end: string): string {
  for (const date of ['2020-05-11', '2024-04-20']) if (start < date && date <= end) return date;
  return '9999-12-31';
}

function blendedSubsidy(start: string, end: string): number {
  let sum = 0;
  let n = 0;
  for (let t = Date.parse(start); t <= Date.parse(end); t += 86_400_000) {
    sum += subsidyBtcAtDate(new Date(t).toISOString().slice(0, 10));
    n++;
  }
  return sum / n;
}

function fleetRow(idx: CanonIndex, co: CompanyInfo, now: NetworkConditions | undefined): FleetRow | undefined {
  const hr = idx.latest(co.ticker, 'hashrate_operating') ?? idx.latest(co.ticker, 'hashrate_average') ?? idx.latest(co.ticker, 'hashrate_installed');
  const eff = idx.latest(co.ticker, 'fleet_efficiency');
  const energy = idx.latest(co.ticker, 'energy_cost_per_kwh');
  const power = idx.latest(co.ticker, 'power_capacity');
  if (!hr && !eff && !energy && !power) return undefined;
  const effC = cellOf(eff);
  const energyC = cellOf(energy);
  const hashcost = has(effC) && has(energyC) ? computed(hashcostUsdPerPhDay(effC.value, energyC.value * 1000), 'J/TH × $/MWh × 24/1000', [effC, energyC]) : EMPTY;
  const hashprice = now ? computed(now.hashpriceUsdPerPhDay, `144·(subsidy+fees)·price ÷ network PH/s on ${now.date}`) : EMPTY;
  return {
    companyTicker: co.ticker,
    companyName: co.name,
    hashrateEhs: cellOf(hr),
    hashrateAsOf: hr ? (hr.asOf ?? hr.periodEnd) : null,
    fleetEfficiencyJth: effC,
    efficiencyAsOf: eff ? (eff.asOf ?? eff.periodEnd) : null,
    energyCostUsdPerKwh: energyC,
    energyCostPeriod: energy ? (energy.asOf ? energy.asOf : `${energy.periodStart}..${energy.periodEnd}`) : null,
    powerCapacityMw: cellOf(power),
    hashcostUsdPerPhDay: hashcost,
    hashpriceUsdPerPhDay: hashprice,
    hashpriceToHashcost: has(hashcost) && has(hashprice) && hashcost.value > 0 ? computed(hashprice.value / hashcost.value, 'hashprice ÷ hashcost', [hashcost]) : EMPTY,
    breakevenPowerOnlyUsd:
      has(hashcost) && now
        ? computed(
            breakevenBtcPriceUsd({ costUsdPerPhDay: hashcost.value, difficulty: now.difficulty, subsidyBtc: now.subsidyBtc, feesBtcPerBlock: now.feesBtcPerBlock }),
            `price where hashprice = hashcost at difficulty ${fmtNumber(now.difficulty / 1e12, 2)} T (height ${now.adjustmentHeight})`,
            [hashcost],
          )
        : EMPTY,
    efficiencyRank: null,
    sources: sourcesOf([cellOf(hr), effC, energyC, cellOf(power)]),
  };
}

function hashpriceGrid(now: NetworkConditions): SensitivityGrid {
  const prices = PRICE_STEPS.map((s) => now.btcPriceUsd * s);
  const difficulties = DIFFICULTY_STEPS.map((s) => now.difficulty * s);
  return {
    title: `Hashprice (USD per PH/s per day) by BTC price and difficulty, from ${now.date}`,
    rowHeader: 'BTC price',
    colHeader: 'difficulty',
    priceSteps: PRICE_STEPS,
    difficultySteps: DIFFICULTY_STEPS,
    prices,
    difficulties,
    values: prices.map((p) =>
      difficulties.map((d) => hashpriceUsdPerPhDay({ subsidyBtc: now.subsidyBtc, feesBtcPerBlock: now.feesBtcPerBlock, btcPriceUsd: p, networkHashrateEhs: networkHashrateEhs(d) })),
    ),
    unit: 'usd_per_ph_day',
    note: `fees held at ${fmtNumber(now.feesBtcPerBlock, 4)} BTC per block (30-day mean), subsidy ${now.subsidyBtc} BTC, ${BLOCKS_PER_DAY} blocks a day`,
  };
}

function marginGrid(r: CostRow, now: NetworkConditions): SensitivityGrid {
  const prices = PRICE_STEPS.map((s) => now.btcPriceUsd * s);
  const difficulties = DIFFICULTY_STEPS.map((s) => now.difficulty * s);
  const base = r.costAtCurrentUsdPerBtc.value!;
  return {
    title: `${r.companyTicker}: margin per BTC on its ${r.periodLabel} cost (${basisLabel(r.basis)}${r.companyLabel ? `, "${r.companyLabel}"` : ''}) by BTC price and difficulty`,
    rowHeader: 'BTC price',
    colHeader: 'difficulty',
    priceSteps: PRICE_STEPS,
    difficultySteps: DIFFICULTY_STEPS,
    prices,
    difficulties,
    // cost per BTC scales with difficulty (more work per coin); margin = 1 − cost/price
    values: prices.map((p) => DIFFICULTY_STEPS.map((s) => 1 - (base * s) / p)),
    unit: 'fraction',
    note: `cost restated to ${now.date} network conditions, then scaled with difficulty; price and difficulty as multiples of ${now.date}`,
  };
}
