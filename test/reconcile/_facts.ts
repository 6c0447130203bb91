import type { FactWithSource } from '../../src/db/queries.ts';
import { METRICS, type Metric } from '../../src/model/metrics.ts';
import { periodKey } from '../../src/model/period.ts';

/** The document a fact came from, as listFacts joins it. */
export interface DocFields {
  form?: string | null;
  sourceUrl?: string | null;
  localPath?: string | null;
  filedDate?: string | null;
  documentTitle?: string | null;
}

export interface FactSpec extends DocFields {
  company: string;
  metric: Metric;
  value: number;
  periodStart?: string;
  periodEnd?: string;
  asOf?: string;
  basis?: string;
  confidence?: number;
  derived?: boolean;
  table?: boolean;
  snippet?: string;
  id?: number;
}

let nextId = 1;

/** A FactWithSource built in memory, shaped as listFacts returns it. */
export function fact(s: FactSpec): FactWithSource {
  const id = s.id ?? nextId++;
  return {
    id,
    documentId: id,
    companyTicker: s.company,
    metric: s.metric,
    value: s.value,
    unit: METRICS[s.metric].unit,
    periodStart: s.periodStart ?? null,
    periodEnd: s.periodEnd ?? null,
    asOf: s.asOf ?? null,
    periodKey: periodKey(s),
    basis: s.basis ?? '',
    basisLabel: null,
    locator: JSON.stringify(s.table ? { kind: 'table', table: 0, row: 0, col: 0 } : { kind: 'text', offset: 0, length: 0 }),
    snippet: s.snippet ?? '',
    extractor: 'test',
    extractorVersion: '0',
    confidence: s.confidence ?? 0.9,
    derived: s.derived ?? false,
    notes: null,
    createdAt: '2025-01-01T00:00:00Z',
    sourceUrl: s.sourceUrl ?? null,
    localPath: s.localPath ?? null,
    form: s.form ?? null,
    accession: null,
    filedDate: s.filedDate ?? null,
    documentSha256: `sha-${id}`,
    documentTitle: s.documentTitle ?? null,
  };
}

/** Facts sharing one document's fields. */
export function doc(d: DocFields): (s: Omit<FactSpec, keyof DocFields>) => FactWithSource {
  return (s) => fact({ ...d, ...s });
}

export function month(ym: string): { periodStart: string; periodEnd: string } {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { periodStart: `${ym}-01`, periodEnd: end };
}
