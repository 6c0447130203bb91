/**
 * Treasury-sales model: per company and period, what was produced, sold, bought and held,
 * the realized price against the market, a league table of sellers and quotable lines.
 */
import { lastDayOfMonth, periodDays } from '../model/period.ts';
import type { CanonIndex } from './canon.ts';
import type { PeriodNet } from './period-net.ts';
import { EMPTY, cellOf, computed, has, sourcesOf, type Cell, type SourceRef } from './cells.ts';
import { fmtBtc, fmtChange, fmtNumber, fmtPct, fmtUsd, fmtUsdAbout, inPeriod, periodLabel } from './format.ts';

export interface CompanyInfo {
  ticker: string;
  name: string;
  fiscalYearEndMonth: number;
}

export interface TreasuryRow {
  companyTicker: string;
  companyName: string;
  /** null for a holdings-only row (a balance with no flow reported for a period ending then) */
  periodStart: string | null;
  periodEnd: string;
  periodLabel: string;
  producedBtc: Cell;
  soldBtc: Cell;
  /** sold ÷ produced, a fraction */
  soldShareOfProduction: Cell;
  proceedsUsd: Cell;
  /** stated average sale price, else proceeds ÷ sold (computed) */
  realizedPriceUsd: Cell;
  /** mean daily BTC/USD over the period, from the network snapshot */
  marketAvgPriceUsd: Cell;
  /** realized ÷ market − 1, a fraction */
  premiumToMarket: Cell;
  purchasedBtc: Cell;
  purchasedCostUsd: Cell;
  /** holdings at the start of the period (latest balance before it) and when */
  heldStartBtc: Cell;
  heldStartAsOf: string | null;
  heldEndBtc: Cell;
  heldChangeBtc: Cell;
  /** sold ÷ holdings at start, a fraction */
  soldShareOfHoldings: Cell;
  sources: SourceRef[];
}

export interface LeagueRow {
  rank: number;
  companyTicker: string;
  companyName: string;
  soldBtc: number;
  /** proceeds over the periods that state (or let us compute) them */
  proceedsUsd: Cell;
  avgRealizedPriceUsd: Cell;
  /** sold ÷ produced over the periods where both are known */
  soldShareOfProduction: Cell;
  periods: number;
  firstPeriodStart: string;
  lastPeriodEnd: string;
  latestHeldBtc: Cell;
  latestHeldAsOf: string | null;
}

export interface ChangeLine {
  companyTicker: string;
  /** the day the line is about (period end or balance date), for ordering */
  date: string;
  kind: 'sale' | 'holdings' | 'production' | 'purchase' | 'cost';
  text: string;
  sources: SourceRef[];
}

export interface TreasuryModel {
  rows: TreasuryRow[];
  league: LeagueRow[];
  changes: ChangeLine[];
}

const FLOWS = ['btc_produced', 'btc_sold', 'btc_sold_proceeds', 'btc_sold_avg_price', 'btc_purchased', 'btc_purchased_cost'] as const;

export function buildTreasury(idx: CanonIndex, companies: readonly CompanyInfo[], net: PeriodNet): TreasuryModel {
  const rows: TreasuryRow[] = [];
  const changes: ChangeLine[] = [];
  const league: Omit<LeagueRow, 'rank'>[] = [];
  for (const co of companies) {
    const companyRows = rowsFor(idx, co, net);
    rows.push(...companyRows);
    const l = leagueFor(idx, co, companyRows);
    if (l) league.push(l);
    changes.push(...changeLinesFor(idx, co, companyRows));
  }
  league.sort((a, b) => b.soldBtc - a.soldBtc || a.companyTicker.localeCompare(b.companyTicker));
  changes.sort((a, b) => b.date.localeCompare(a.date) || a.companyTicker.localeCompare(b.companyTicker) || a.kind.localeCompare(b.kind));
  return { rows, league: league.map((l, i) => ({ rank: i + 1, ...l })), changes };
}

