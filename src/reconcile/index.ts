import type { FactWithSource } from '../db/queries.ts';
import type { Company } from '../model/company.ts';
import { checkBound } from './bounds.ts';
import { gapFindings, latestDataDate, staleFindings } from './coverage.ts';
import { crossCheckSeries, deriveSeries, type Derived, type Known } from './derive.ts';
import { MIN_CONFIDENCE, rank, type Observation } from './precedence.ts';
import { rollForwardFindings } from './rollforward.ts';
import { levelOf, scaleVerdict, type ScaleVerdict, type SeriesPoint } from './scale.ts';
import { classifySource, describeSource, SOURCE_TIERS } from './source.ts';
import { allowedDifference, relativeSpread, withinTolerance } from './tolerance.ts';
import type { CanonicalValue, Conflict, Finding, ReconcileOptions, ReconcileResult } from './types.ts';

export type * from './types.ts';
export { PRECEDENCE, MIN_CONFIDENCE } from './precedence.ts';
export { TOLERANCES, toleranceFor, withinTolerance } from './tolerance.ts';
export { BOUNDS } from './bounds.ts';
export { STALE_AFTER_DAYS } from './coverage.ts';

/**
 * All observations in, one canonical value per company·metric·period·basis out, with the
 * conflicts between sources and the consistency findings:
 *
 *   classify sources → flag implausible and ×1000 values → rank each key's observations by
 *   PRECEDENCE → list disagreements beyond tolerance → derive missing months/quarters from
 *   longer periods (and cross-check stated ones) → roll holdings forward → gaps, staleness.
 *
 * Pure: facts and the registry in, values out. Nothing is dropped: every fact stays an
 * observation of its key; keys with no trustworthy observation go to `setAside`.
 */
