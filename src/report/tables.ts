/**
 * The report's tables, declared once as columns over model rows, so Markdown, HTML, CSV and
 * XLSX show the same numbers under the same headers.
 */
import { basisLabel, type BasisGroup, type CostRow, type FleetRow } from './costs.ts';
import type { Cell, SourceRef } from './cells.ts';
import type { CompanyPage, FactLine, ReportModel } from './model.ts';
import type { ChangeLine, LeagueRow, TreasuryRow } from './treasury.ts';
import type { ProductionRow } from './production.ts';

export type ColKind =
  | 'text'
  | 'date'
  | 'int'
  | 'btc'
  | 'usd'
  | 'usd_per_btc'
  | 'pct'
  | 'ehs'
  | 'jth'
  | 'mw'
  | 'usd_kwh'
  | 'usd_ph_day'
  | 'ratio'
  | 'difficulty'
  | 'sources'
  | 'url';

export type Value = Cell | string | number | boolean | null | SourceRef[];

export interface Column {
  header: string;
  kind: ColKind;
  /** Excel column width in characters */
  width?: number;
}

export interface Table {
  /** file stem for CSV, sheet name for XLSX */
  id: string;
  title: string;
  columns: Column[];
  rows: Value[][];
  note?: string;
}

const c = (header: string, kind: ColKind, width?: number): Column => ({ header, kind, ...(width ? { width } : {}) });

export function treasuryTable(rows: readonly TreasuryRow[], id = 'treasury'): Table {
  return {
    id,
    title: 'Treasury: production, sales and holdings by period',
    columns: [
      c('Company', 'text', 8),
      c('Period', 'text', 22),
      c('Start', 'date'),
      c('End', 'date'),
      c('Produced (BTC)', 'btc'),
      c('Sold (BTC)', 'btc'),
      c('Sold / produced', 'pct'),
      c('Proceeds (USD)', 'usd', 16),
      c('Realized price (USD/BTC)', 'usd_per_btc'),
      c('Market avg price (USD/BTC)', 'usd_per_btc'),
      c('Premium / discount', 'pct'),
      c('Purchased (BTC)', 'btc'),
      c('Held at start (BTC)', 'btc'),
      c('Held at start, as of', 'date'),
      c('Held at end (BTC)', 'btc'),
      c('Change in holdings (BTC)', 'btc'),
      c('Sold / holdings at start', 'pct'),
      c('Sources', 'sources', 60),
    ],
    rows: rows.map((r) => [
      r.companyTicker,
      r.periodLabel,
      r.periodStart,
      r.periodEnd,
      r.producedBtc,
      r.soldBtc,
      r.soldShareOfProduction,
      r.proceedsUsd,
      r.realizedPriceUsd,
      r.marketAvgPriceUsd,
      r.premiumToMarket,
      r.purchasedBtc,
      r.heldStartBtc,
      r.heldStartAsOf,
      r.heldEndBtc,
      r.heldChangeBtc,
      r.soldShareOfHoldings,
      r.sources,
    ]),
  };
}

export function leagueTable(rows: readonly LeagueRow[]): Table {
  return {
    id: 'league',
    title: 'League table of sellers (BTC sold, non-overlapping periods)',
    columns: [
      c('Rank', 'int'),
      c('Company', 'text', 8),
      c('Name', 'text', 24),
      c('Sold (BTC)', 'btc'),
      c('Proceeds (USD)', 'usd', 16),
      c('Avg realized price (USD/BTC)', 'usd_per_btc'),
      c('Sold / produced', 'pct'),
      c('Periods', 'int'),
      c('From', 'date'),
      c('To', 'date'),
      c('Latest holdings (BTC)', 'btc'),
      c('Holdings as of', 'date'),
    ],
    rows: rows.map((r) => [
      r.rank,
      r.companyTicker,
      r.companyName,
      r.soldBtc,
      r.proceedsUsd,
      r.avgRealizedPriceUsd,
      r.soldShareOfProduction,
      r.periods,
      r.firstPeriodStart,
      r.lastPeriodEnd,
      r.latestHeldBtc,
      r.latestHeldAsOf,
    ]),
    note: 'A quarter and the months inside it are never both counted: the shortest periods are taken first.',
  };
}

export function changesTable(lines: readonly ChangeLine[]): Table {
  return {
    id: 'what_changed',
    title: 'What changed',
    columns: [c('Date', 'date'), c('Company', 'text', 8), c('Kind', 'text', 10), c('What changed', 'text', 100), c('Sources', 'sources', 60)],
    rows: lines.map((l) => [l.date, l.companyTicker, l.kind, l.text, l.sources]),
  };
}

