/**
 * The whole report as plain data: built once from canonical values, the registry and the
 * network snapshot, then handed to each renderer. Nothing here does I/O.
 */
import type { FactWithSource } from '../db/queries.ts';
import { networkHashrateEhs } from '../network/math.ts';
import { latestConditions, monthlySeries, type DifficultyAdjustment, type NetworkConditions, type NetworkMonth, type NetworkSnapshot } from '../network/series.ts';
import type { CanonicalValue } from '../reconcile/types.ts';
import { CanonIndex } from './canon.ts';
import { PeriodNet } from './period-net.ts';
import { LEGEND, cellOf, sourceOf, type Cell, type SourceRef } from './cells.ts';
import { buildCosts, type CostsModel, type CostRow, type FleetRow, type SensitivityGrid } from './costs.ts';
import { buildProduction, type ProductionRow } from './production.ts';
import { buildTreasury, type ChangeLine, type CompanyInfo, type LeagueRow, type TreasuryModel, type TreasuryRow } from './treasury.ts';

export type ReportKind = 'treasury' | 'costs';

export interface FactLine {
  factId: number;
  companyTicker: string;
  metric: string;
  value: number;
  unit: string;
  periodStart: string | null;
  periodEnd: string | null;
  asOf: string | null;
  basis: string;
  basisLabel: string | null;
  confidence: number;
  derived: boolean;
  /** this observation is the canonical value of its key */
  canonical: boolean;
  /** its key has disagreeing observations */
  conflicted: boolean;
  source: SourceRef;
  snippet: string;
}

export interface CompanyPage {
  ticker: string;
  name: string;
  latest: { heldBtc: Cell; heldAsOf: string | null; hashrateEhs: Cell; hashrateAsOf: string | null; efficiencyJth: Cell; efficiencyAsOf: string | null };
  treasury: TreasuryRow[];
  production: ProductionRow[];
  costs: CostRow[];
  fleet: FleetRow | null;
  grid: SensitivityGrid | null;
  changes: ChangeLine[];
  factCount: number;
}

export interface NetworkSection {
  now: NetworkConditions | null;
  adjustments: (DifficultyAdjustment & { networkHashrateEhs: number })[];
  months: NetworkMonth[];
  priceSource: string;
  origins: { file: string; repo: string; path: string; commit: string }[];
}

export interface ReportModel {
  title: string;
  kinds: ReportKind[];
  /** the network day the report calls "now" */
  asOf: string | null;
  companies: CompanyInfo[];
  counts: { facts: number; canonical: number; conflicted: number; derived: number; documents: number };
  treasury: TreasuryModel;
  production: ProductionRow[];
  costs: CostsModel;
  network: NetworkSection;
  pages: CompanyPage[];
  /** what changed, newest first, treasury and cost lines together */
  changes: ChangeLine[];
  facts: FactLine[];
  legend: typeof LEGEND;
}

export interface ReportInput {
  canonical: readonly CanonicalValue[];
  facts: readonly FactWithSource[];
  companies: readonly CompanyInfo[];
  network: NetworkSnapshot;
  kinds?: ReportKind[];
  /** restrict to these tickers */
  only?: string[];
}

const NETWORK_MONTHS = 36;
const NETWORK_ADJUSTMENTS = 26;

