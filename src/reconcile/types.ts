import type { FactWithSource } from '../db/queries.ts';

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
  /** the winning observation */
  fact: FactWithSource;
  /** every observation of this key, winner first */
  observations: FactWithSource[];
  /** the precedence rule that chose the winner, in words */
  reason: string;
  /** true when observations disagree beyond tolerance */
  conflicted: boolean;
  /** true when computed from other values (then `inputs` names them) */
  derived: boolean;
  inputs?: { factId: number; metric: string; periodKey: string; value: number }[];
}

export interface Conflict {
  companyTicker: string;
  metric: string;
  periodKey: string;
  basis: string;
  values: { value: number; factId: number; sourceUrl: string | null; form: string | null; filedDate: string | null }[];
  /** relative spread between the extremes */
  spread: number;
  chosen: number;
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

export interface ReconcileResult {
  canonical: CanonicalValue[];
  conflicts: Conflict[];
  findings: Finding[];
}