export function reconcile(facts: readonly FactWithSource[], opts: ReconcileOptions = {}): ReconcileResult {
  const companies = new Map<string, Company>((opts.companies ?? []).map((c) => [c.ticker, c]));
  const findings: Finding[] = [];

  const observations: Observation[] = facts.map((f) => ({ fact: f, source: classifySource(f, companies.get(f.companyTicker)) }));
  findings.push(...flagSuspects(observations));

  const groups = groupBy(observations, (o) => keyOf(o.fact));
  const canonical: CanonicalValue[] = [];
  const setAside: CanonicalValue[] = [];
  const conflicts: Conflict[] = [];

  for (const group of groups.values()) {
    const { ordered, rule, reason } = rank(group);
    const winner = ordered[0]!;
    const trusted = ordered.filter((o) => !o.suspect && o.fact.confidence >= MIN_CONFIDENCE);
    const cv = canonicalOf(winner.fact, ordered.map((o) => o.fact), reason, rule);
    if (!trusted.length) {
      cv.reason = winner.suspect
        ? `set aside: every observation is suspect (${winner.suspect})`
        : `set aside: only low-confidence observations (best ${winner.fact.confidence})`;
      setAside.push(cv);
      continue;
    }
    const conflict = conflictOf(trusted, winner);
    if (conflict) {
      cv.conflicted = true;
      conflicts.push(conflict);
      findings.push({
        kind: 'conflict',
        severity: 'warning',
        companyTicker: cv.companyTicker,
        metric: cv.metric,
        periodKey: cv.periodKey,
        message:
          `${trusted.length} sources disagree beyond tolerance (±${fmt(conflict.allowed ?? 0)}): ` +
          trusted.map((o) => `${fmt(o.fact.value)} in ${describeSource(o.fact)}`).join(' vs ') +
          `; chose ${fmt(winner.fact.value)}: ${reason}`,
        factIds: trusted.map((o) => o.fact.id),
      });
    }
    canonical.push(cv);
  }

  const classes = new Map(observations.map((o) => [o.fact.id, o.source]));
  const tierOf = (f: FactWithSource) => SOURCE_TIERS[(classes.get(f.id) ?? classifySource(f, companies.get(f.companyTicker))).tier].rank;
  const derived = deriveAll(canonical, findings, tierOf);
  canonical.push(...derived);
  canonical.sort(byKey);
  setAside.sort(byKey);

  findings.push(...rollForwardFindings(canonical));
  findings.push(...gapFindings(canonical));
  if (opts.companies) {
    const confident = facts.filter((f) => f.confidence >= MIN_CONFIDENCE);
    const asOf = opts.asOf ?? latestDataDate(confident);
    if (asOf) findings.push(...staleFindings(confident, opts.companies, asOf));
  }
  findings.sort(
    (a, b) =>
      a.companyTicker.localeCompare(b.companyTicker) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.kind.localeCompare(b.kind) ||
      (a.periodKey ?? '').localeCompare(b.periodKey ?? ''),
  );
  return { canonical, conflicts, findings, setAside };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function keyOf(f: { companyTicker: string; metric: string; periodKey: string; basis: string }): string {
  return `${f.companyTicker}|${f.metric}|${f.periodKey}|${f.basis}`;
}

function seriesKeyOf(f: { companyTicker: string; metric: string; basis: string }): string {
  return `${f.companyTicker}|${f.metric}|${f.basis}`;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

function byKey(a: CanonicalValue, b: CanonicalValue): number {
  return (
    a.companyTicker.localeCompare(b.companyTicker) ||
    a.metric.localeCompare(b.metric) ||
    (a.periodEnd ?? a.asOf ?? '').localeCompare(b.periodEnd ?? b.asOf ?? '') ||
    a.periodKey.localeCompare(b.periodKey) ||
    a.basis.localeCompare(b.basis)
  );
}

// one formatter: toLocaleString builds a new one per call, which dominated large runs
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

function fmt(v: number): string {
  return NUMBER.format(v);
}

function canonicalOf(w: FactWithSource, observations: FactWithSource[], reason: string, rule: string): CanonicalValue {
  return {
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
    observations,
    reason,
    rule,
    conflicted: false,
    derived: w.derived,
  };
}

/**
 * Marks observations that may not win: values outside the metric's plausible range, and
 * values about ×1000 (or ÷1000) of the same company's neighbouring periods. Each gets a
 * finding; an error unless the extractor itself was unsure of the figure.
 */
function flagSuspects(observations: Observation[]): Finding[] {
  const findings: Finding[] = [];
  for (const o of observations) {
    const f = o.fact;
    const b = checkBound(f);
    if (!b.ok && b.bound) {
      o.suspect = `outside ${fmt(b.bound.min)}–${fmt(b.bound.max)} ${f.unit}`;
      findings.push({
        kind: 'implausible',
        severity: f.confidence >= MIN_CONFIDENCE ? 'error' : 'warning',
        companyTicker: f.companyTicker,
        metric: f.metric,
        periodKey: f.periodKey,
        message: `${fmt(f.value)} ${f.unit} is outside ${fmt(b.bound.min)}–${fmt(b.bound.max)} ${f.unit} (${b.bound.why}), in ${describeSource(f)}`,
        factIds: [f.id],
      });
    }
  }

  const series = groupBy(observations, (o) => seriesKeyOf(o.fact));
  for (const list of series.values()) {
    const points = new Map<Observation, SeriesPoint>();
    for (const o of list) {
      const f = o.fact;
      points.set(o, { date: f.periodEnd ?? f.asOf ?? '', periodKey: f.periodKey, level: levelOf(f.metric, f.value, f.periodStart, f.periodEnd) });
    }
    // out-of-range values do not get to be anyone's reference
    const reference = list.filter((o) => !o.suspect).map((o) => points.get(o)!);
    const verdicts = new Map<Observation, ScaleVerdict>();
    for (const o of list) {
      const v = scaleVerdict(points.get(o)!, reference);
      if (v) verdicts.set(o, v);
    }
    for (const [o, v] of verdicts) {
      const sameKeySane = list.some((x) => x !== o && x.fact.periodKey === o.fact.periodKey && !x.suspect && !verdicts.has(x));
      // one neighbouring period alone cannot say which of the two is wrong
      if (v.neighbours < 2 && !o.suspect && !sameKeySane) continue;
      const f = o.fact;
      o.suspect ??= `about ${v.direction === 'x1000' ? '1000×' : '1/1000 of'} the company's neighbouring values`;
      findings.push({
        kind: 'unit_mistake',
        severity: f.confidence >= MIN_CONFIDENCE ? 'error' : 'warning',
        companyTicker: f.companyTicker,
        metric: f.metric,
        periodKey: f.periodKey,
        message:
          `${fmt(f.value)} ${f.unit} is ${fmt(Math.round(v.ratio))}× the company's neighbouring ${f.metric} ` +
          `(median ${fmt(Math.round(v.reference * 1000) / 1000)}${f.periodStart ? ' per day' : ''} over ${v.neighbours} period${v.neighbours > 1 ? 's' : ''})` +
          `: ${scaleHint(f.metric, v)}, in ${describeSource(f)}`,
        factIds: [f.id],
      });
    }
  }
  return findings;
}

function scaleHint(metric: string, v: ScaleVerdict): string {
  if (metric.startsWith('hashrate')) return v.direction === 'x1000' ? 'PH/s read as EH/s?' : 'EH/s where PH/s was meant?';
  if (metric === 'fleet_efficiency') return 'W/PH or J/GH read as J/TH?';
  return v.direction === 'x1000' ? 'a figure in thousands counted as units?' : 'units counted as thousands?';
}

function conflictOf(trusted: readonly Observation[], winner: Observation): Conflict | undefined {
  const values = trusted.map((o) => o.fact.value);
  const max = Math.max(...values);
  const min = Math.min(...values);
  const metric = winner.fact.metric;
  if (withinTolerance(metric, max, min)) return undefined;
  const f = winner.fact;
  return {
    companyTicker: f.companyTicker,
    metric,
    periodKey: f.periodKey,
    basis: f.basis,
    values: trusted.map((o) => ({
      value: o.fact.value,
      factId: o.fact.id,
      sourceUrl: o.fact.sourceUrl,
      form: o.fact.form,
      filedDate: o.fact.filedDate,
      localPath: o.fact.localPath,
      confidence: o.fact.confidence,
      snippet: o.fact.snippet,
    })),
    spread: relativeSpread(values),
    chosen: f.value,
    allowed: allowedDifference(metric, Math.max(Math.abs(max), Math.abs(min))),
  };
}

/**
 * Months and quarters computed from longer stated periods, added only where nothing is
 * stated; where something is stated, the computation cross-checks it instead.
 */
function deriveAll(canonical: readonly CanonicalValue[], findings: Finding[], tierOf: (f: FactWithSource) => number): CanonicalValue[] {
  const stated = canonical.filter((cv) => !cv.derived && cv.periodStart && cv.periodEnd);
  const bySeries = groupBy(stated, seriesKeyOf);
  const have = new Set(canonical.map(keyOf));
  const out: CanonicalValue[] = [];
  for (const list of bySeries.values()) {
    const first = list[0]!;
    const key = { companyTicker: first.companyTicker, metric: first.metric, basis: first.basis };
    const known: Known[] = list.map((cv) => ({
      periodStart: cv.periodStart!,
      periodEnd: cv.periodEnd!,
      value: cv.value,
      unit: cv.unit,
      anchor: cv.fact,
      inputs: [{ factId: cv.fact.id, metric: cv.metric, periodKey: cv.periodKey, value: cv.value, sign: 1 }],
    }));
    for (const d of deriveSeries(key, known)) {
      if (have.has(keyOf(d))) continue;
      out.push(derivedCanonical(d));
    }
    const statedByKey = new Map(list.map((cv) => [cv.periodKey, cv]));
    const byFactId = new Map(list.map((cv) => [cv.fact.id, cv.fact]));
    for (const d of crossCheckSeries(key, known)) {
      const s = statedByKey.get(d.periodKey);
      if (!s || withinTolerance(s.metric, s.value, d.value)) continue;
      // a computation from weaker sources does not question a stronger one: the weak input is
      // the likelier culprit and is flagged on its own period
      const tier = tierOf(s.fact);
      if (d.inputs.some((i) => tierOf(byFactId.get(i.factId)!) < tier)) continue;
      findings.push({
        kind: 'conflict',
        severity: 'warning',
        companyTicker: s.companyTicker,
        metric: s.metric,
        periodKey: s.periodKey,
        message: `stated ${fmt(s.value)} (${describeSource(s.fact)}) but the other periods give ${fmt(d.value)} = ${d.formula}`,
        factIds: [s.fact.id, ...d.inputs.map((i) => i.factId)],
      });
    }
  }
  return out;
}

function derivedCanonical(d: Derived): CanonicalValue {
  return {
    companyTicker: d.companyTicker,
    metric: d.metric,
    unit: d.unit,
    basis: d.basis,
    basisLabel: d.anchor.basisLabel,
    periodKey: d.periodKey,
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    asOf: null,
    value: d.value,
    fact: d.anchor,
    observations: [],
    reason: `derived: ${d.formula}`,
    rule: 'derived',
    conflicted: false,
    derived: true,
    inputs: d.inputs.map((i) => ({ factId: i.factId, metric: i.metric, periodKey: i.periodKey, value: i.value, sign: i.sign })),
  };
}