function rowsFor(idx: CanonIndex, co: CompanyInfo, net: PeriodNet): TreasuryRow[] {
  const t = co.ticker;
  const periods = new Map<string, { start: string; end: string }>();
  for (const m of FLOWS) {
    for (const v of idx.all(t, m)) {
      if (v.periodStart && v.periodEnd) periods.set(`${v.periodStart}..${v.periodEnd}`, { start: v.periodStart, end: v.periodEnd });
    }
  }
  const flowEnds = new Set([...periods.values()].map((p) => p.end));
  const out: TreasuryRow[] = [];
  for (const { start, end } of periods.values()) {
    const f = (m: string) => cellOf(idx.flow(t, m, start, end));
    const produced = f('btc_produced');
    const sold = f('btc_sold');
    const proceeds = f('btc_sold_proceeds');
    const statedPrice = f('btc_sold_avg_price');
    const realized = has(statedPrice)
      ? statedPrice
      : has(proceeds) && has(sold) && sold.value > 0
        ? computed(proceeds.value / sold.value, 'proceeds ÷ BTC sold', [proceeds, sold])
        : EMPTY;
    const mkt = net.averagePrice(start, end);
    const market = mkt ? computed(mkt.usd, `mean daily BTC/USD over ${mkt.days} of ${periodDays(start, end)} days (network snapshot)`) : EMPTY;
    const heldEnd = cellOf(idx.stock(t, 'btc_held', end));
    const startCv = recentBalance(idx.stockBefore(t, 'btc_held', start), start);
    const heldStart = cellOf(startCv);
    out.push({
      companyTicker: t,
      companyName: co.name,
      periodStart: start,
      periodEnd: end,
      periodLabel: periodLabel(start, end, co.fiscalYearEndMonth),
      producedBtc: produced,
      soldBtc: sold,
      soldShareOfProduction:
        has(sold) && has(produced) && produced.value > 0 ? computed(sold.value / produced.value, 'BTC sold ÷ BTC produced', [sold, produced]) : EMPTY,
      proceedsUsd: proceeds,
      realizedPriceUsd: realized,
      marketAvgPriceUsd: market,
      premiumToMarket: has(realized) && has(market) ? computed(realized.value / market.value - 1, 'realized ÷ market average − 1', [realized]) : EMPTY,
      purchasedBtc: f('btc_purchased'),
      purchasedCostUsd: f('btc_purchased_cost'),
      heldStartBtc: heldStart,
      heldStartAsOf: startCv?.asOf ?? null,
      heldEndBtc: heldEnd,
      heldChangeBtc: has(heldEnd) && has(heldStart) ? computed(heldEnd.value - heldStart.value, `holdings at ${end} − holdings at ${startCv?.asOf}`, [heldEnd, heldStart]) : EMPTY,
      soldShareOfHoldings:
        has(sold) && has(heldStart) && heldStart.value > 0 ? computed(sold.value / heldStart.value, `BTC sold ÷ holdings at ${startCv?.asOf}`, [sold, heldStart]) : EMPTY,
      sources: sourcesOf([sold, proceeds, statedPrice, produced, heldEnd, heldStart]),
    });
  }
  // balances at dates no flow period ends on still belong in the treasury table
  for (const v of idx.all(t, 'btc_held')) {
    if (!v.asOf || flowEnds.has(v.asOf) || v.basis !== '' && idx.stock(t, 'btc_held', v.asOf) !== v) continue;
    flowEnds.add(v.asOf);
    const heldEnd = cellOf(v);
    const prevCv = idx.stockBefore(t, 'btc_held', v.asOf);
    const heldStart = cellOf(prevCv);
    out.push({
      companyTicker: t,
      companyName: co.name,
      periodStart: null,
      periodEnd: v.asOf,
      periodLabel: periodLabel(null, v.asOf),
      producedBtc: EMPTY,
      soldBtc: EMPTY,
      soldShareOfProduction: EMPTY,
      proceedsUsd: EMPTY,
      realizedPriceUsd: EMPTY,
      marketAvgPriceUsd: EMPTY,
      premiumToMarket: EMPTY,
      purchasedBtc: EMPTY,
      purchasedCostUsd: EMPTY,
      heldStartBtc: heldStart,
      heldStartAsOf: prevCv?.asOf ?? null,
      heldEndBtc: heldEnd,
      heldChangeBtc: has(heldStart) ? computed(heldEnd.value! - heldStart.value, `holdings at ${v.asOf} − holdings at ${prevCv?.asOf}`, [heldEnd, heldStart]) : EMPTY,
      soldShareOfHoldings: EMPTY,
      sources: sourcesOf([heldEnd, heldStart]),
    });
  }
  // newest first; among periods ending the same day, the shortest (the month before the YTD)
  out.sort(
    (a, b) =>
      b.periodEnd.localeCompare(a.periodEnd) ||
      (a.periodStart === null ? 1 : 0) - (b.periodStart === null ? 1 : 0) ||
      (b.periodStart ?? '').localeCompare(a.periodStart ?? ''),
  );
  return out;
}