export function productionTable(rows: readonly ProductionRow[]): Table {
  return {
    id: 'production',
    title: 'Production against hashrate and the network',
    columns: [
      c('Company', 'text', 8),
      c('Period', 'text', 22),
      c('Start', 'date'),
      c('End', 'date'),
      c('Produced (BTC)', 'btc'),
      c('Avg hashrate (EH/s)', 'ehs'),
      c('Operating hashrate at end (EH/s)', 'ehs'),
      c('Fleet efficiency (J/TH)', 'jth'),
      c('Network hashrate (EH/s)', 'ehs'),
      c('Share of network', 'pct'),
      c('Expected (BTC)', 'btc'),
      c('Produced / expected', 'pct'),
      c('Sources', 'sources', 60),
    ],
    rows: rows.map((r) => [
      r.companyTicker,
      r.periodLabel,
      r.periodStart,
      r.periodEnd,
      r.producedBtc,
      r.avgHashrateEhs,
      r.operatingHashrateEhs,
      r.fleetEfficiencyJth,
      r.networkHashrateEhs,
      r.networkShare,
      r.expectedBtc,
      r.realization,
      r.sources,
    ]),
  };
}

const costColumns = (withBasis: boolean): Column[] => [
  c('Company', 'text', 8),
  c('Period', 'text', 22),
  c('Start', 'date'),
  c('End', 'date'),
  ...(withBasis ? [c('Basis', 'text', 18)] : []),
  c("Company's label", 'text', 28),
  c('Cost (USD/BTC)', 'usd_per_btc'),
  c('Market avg price (USD/BTC)', 'usd_per_btc'),
  c('Margin (USD/BTC)', 'usd_per_btc'),
  c('Margin', 'pct'),
  c('Cost restated to now (USD/BTC)', 'usd_per_btc'),
  c('Margin now', 'pct'),
  c('Sources', 'sources', 60),
];

const costRow = (r: CostRow, withBasis: boolean): Value[] => [
  r.companyTicker,
  r.periodLabel,
  r.periodStart,
  r.periodEnd,
  ...(withBasis ? [r.basis] : []),
  r.companyLabel,
  r.costUsdPerBtc,
  r.marketAvgPriceUsd,
  r.marginUsdPerBtc,
  r.marginPct,
  r.costAtCurrentUsdPerBtc,
  r.marginAtCurrentPct,
  r.sources,
];

/** All bases in one sheet (with a Basis column to filter on); the text reports split by basis. */
export function costsTable(groups: readonly BasisGroup[]): Table {
  return {
    id: 'costs',
    title: 'Cost per BTC by basis',
    columns: costColumns(true),
    rows: groups.flatMap((g) => g.rows.map((r) => costRow(r, true))),
    note: 'Never compare costs across bases: filter on Basis.',
  };
}

export function costBasisTable(g: BasisGroup): Table {
  return { id: `costs_${g.basis || 'unspecified'}`, title: `Cost per BTC — ${g.label}`, columns: costColumns(false), rows: g.rows.map((r) => costRow(r, false)) };
}

export function rankingTable(g: BasisGroup): Table {
  return {
    id: `ranking_${g.basis || 'unspecified'}`,
    title: `Ranking — ${g.label} (latest period, cheapest first)`,
    columns: [c('Rank', 'int'), c('Company', 'text', 8), c('Period', 'text', 22), c("Company's label", 'text', 28), c('Cost (USD/BTC)', 'usd_per_btc'), c('Restated to now (USD/BTC)', 'usd_per_btc')],
    rows: g.ranking.map((r) => [r.rank, r.companyTicker, r.periodLabel, r.companyLabel, r.costUsdPerBtc, r.costAtCurrentUsdPerBtc]),
  };
}

export function fleetTable(rows: readonly FleetRow[]): Table {
  return {
    id: 'fleet',
    title: 'Fleet, hashprice and hashcost',
    columns: [
      c('Company', 'text', 8),
      c('Hashrate (EH/s)', 'ehs'),
      c('Hashrate as of', 'date'),
      c('Efficiency (J/TH)', 'jth'),
      c('Efficiency as of', 'date'),
      c('Efficiency rank', 'int'),
      c('Energy cost (USD/kWh)', 'usd_kwh'),
      c('Power capacity (MW)', 'mw'),
      c('Hashcost (USD/PH/day)', 'usd_ph_day'),
      c('Hashprice now (USD/PH/day)', 'usd_ph_day'),
      c('Hashprice / hashcost', 'ratio'),
      c('Breakeven price, power only (USD/BTC)', 'usd_per_btc'),
      c('Sources', 'sources', 60),
    ],
    rows: rows.map((r) => [
      r.companyTicker,
      r.hashrateEhs,
      r.hashrateAsOf,
      r.fleetEfficiencyJth,
      r.efficiencyAsOf,
      r.efficiencyRank,
      r.energyCostUsdPerKwh,
      r.powerCapacityMw,
      r.hashcostUsdPerPhDay,
      r.hashpriceUsdPerPhDay,
      r.hashpriceToHashcost,
      r.breakevenPowerOnlyUsd,
      r.sources,
    ]),
  };
}

