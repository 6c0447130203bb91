import type { FactWithSource } from '../db/queries.ts';
import type { CanonicalValue, ReconcileResult } from './types.ts';

export type * from './types.ts';

/**
 * First version: one canonical value per company·metric·period·basis, the most recent filing
 * winning, ties broken by confidence. Issue 6 replaces the precedence, conflicts and checks.
 */
export function reconcile(facts: readonly FactWithSource[]): ReconcileResult {
  const groups = new Map<string, FactWithSource[]>();
  for (const f of facts) {
    const key = `${f.companyTicker}|${f.metric}|${f.periodKey}|${f.basis}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const canonical: CanonicalValue[] = [];
  for (const obs of groups.values()) {
    obs.sort((a, b) => (b.filedDate ?? '').localeCompare(a.filedDate ?? '') || b.confidence - a.confidence);
    const w = obs[0]!;
    canonical.push({
      companyTicker: w.companyTicker,
      metric: w.metric,
      unit: w.unit,
      basis: w.basis,
      basisLabel: w.basisLabel,
      periodKey: w.periodKey,
      periodStart: w.periodStart,
      periodEnd: w.periodEnd,
      asOf: w.asOf,
      value: w.value,
      fact: w,
      observations: obs,
      reason: 'latest filing',
      conflicted: false,
      derived: w.derived,
    });
  }
  return { canonical, conflicts: [], findings: [] };
}
