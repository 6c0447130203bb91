/**
 * The embedded default that `npm start` reports on: every fact traceable (a source URL and the
 * document's sha256), no copied sentences, loadable twice without duplicates.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/client.ts';
import { listFacts, rowCounts, upsertCompanies } from '../../src/db/queries.ts';
import { DEFAULT_SNAPSHOT_PATH, loadSnapshot, parseSnapshot } from '../../src/db/snapshot.ts';
import { loadRegistry } from '../../src/registry/companies.ts';

const snapshot = parseSnapshot(readFileSync(DEFAULT_SNAPSHOT_PATH, 'utf8'), DEFAULT_SNAPSHOT_PATH);

describe('data/snapshot/facts.json', () => {
  it('names a source for every document and carries no snippets', () => {
    expect(snapshot.documents.length).toBeGreaterThan(0);
    for (const d of snapshot.documents) {
      expect(d.sourceUrl).toMatch(/^https?:\/\//);
      for (const f of d.facts) expect(f.snippet).toBe('');
    }
  });

  it('only holds confident facts of registered companies', () => {
    const tickers = new Set(loadRegistry().map((c) => c.ticker));
    for (const d of snapshot.documents) {
      for (const f of d.facts) {
        expect(tickers.has(f.company)).toBe(true);
        expect(f.confidence).toBeGreaterThanOrEqual(0.5);
      }
    }
  });

  it("holds Cango's February 2026 sale as the issuer reported it (4,451 BTC, about $305 million)", () => {
    const cango = snapshot.documents.flatMap((d) => d.facts).filter((f) => f.company === 'CANG');
    expect(cango.some((f) => f.metric === 'btc_sold' && f.value === 4451)).toBe(true);
    expect(cango.some((f) => f.metric === 'btc_sold_proceeds' && f.value === 305_000_000)).toBe(true);
  });

  it('loads idempotently', () => {
    const db = openDb(':memory:');
    upsertCompanies(db, loadRegistry());
    const first = loadSnapshot(db);
    const counts = rowCounts(db);
    const second = loadSnapshot(db);
    expect(second.documents).toBe(0);
    expect(second.skipped).toBe(first.documents);
    expect(rowCounts(db)).toEqual(counts);
    expect(listFacts(db).length).toBe(counts.facts);
  });
});