/**
 * Sales summed over non-overlapping periods, so a quarter and the months inside it (or a
 * year-to-date figure) are never counted twice: shortest periods first, then any longer
 * period that overlaps none already taken.
 */
function leagueFor(idx: CanonIndex, co: CompanyInfo, rows: readonly TreasuryRow[]): Omit<LeagueRow, 'rank'> | undefined {
  const withSales = rows.filter((r) => r.periodStart !== null && has(r.soldBtc));
  if (!withSales.length) return undefined;
  const taken: TreasuryRow[] = [];
  const byLength = [...withSales].sort((a, b) => periodDays(a.periodStart!, a.periodEnd) - periodDays(b.periodStart!, b.periodEnd) || a.periodEnd.localeCompare(b.periodEnd));
  for (const r of byLength) {
    if (taken.some((x) => x.periodStart! <= r.periodEnd && r.periodStart! <= x.periodEnd)) continue;
    taken.push(r);
  }
  let sold = 0;
  let soldPriced = 0;
  let proceeds = 0;
  let soldWithProd = 0;
  let produced = 0;
  const inputs: Cell[] = [];
  for (const r of taken) {
    sold += r.soldBtc.value!;
    inputs.push(r.soldBtc);
    if (has(r.proceedsUsd)) {
      proceeds += r.proceedsUsd.value;
      soldPriced += r.soldBtc.value!;
      inputs.push(r.proceedsUsd);
    } else if (has(r.realizedPriceUsd)) {
      proceeds += r.realizedPriceUsd.value * r.soldBtc.value!;
      soldPriced += r.soldBtc.value!;
      inputs.push(r.realizedPriceUsd);
    }
    if (has(r.producedBtc)) {
      soldWithProd += r.soldBtc.value!;
      produced += r.producedBtc.value;
    }
  }
  const starts = taken.map((r) => r.periodStart!).sort();
  const ends = taken.map((r) => r.periodEnd).sort();
  const latest = idx.latest(co.ticker, 'btc_held');
  return {
    companyTicker: co.ticker,
    companyName: co.name,
    soldBtc: sold,
    proceedsUsd: soldPriced ? computed(proceeds, 'sum over the periods counted', inputs) : EMPTY,
    avgRealizedPriceUsd: soldPriced ? computed(proceeds / soldPriced, 'total proceeds ÷ BTC sold in the same periods', inputs) : EMPTY,
    soldShareOfProduction: produced > 0 ? computed(soldWithProd / produced, 'BTC sold ÷ BTC produced, periods with both', inputs) : EMPTY,
    periods: taken.length,
    firstPeriodStart: starts[0]!,
    lastPeriodEnd: ends[ends.length - 1]!,
    latestHeldBtc: cellOf(latest),
    latestHeldAsOf: latest?.asOf ?? null,
  };
}

const MAX_SALE_LINES = 3;

