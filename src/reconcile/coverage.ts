import type { FactWithSource } from '../db/queries.ts';
import type { Company } from '../model/company.ts';
import { grainOf, lastDayOfMonth } from '../model/period.ts';
import type { CanonicalValue, Finding } from './types.ts';

/**
 * Days without a new flow figure after which a company counts as quiet. Monthly updates come
 * out within about ten days of the month's end, so at any date the latest reported month
 * ended at most ~31 + 10 days earlier: 45 days allows a few days of slack. Quarterly reporters
 * file a 10-Q within 40–45 days of the quarter's end: 92 + 45.
 */
export const STALE_AFTER_DAYS = { monthly: 45, quarterly: 92 + 45 } as const;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** The latest date any fact speaks about: "now" for data that has no clock. */
export function latestDataDate(facts: readonly FactWithSource[]): string | undefined {
  let max: string | undefined;
  for (const f of facts) {
    const d = f.periodEnd ?? f.asOf;
    if (d && (!max || d > max)) max = d;
  }
  return max;
}

/**
 * A company that publishes monthly (or quarterly) and whose latest flow figure ended more
 * than the allowance before `asOf` has gone quiet — or we have stopped collecting it.
 * Companies with no facts at all are not reported: they were never covered.
 */
export function staleFindings(facts: readonly FactWithSource[], companies: readonly Company[], asOf: string): Finding[] {
  const latestFlow = new Map<string, FactWithSource>();
  const seen = new Set<string>();
  for (const f of facts) {
    const date = f.periodEnd ?? f.asOf;
    // what a company publishes after asOf says nothing about whether it was quiet before
    if (!date || date > asOf) continue;
    seen.add(f.companyTicker);
    if (!f.periodEnd || !f.periodStart) continue;
    const prev = latestFlow.get(f.companyTicker);
    if (!prev || f.periodEnd > prev.periodEnd!) latestFlow.set(f.companyTicker, f);
  }
  const findings: Finding[] = [];
  for (const c of companies) {
    if (c.updateCadence === 'none' || !seen.has(c.ticker)) continue;
    const allowance = STALE_AFTER_DAYS[c.updateCadence];
    const last = latestFlow.get(c.ticker);
    const age = last ? daysBetween(last.periodEnd!, asOf) : Infinity;
    if (age <= allowance) continue;
    findings.push({
      kind: 'stale',
      severity: 'warning',
      companyTicker: c.ticker,
      message: last
        ? `publishes ${c.updateCadence} updates, but its latest figure for a period (production, sales, costs…) ends ${last.periodEnd} (${age} days before ${asOf}; ${allowance} allowed)`
        : `publishes ${c.updateCadence} updates, but no figure for a period (production, sales, costs…) is on record up to ${asOf}`,
      factIds: last ? [last.id] : [],
    });
  }
  return findings;
}

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function monthStart(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * Months missing inside a company's monthly production series (between its first and last
 * month), counting derived months as present. One finding per run of missing months.
 */
export function gapFindings(canonical: readonly CanonicalValue[]): Finding[] {
  const months = new Map<string, Map<number, CanonicalValue>>();
  for (const cv of canonical) {
    if (cv.metric !== 'btc_produced' || cv.basis !== '' || !cv.periodStart || !cv.periodEnd) continue;
    if (grainOf(cv.periodStart, cv.periodEnd) !== 'month') continue;
    let m = months.get(cv.companyTicker);
    if (!m) months.set(cv.companyTicker, (m = new Map()));
    m.set(monthIndex(cv.periodStart), cv);
  }
  const findings: Finding[] = [];
  for (const [ticker, m] of months) {
    const idx = [...m.keys()].sort((a, b) => a - b);
    for (let i = 1; i < idx.length; i++) {
      const prev = idx[i - 1]!;
      const next = idx[i]!;
      if (next - prev <= 1) continue;
      const first = monthStart(prev + 1);
      const lastStart = monthStart(next - 1);
      const last = lastDayOfMonth(Number(lastStart.slice(0, 4)), Number(lastStart.slice(5, 7)));
      const count = next - prev - 1;
      const before = m.get(prev)!;
      const after = m.get(next)!;
      findings.push({
        kind: 'gap',
        severity: 'warning',
        companyTicker: ticker,
        metric: 'btc_produced',
        periodKey: `${first}..${last}`,
        message: `no monthly production figure for ${count} month${count > 1 ? 's' : ''} (${first.slice(0, 7)}${count > 1 ? ` to ${lastStart.slice(0, 7)}` : ''}) between ${before.periodKey} and ${after.periodKey}`,
        factIds: [before.fact.id, after.fact.id],
      });
    }
  }
  return findings;
}
