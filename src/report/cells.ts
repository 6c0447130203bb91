/**
 * The unit of every report table: a number with where it came from and whether it is
 * contested (†) or computed (‡). Renderers read these flags; models set them.
 */
import type { FactWithSource } from '../db/queries.ts';
import type { CanonicalValue } from '../reconcile/types.ts';

export interface SourceRef {
  factId: number;
  /** URL of the document, or the local path when it was ingested from disk */
  url: string | null;
  form: string | null;
  filedDate: string | null;
  title: string | null;
}

export interface Cell {
  value: number | null;
  /** observations of this value disagree beyond tolerance */
  conflicted?: boolean;
  /** not stated by the company: computed by reconcile or by the report */
  derived?: boolean;
  /** how a derived value was computed, or why a value is missing */
  note?: string;
  source?: SourceRef;
}

export const EMPTY: Cell = { value: null };

export function sourceOf(f: FactWithSource): SourceRef {
  return { factId: f.id, url: f.sourceUrl ?? f.localPath, form: f.form, filedDate: f.filedDate, title: f.documentTitle };
}

export function cellOf(cv: CanonicalValue | undefined): Cell {
  if (!cv) return EMPTY;
  return {
    value: cv.value,
    ...(cv.conflicted ? { conflicted: true } : {}),
    ...(cv.derived ? { derived: true, note: cv.reason } : {}),
    source: sourceOf(cv.fact),
  };
}

/** A value the report computes from other cells; contested inputs keep the result contested. */
export function computed(value: number | null | undefined, note: string, inputs: readonly Cell[] = []): Cell {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
  const conflicted = inputs.some((c) => c.conflicted);
  return { value, derived: true, note, ...(conflicted ? { conflicted: true } : {}) };
}

export function has(c: Cell): c is Cell & { value: number } {
  return c.value !== null;
}

/** Unique sources of some cells, in order, for a row's source column. */
export function sourcesOf(cells: readonly Cell[]): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const c of cells) {
    if (!c.source) continue;
    const key = c.source.url ?? `fact:${c.source.factId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c.source);
  }
  return out;
}

export const LEGEND = {
  conflicted: '† sources disagree on this value beyond tolerance; the value shown follows the precedence rule (see Facts)',
  derived: '‡ computed by hashledger from other figures (not stated as such by the company)',
} as const;
