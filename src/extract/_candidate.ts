import type { Company } from '../model/company.ts';
import type { Locator } from '../model/fact.ts';
import { metricKind, type Metric } from '../model/metrics.ts';
import { fiscalYearStart, type DateOpts, type Period, type PeriodHit } from './dates.ts';
import type { LabelRule } from './rules.ts';

/** A figure the readers found, before dedup and conversion to ExtractedFact. */
export interface Candidate {
  metric: Metric;
  value: number;
  period: Period;
  basis?: string;
  basisLabel?: string;
  company?: string;
  snippet: string;
  locator: Locator;
  confidence: number;
  notes: string[];
  source: 'table' | 'prose' | 'line';
}

/** What every reader needs to know about the document besides its text. */
export interface Env {
  /** anchors years left out of dates: the filing/publication date, else the period of report */
  ref?: string;
  /** `ref` is only the latest date the document states (no publication date known): see anchorYear */
  refIsBound?: boolean;
  filedDate?: string;
  fyEndMonth: number;
  /** the period the whole document reports on (a monthly update's month, a 10-Q's quarter) */
  defaultPeriod?: Period;
  /** 10-Q/10-K/20-F/40-F: long documents where a sentence without a period is not trusted */
  periodic: boolean;
  aliasRules: LabelRule[];
  companies: readonly Company[];
  company?: Company;
}

/**
 * Fits a period found for a figure to what the metric needs: a stock takes an instant (or the
 * end of a flow period: "holdings at the end of November"); a flow takes a span, never an instant.
 */
export function fitPeriod(metric: Metric, p: Period | undefined): Period | undefined {
  if (!p) return undefined;
  if (p.kind === 'flow' && (!p.start || !p.end)) return undefined;
  if (metricKind(metric) === 'stock') return p.kind === 'instant' ? p : { kind: 'instant', asOf: p.end };
  // hashrate averages are stated both ways ("average hashrate as of June 30"): keep the instant
  if (metric === 'hashrate_average') return p;
  return p.kind === 'flow' ? p : undefined;
}

/** Resolves a year-to-date phrase against the period the document is about. */
export function resolveYtd(hit: PeriodHit, env: Env, anchor?: Period): Period | undefined {
  if (!hit.ytd) return hit.period;
  const base = anchor ?? env.defaultPeriod;
  if (!base) return undefined;
  const end = base.kind === 'instant' ? base.asOf : base.end;
  const start = hit.ytd === 'fiscal' ? fiscalYearStart(end, env.fyEndMonth) : `${end.slice(0, 4)}-01-01`;
  return { kind: 'flow', start, end, grain: 'ytd' };
}

/** How the readers resolve dates: years left out are anchored on the document's reference date. */
export function dateOpts(env: Env): DateOpts {
  return { ...(env.ref ? { ref: env.ref } : {}), ...(env.refIsBound ? { refIsBound: true } : {}), fyEndMonth: env.fyEndMonth };
}