export function adjustmentsTable(m: ReportModel): Table {
  return {
    id: 'network_adjustments',
    title: 'Difficulty adjustments',
    columns: [c('Height', 'int'), c('Date (UTC)', 'date'), c('Difficulty', 'difficulty', 22), c('Change', 'pct'), c('Implied hashrate (EH/s)', 'ehs')],
    rows: m.network.adjustments.map((a) => [a.height, a.date ?? `${a.firstFullDay} (first full day)`, a.difficulty, a.changePct === null ? null : a.changePct / 100, a.networkHashrateEhs]),
    note: 'blockchain.com difficulty series (see data/network/sources.json); implied hashrate = D·2^32/600.',
  };
}

export function monthsTable(m: ReportModel): Table {
  return {
    id: 'network_monthly',
    title: 'Network by month',
    columns: [
      c('Month', 'text', 9),
      c('Avg BTC price (USD)', 'usd_per_btc'),
      c('Avg hashrate estimate (EH/s)', 'ehs'),
      c('Difficulty at month end', 'difficulty', 22),
      c('Fees per block (BTC)', 'ratio'),
      c('Avg hashprice (USD/PH/day)', 'usd_ph_day'),
    ],
    rows: m.network.months.map((x) => [x.month, x.avgBtcPriceUsd, x.avgHashrateEhs, x.difficultyEnd, x.feesBtcPerBlock, x.avgHashpriceUsdPerPhDay]),
    note: `Price: ${m.network.priceSource}. Hashrate estimate: BRK. Hashprice from each day's price, fees and the difficulty in force.`,
  };
}

export function summaryTable(m: ReportModel): Table {
  const league = new Map(m.treasury.league.map((l) => [l.companyTicker, l]));
  return {
    id: 'summary',
    title: 'Summary by company',
    columns: [
      c('Company', 'text', 8),
      c('Name', 'text', 26),
      c('Latest holdings (BTC)', 'btc'),
      c('Holdings as of', 'date'),
      c('BTC sold (all periods)', 'btc'),
      c('Proceeds (USD)', 'usd', 16),
      c('Avg realized price (USD/BTC)', 'usd_per_btc'),
      c('Latest hashrate (EH/s)', 'ehs'),
      c('Efficiency (J/TH)', 'jth'),
      c('Breakeven price, power only (USD/BTC)', 'usd_per_btc'),
      c('Facts', 'int'),
    ],
    rows: m.pages.map((p: CompanyPage) => {
      const l = league.get(p.ticker);
      return [
        p.ticker,
        p.name,
        p.latest.heldBtc,
        p.latest.heldAsOf,
        l ? l.soldBtc : null,
        l ? l.proceedsUsd : null,
        l ? l.avgRealizedPriceUsd : null,
        p.latest.hashrateEhs,
        p.latest.efficiencyJth,
        p.fleet?.breakevenPowerOnlyUsd ?? null,
        p.factCount,
      ];
    }),
  };
}

export function factsTable(facts: readonly FactLine[]): Table {
  return {
    id: 'facts',
    title: 'Every fact with its source',
    columns: [
      c('Fact id', 'int'),
      c('Company', 'text', 8),
      c('Metric', 'text', 20),
      c('Value', 'ratio', 14),
      c('Unit', 'text', 8),
      c('Period start', 'date'),
      c('Period end', 'date'),
      c('As of', 'date'),
      c('Basis', 'text', 16),
      c('Basis label', 'text', 24),
      c('Form', 'text', 8),
      c('Filed', 'date'),
      c('Source URL', 'url', 60),
      c('Document title', 'text', 30),
      c('Snippet', 'text', 80),
      c('Confidence', 'ratio', 10),
      c('Derived', 'text', 8),
      c('Canonical', 'text', 9),
      c('Conflicted', 'text', 9),
    ],
    rows: facts.map((f) => [
      f.factId,
      f.companyTicker,
      f.metric,
      f.value,
      f.unit,
      f.periodStart,
      f.periodEnd,
      f.asOf,
      f.basis || null,
      f.basisLabel,
      f.source.form,
      f.source.filedDate,
      f.source.url,
      f.source.title,
      f.snippet,
      f.confidence,
      f.derived ? 'yes' : 'no',
      f.canonical ? 'yes' : 'no',
      f.conflicted ? 'yes' : 'no',
    ]),
  };
}

export { basisLabel };
