import type { FactWithSource } from '../db/queries.ts';
import type { Company } from '../model/company.ts';

/**
 * The one value chosen for a company·metric·period·basis, with why it won and how many
 * observations stood behind it. Reports read these, never raw facts.
 */
export interface CanonicalValue {
  companyTicker: string;
  metric: string;
  unit: string;
  basis: string;
  basisLabel: string | null;
  periodKey: string;
  periodStart: string | null;
  periodEnd: string | null;
  asOf: string | null;
  value: number;
  /** the winning observation; for a derived value, the stated fact of its longest input */
  fact: FactWithSource;
  /** every observation of this key, winner first (empty for a derived value) */
  observations: FactWithSource[];
  /** the precedence rule that chose the winner, in words */
  reason: string;
  /** the name of that rule (see PRECEDENCE in precedence.ts), or 'derived' / 'single' */
  rule?: string;
  /** true when observations disagree beyond tolerance */
  conflicted: boolean;
  /** true when computed from other values (then `inputs` names them) */
  derived: boolean;
  /** sign: +1 added, −1 subtracted */
  inputs?: { factId: number; metric: string; periodKey: string; value: number; sign?: 1 | -1 }[];
}

export interface Conflict {
  companyTicker: string;
  metric: string;
  periodKey: string;
  basis: string;
  values: {
    value: number;
    factId: number;
    sourceUrl: string | null;
    form: string | null;
    filedDate: string | null;
    /** localPath when the document has no URL */
    localPath?: string | null;
    confidence?: number;
    snippet?: string;
  }[];
  /** relative spread between the extremes */
  spread: number;
  chosen: number;
  /** the difference the metric's tolerance allows at this size, in the metric's unit */
  allowed?: number;
}

export type FindingKind =
  | 'conflict'
  | 'rollforward'
  | 'sold_exceeds_available'
  | 'implausible'
  | 'unit_mistake'
  | 'stale'
  | 'gap';

export interface Finding {
  kind: FindingKind;
  severity: 'error' | 'warning' | 'info';
  companyTicker: string;
  metric?: string;
  periodKey?: string;
  message: string;
  factIds: number[];
}

export interface ReconcileOptions {
  /** the registry: update cadence for staleness, IR hosts for telling issuer from third party */
  companies?: readonly Company[];
  /** the date staleness is judged at; default: the latest date any fact speaks about */
  asOf?: string;
}

export interface ReconcileResult {
  canonical: CanonicalValue[];
  conflicts: Conflict[];
  findings: Finding[];
  /**
   * Keys whose every observation is suspect (implausible, a scale mistake) or low-confidence:
   * kept out of `canonical` because a wrong figure is worse than a gap.
   */
  setAside: CanonicalValue[];
}