function changeLinesFor(idx: CanonIndex, co: CompanyInfo, rows: readonly TreasuryRow[]): ChangeLine[] {
  const out: ChangeLine[] = [];
  const name = shortName(co.name);
  // sales, newest first
  for (const r of rows.filter((x) => x.periodStart !== null && has(x.soldBtc) && x.soldBtc.value! > 0).slice(0, MAX_SALE_LINES)) {
    const parts = [`${name} sold ${fmtBtc(r.soldBtc.value!)}${r.soldBtc.conflicted ? ' (sources differ)' : ''} ${inPeriod(r.periodStart, r.periodEnd, co.fiscalYearEndMonth)}`];
    if (has(r.proceedsUsd)) parts.push(` for about ${fmtUsd(r.proceedsUsd.value)}`);
    if (has(r.realizedPriceUsd)) {
      // With proceeds and coins both stated, the price they imply is what a reader can check;
      // a separately stated average (often a journalist's round figure) follows when it differs.
      const stated = r.realizedPriceUsd.derived ? undefined : r.realizedPriceUsd.value;
      const byProceeds = has(r.proceedsUsd) && r.soldBtc.value! > 0 ? r.proceedsUsd.value / r.soldBtc.value! : undefined;
      const differs = stated !== undefined && byProceeds !== undefined && Math.abs(stated / byProceeds - 1) > 0.005;
      // a stated average that agrees with proceeds ÷ coins is quoted as stated
      const implied = byProceeds !== undefined && (stated === undefined || differs) ? byProceeds : undefined;
      if (implied !== undefined) {
        parts.push(
          `, about ${fmtUsdAbout(implied, r.proceedsUsd.value!)} per BTC (proceeds divided by coins sold${differs ? `; a stated average of $${fmtNumber(stated, 0)}` : ''})`,
        );
      } else {
        parts.push(`, about $${fmtNumber(r.realizedPriceUsd.value, 0)} per BTC`);
      }
      if (has(r.premiumToMarket) && has(r.marketAvgPriceUsd)) {
        // the same price the sentence quotes
        const p = implied !== undefined ? implied / r.marketAvgPriceUsd.value - 1 : r.premiumToMarket.value;
        parts.push(
          Math.abs(p) < 0.0005
            ? `, in line with the average market price of $${fmtNumber(r.marketAvgPriceUsd.value, 0)} over the period`
            : `, ${fmtPct(Math.abs(p))} ${p < 0 ? 'below' : 'above'} the average market price of $${fmtNumber(r.marketAvgPriceUsd.value, 0)} over the period`,
        );
      }
    }
    const yearEnd = yearEndHoldings(idx, co, r.periodStart!);
    const extra: Cell[] = [];
    if (yearEnd && has(yearEnd.cell) && yearEnd.cell.value > 0) {
      // the balance analysts quote a sale against; the latest balance before the sale follows when it is a later one
      parts.push(`; that is ${fmtPct(r.soldBtc.value! / yearEnd.cell.value)} of the ${fmtBtc(yearEnd.cell.value)}${yearEnd.cell.conflicted ? ' (sources differ)' : ''} it held at ${yearEnd.label}`);
      extra.push(yearEnd.cell);
      if (has(r.soldShareOfHoldings) && r.heldStartAsOf && r.heldStartAsOf !== yearEnd.asOf) {
        parts.push(` and ${fmtPct(r.soldShareOfHoldings.value)} of the ${fmtBtc(r.heldStartBtc.value!)} it held at ${r.heldStartAsOf}, its latest balance before the sale`);
      }
    } else if (has(r.soldShareOfHoldings) && r.heldStartAsOf) {
      parts.push(`; that is ${fmtPct(r.soldShareOfHoldings.value)} of the ${fmtBtc(r.heldStartBtc.value!)} it held at ${r.heldStartAsOf}`);
    }
    if (has(r.soldShareOfProduction)) parts.push(`; it sold ${fmtPct(r.soldShareOfProduction.value)} of the ${fmtBtc(r.producedBtc.value!)} it produced in the period`);
    const sources = extra.length ? [...r.sources, ...sourcesOf(extra).filter((s) => !r.sources.some((x) => (x.url ?? x.factId) === (s.url ?? s.factId)))] : r.sources;
    out.push({ companyTicker: co.ticker, date: r.periodEnd, kind: 'sale', text: `${parts.join('')}.`, sources });
  }
  // latest change in holdings
  const held = idx.all(co.ticker, 'btc_held').filter((v) => v.basis === '' && v.asOf);
  const last = held[held.length - 1];
  const prev = held[held.length - 2];
  if (last && prev) {
    const d = last.value - prev.value;
    const how = Math.abs(d) < 1e-9 ? 'unchanged' : `${d > 0 ? 'up' : 'down'} ${fmtBtc(Math.abs(d))} (${fmtPct(Math.abs(d) / prev.value)})`;
    out.push({
      companyTicker: co.ticker,
      date: last.asOf!,
      kind: 'holdings',
      text: `${name} held ${fmtBtc(last.value)} at ${last.asOf}, ${how} from ${fmtBtc(prev.value)} at ${prev.asOf}.`,
      sources: sourcesOf([cellOf(last), cellOf(prev)]),
    });
  } else if (last) {
    out.push({
      companyTicker: co.ticker,
      date: last.asOf!,
      kind: 'holdings',
      text: `${name} held ${fmtBtc(last.value)} at ${last.asOf}.`,
      sources: sourcesOf([cellOf(last)]),
    });
  }
  // latest production against the previous period of the same length
  const produced = idx.all(co.ticker, 'btc_produced').filter((v) => v.periodStart && v.periodEnd);
  const lp = produced[produced.length - 1];
  if (lp) {
    const len = periodDays(lp.periodStart!, lp.periodEnd!);
    const pp = [...produced]
      .reverse()
      .find((v) => v.periodEnd! < lp.periodStart! && Math.abs(periodDays(v.periodStart!, v.periodEnd!) - len) <= 3 && periodDays(v.periodEnd!, lp.periodStart!) <= 3);
    const label = periodLabel(lp.periodStart, lp.periodEnd!, co.fiscalYearEndMonth);
    const text = pp
      ? `${name} produced ${fmtBtc(lp.value)} in ${label}, ${fmtChange(lp.value / pp.value - 1)} from ${fmtBtc(pp.value)} in ${periodLabel(pp.periodStart, pp.periodEnd!, co.fiscalYearEndMonth)}.`
      : `${name} produced ${fmtBtc(lp.value)} in ${label}.`;
    out.push({ companyTicker: co.ticker, date: lp.periodEnd!, kind: 'production', text, sources: sourcesOf(pp ? [cellOf(lp), cellOf(pp)] : [cellOf(lp)]) });
  }
  // purchases
  for (const v of idx.all(co.ticker, 'btc_purchased').filter((x) => x.value > 0 && x.periodStart).slice(-2)) {
    const cost = idx.flow(co.ticker, 'btc_purchased_cost', v.periodStart!, v.periodEnd!);
    out.push({
      companyTicker: co.ticker,
      date: v.periodEnd!,
      kind: 'purchase',
      text: `${name} bought ${fmtBtc(v.value)} in ${periodLabel(v.periodStart, v.periodEnd!, co.fiscalYearEndMonth)}${cost ? ` for about ${fmtUsd(cost.value)}` : ''}.`,
      sources: sourcesOf([cellOf(v), cellOf(cost)]),
    });
  }
  return out;
}