export function buildReport(input: ReportInput): ReportModel {
  const only = input.only?.length ? new Set(input.only.map((t) => t.toUpperCase())) : undefined;
  const canonical = only ? input.canonical.filter((c) => only.has(c.companyTicker)) : input.canonical;
  const facts = only ? input.facts.filter((f) => only.has(f.companyTicker)) : input.facts;
  const idx = new CanonIndex(canonical);
  const known = new Map(input.companies.map((c) => [c.ticker, c]));
  // companies with facts, registry order first; a ticker missing from the registry still shows
  const companies: CompanyInfo[] = [
    ...input.companies.filter((c) => idx.tickers.includes(c.ticker)),
    ...idx.tickers.filter((t) => !known.has(t)).map((t) => ({ ticker: t, name: t, fiscalYearEndMonth: 12 })),
  ];
  const now = latestConditions(input.network);
  const pnet = new PeriodNet(input.network);
  const treasury = buildTreasury(idx, companies, pnet);
  const production = buildProduction(idx, companies, pnet);
  const costs = buildCosts(idx, companies, pnet, now);

  const winners = new Set(canonical.map((c) => c.fact.id));
  const conflictedKeys = new Set(canonical.filter((c) => c.conflicted).map((c) => `${c.companyTicker}|${c.metric}|${c.periodKey}|${c.basis}`));
  const factLines: FactLine[] = facts.map((f) => ({
    factId: f.id,
    companyTicker: f.companyTicker,
    metric: f.metric,
    value: f.value,
    unit: f.unit,
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    asOf: f.asOf,
    basis: f.basis,
    basisLabel: f.basisLabel,
    confidence: f.confidence,
    derived: f.derived,
    canonical: winners.has(f.id),
    conflicted: conflictedKeys.has(`${f.companyTicker}|${f.metric}|${f.periodKey}|${f.basis}`),
    source: sourceOf(f),
    snippet: f.snippet,
  }));

  const pages: CompanyPage[] = companies.map((co) => {
    const held = idx.latest(co.ticker, 'btc_held');
    const hr = idx.latest(co.ticker, 'hashrate_operating') ?? idx.latest(co.ticker, 'hashrate_average');
    const eff = idx.latest(co.ticker, 'fleet_efficiency');
    return {
      ticker: co.ticker,
      name: co.name,
      latest: {
        heldBtc: cellOf(held),
        heldAsOf: held?.asOf ?? null,
        hashrateEhs: cellOf(hr),
        hashrateAsOf: hr ? (hr.asOf ?? hr.periodEnd) : null,
        efficiencyJth: cellOf(eff),
        efficiencyAsOf: eff ? (eff.asOf ?? eff.periodEnd) : null,
      },
      treasury: treasury.rows.filter((r) => r.companyTicker === co.ticker),
      production: production.filter((r) => r.companyTicker === co.ticker),
      costs: costs.groups.flatMap((g) => g.rows.filter((r) => r.companyTicker === co.ticker)),
      fleet: costs.fleet.find((f) => f.companyTicker === co.ticker) ?? null,
      grid: costs.companyGrids[co.ticker] ?? null,
      changes: [...treasury.changes, ...costs.changes].filter((c) => c.companyTicker === co.ticker).sort((a, b) => b.date.localeCompare(a.date)),
      factCount: facts.filter((f) => f.companyTicker === co.ticker).length,
    };
  });

  const asOf = now?.date ?? null;
  const monthsTo = asOf ?? input.network.days[input.network.days.length - 1]?.date ?? '';
  const monthsFrom = monthsTo ? `${Number(monthsTo.slice(0, 4)) - NETWORK_MONTHS / 12}-${monthsTo.slice(5, 7)}-01` : '';
  const adjustments = input.network.adjustments
    .filter((a) => !asOf || (a.date ?? a.firstFullDay) <= asOf)
    .slice(-NETWORK_ADJUSTMENTS)
    .reverse()
    .map((a) => ({ ...a, networkHashrateEhs: networkHashrateEhs(a.difficulty) }));

  const kinds = input.kinds?.length ? input.kinds : (['treasury', 'costs'] as ReportKind[]);
  return {
    title: 'Bitcoin miners: treasury sales and cost positioning',
    kinds,
    asOf,
    companies,
    counts: {
      facts: facts.length,
      canonical: canonical.length,
      conflicted: canonical.filter((c) => c.conflicted).length,
      derived: canonical.filter((c) => c.derived).length,
      documents: new Set(facts.map((f) => f.documentId)).size,
    },
    treasury,
    production,
    costs,
    network: {
      now: now ?? null,
      adjustments,
      months: monthsFrom ? monthlySeries(input.network, monthsFrom, monthsTo) : [],
      priceSource: input.network.sources.priceSource,
      origins: originsOf(input.network.sources.files),
    },
    pages,
    changes: [...(kinds.includes('treasury') ? treasury.changes : []), ...(kinds.includes('costs') ? costs.changes : [])].sort(
      (a, b) => b.date.localeCompare(a.date) || a.companyTicker.localeCompare(b.companyTicker),
    ),
    facts: factLines,
    legend: LEGEND,
  };
}

function originsOf(files: Record<string, unknown>): NetworkSection['origins'] {
  const out: NetworkSection['origins'] = [];
  for (const [file, meta] of Object.entries(files)) {
    const origins = (meta as { origins?: { repo?: string; path?: string; commit?: string }[] }).origins ?? [];
    for (const o of origins) if (o.repo && o.path && o.commit) out.push({ file, repo: o.repo, path: o.path, commit: o.commit });
  }
  return out;
}

export type { ChangeLine, CompanyInfo, CostRow, FleetRow, LeagueRow, ProductionRow, SensitivityGrid, TreasuryRow };
