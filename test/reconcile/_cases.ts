/** Loading the documents of test/fixtures/conflicts/<case>/ with their provenance and expected facts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '../../src/app.ts';
import { recordDocument } from '../../src/db/queries.ts';
import type { ExtractedFact, Locator } from '../../src/model/fact.ts';
import { METRICS, type Metric } from '../../src/model/metrics.ts';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'conflicts');
export const CASES = ['clsk', 'btbt', 'riot', 'cang'] as const;

interface Prov {
  company: string;
  form: string;
  filedDate: string;
  url: string;
  periodOfReport?: string;
}

interface ExpectedFact {
  metric: Metric;
  value: number;
  snippet: string;
  periodStart?: string;
  periodEnd?: string;
  asOf?: string;
  basis?: string;
  table?: boolean;
  locator?: Locator;
}

export function readCase(dir: string): { file: string; bytes: Buffer; prov: Prov; facts: ExpectedFact[] }[] {
  const prov = JSON.parse(readFileSync(join(ROOT, dir, 'provenance.json'), 'utf8')) as Record<string, Prov>;
  const expected = JSON.parse(readFileSync(join(ROOT, dir, 'expected-facts.json'), 'utf8')) as Record<string, ExpectedFact[] | string>;
  return Object.entries(prov).map(([file, p]) => {
    const facts = expected[file];
    return { file, bytes: readFileSync(join(ROOT, dir, file)), prov: p, facts: Array.isArray(facts) ? facts : [] };
  });
}

export function recordCase(app: App, dir: string): void {
  for (const { file, bytes, prov, facts } of readCase(dir)) {
    const text = bytes.toString('utf8');
    const sha256 = app.store.put(bytes);
    const extracted: (ExtractedFact & { companyTicker: string })[] = facts.map((f, i) => {
      const offset = text.indexOf(f.snippet);
      if (offset < 0) throw new Error(`${dir}/${file}: snippet not in the document: ${f.snippet}`);
      const locator: Locator = f.locator ?? (f.table ? { kind: 'table', table: 0, row: i, col: 0 } : { kind: 'text', offset, length: f.snippet.length });
      return {
        companyTicker: prov.company,
        metric: f.metric,
        value: f.value,
        unit: METRICS[f.metric].unit,
        ...(f.asOf ? { asOf: f.asOf } : { periodStart: f.periodStart!, periodEnd: f.periodEnd! }),
        ...(f.basis ? { basis: f.basis } : {}),
        snippet: f.snippet,
        locator,
        extractor: 'person',
        extractorVersion: 'fixture',
        confidence: 0.9,
        derived: false,
      };
    });
    recordDocument(
      app.db,
      {
        sha256,
        companyTicker: prov.company,
        sourceUrl: prov.url,
        localPath: join(dir, file),
        form: prov.form,
        filedDate: prov.filedDate,
        periodOfReport: prov.periodOfReport ?? null,
        title: file,
        mediaType: file.endsWith('.html') ? 'html' : 'text',
        sizeBytes: bytes.length,
        fetchedAt: '2025-01-01T00:00:00.000Z',
        parseStatus: 'parsed',
      },
      extracted,
    );
  }
}