/**
 * Holdings at the end of the company's last fiscal year before a date, when the data has a
 * balance on that day: "the end of 2025", or "the end of fiscal 2024 (2024-09-30)".
 */
function yearEndHoldings(idx: CanonIndex, co: CompanyInfo, before: string): { cell: Cell; asOf: string; label: string } | undefined {
  const y = Number(before.slice(0, 4));
  const fyEnd = (year: number) => lastDayOfMonth(year, co.fiscalYearEndMonth);
  const asOf = fyEnd(y) < before ? fyEnd(y) : fyEnd(y - 1);
  const cv = idx.stock(co.ticker, 'btc_held', asOf);
  if (!cv) return undefined;
  const label = co.fiscalYearEndMonth === 12 ? `the end of ${asOf.slice(0, 4)}` : `the end of fiscal ${asOf.slice(0, 4)} (${asOf})`;
  return { cell: cellOf(cv), asOf, label };
}

/** "Cango Inc." → "Cango", "CleanSpark, Inc." → "CleanSpark" for sentences. */
export function shortName(name: string): string {
  return name.replace(/,?\s+(Inc|Corp|Ltd|Limited|Holdings|Technologies Group|Platforms|Group)\.?\b.*$/i, '').trim() || name;
}

/**
 * A period's opening balance is the latest one before it only while it is recent: a sale set
 * against holdings stated a year earlier would mislead ("44% of its holdings"), so past a
 * quarter and a half the share is left blank rather than computed on a stale base.
 */
export const OPENING_BALANCE_MAX_AGE_DAYS = 135;
function recentBalance<T extends { asOf: string | null } | undefined>(cv: T, periodStart: string): T | undefined {
  if (!cv?.asOf) return cv;
  const ageDays = (Date.parse(periodStart) - Date.parse(cv.asOf)) / 86_400_000;
  return ageDays <= OPENING_BALANCE_MAX_AGE_DAYS ? cv : undefined;
}
