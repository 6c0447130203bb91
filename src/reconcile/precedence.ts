import type { FactWithSource } from '../db/queries.ts';
import { describeSource, SOURCE_TIERS, type SourceClass } from './source.ts';

/** Below this an extractor is unsure; such a fact never beats a confident one. */
export const MIN_CONFIDENCE = 0.5;

/** An observation with what reconciliation learned about it. */
export interface Observation {
  fact: FactWithSource;
  source: SourceClass;
  /** set when the value is implausible or looks like a scale mistake: it may not win */
  suspect?: string;
}

interface Rule {
  name: string;
  /** larger wins */
  key(o: Observation): number | string;
  explain(winner: Observation, loser: Observation): string;
}

const HOST_RANK = { issuer: 2, none: 1, newswire: 1, aggregator: 0 } as const;

/**
 * The precedence, in order; the first rule on which two observations differ decides.
 *
 *  1. plausible over suspect (out of bounds, or ×1000 its neighbours)
 *  2. confident (≥ 0.5) over low-confidence
 *  3. stated over derived
 *  4. amendment (form ending /A) over original
 *  5. audited annual (10-K, 20-F, 40-F) over interim (10-Q, 6-K results) over monthly release
 *     (8-K/6-K EX-99, press release on the issuer's site) over unknown over third-party copy
 *  6. issuer (its site, sec.gov) over newswire over aggregator
 *  7. later filing over earlier
 *  8. higher confidence
 *  9. table cell over prose (a table is what the company typeset as the figure), then the
 *     first recorded — so the result does not depend on input order
 */
export const PRECEDENCE: readonly Rule[] = [
  {
    name: 'plausible',
    key: (o) => (o.suspect ? 0 : 1),
    explain: (_w, l) => `plausible value over a suspect one (${l.fact.value}: ${l.suspect})`,
  },
  {
    name: 'confident',
    key: (o) => (o.fact.confidence >= MIN_CONFIDENCE ? 1 : 0),
    explain: (w, l) => `confident extraction (${w.fact.confidence}) over low-confidence (${l.fact.confidence})`,
  },
  {
    name: 'stated',
    key: (o) => (o.fact.derived ? 0 : 1),
    explain: () => 'stated over derived',
  },
  {
    name: 'amendment',
    key: (o) => (o.source.amendment ? 1 : 0),
    explain: (w, l) => `amendment (${w.fact.form}) over original (${l.fact.form ?? 'no form'})`,
  },
  {
    name: 'tier',
    key: (o) => SOURCE_TIERS[o.source.tier].rank,
    explain: (w, l) =>
      `${SOURCE_TIERS[w.source.tier].label} (${describeSource(w.fact)}) over ${SOURCE_TIERS[l.source.tier].label} (${describeSource(l.fact)})`,
  },
  {
    name: 'host',
    key: (o) => HOST_RANK[o.source.hostClass],
    explain: (w, l) => `${w.source.hostClass} copy (${w.source.host ?? 'local file'}) over ${l.source.hostClass} copy (${l.source.host ?? 'local file'})`,
  },
  {
    name: 'later',
    key: (o) => o.fact.filedDate ?? '',
    explain: (w, l) => `later filing (${w.fact.filedDate}) over earlier (${l.fact.filedDate ?? 'undated'})`,
  },
  {
    name: 'confidence',
    key: (o) => o.fact.confidence,
    explain: (w, l) => `higher confidence (${w.fact.confidence} over ${l.fact.confidence})`,
  },
  {
    name: 'table',
    key: (o) => (o.fact.locator.includes('"kind":"table"') ? 1 : 0),
    explain: () => 'table cell over prose in the same document',
  },
  {
    name: 'first',
    key: (o) => -o.fact.id,
    explain: () => 'same standing; the first recorded',
  },
];

function compareBy(rule: Rule, a: Observation, b: Observation): number {
  const ka = rule.key(a);
  const kb = rule.key(b);
  if (ka === kb) return 0;
  return ka > kb ? -1 : 1;
}

/** Negative when `a` ranks before `b`. */
export function compareObservations(a: Observation, b: Observation): number {
  for (const rule of PRECEDENCE) {
    const c = compareBy(rule, a, b);
    if (c !== 0) return c;
  }
  return 0;
}

/** The rule that puts `winner` ahead of `loser`, in words. */
export function explainWin(winner: Observation, loser: Observation): { rule: string; reason: string } {
  for (const rule of PRECEDENCE) {
    if (compareBy(rule, winner, loser) < 0) return { rule: rule.name, reason: rule.explain(winner, loser) };
  }
  return { rule: 'identical', reason: 'identical observations' };
}

/**
 * Orders the observations (winner first) and says why the winner won. When every other
 * observation carries the same value the reason still names the rule against the runner-up,
 * prefixed by the agreement, so a reader sees both.
 */
export function rank(observations: readonly Observation[]): { ordered: Observation[]; rule: string; reason: string } {
  const ordered = [...observations].sort(compareObservations);
  const winner = ordered[0]!;
  if (ordered.length === 1) return { ordered, rule: 'single', reason: `only observation (${describeSource(winner.fact)})` };
  const runnerUp = ordered[1]!;
  const { rule, reason } = explainWin(winner, runnerUp);
  const agree = ordered.every((o) => o.fact.value === winner.fact.value);
  return { ordered, rule, reason: agree ? `${ordered.length} observations agree; ${reason}` : reason };
}
