import { afterAll, describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';
import { parseAndExtract, parseDocument, parseWorkerStats, stopParseWorkers } from '../../src/parse/index.ts';
import { findCompany, loadRegistry } from '../../src/registry/companies.ts';
import { pressReleaseTemplates } from '../../scripts/bench/corpus.ts';

afterAll(() => stopParseWorkers());

const companies = loadRegistry();

describe('parseAndExtract', () => {
  it('gives the facts the extractor gives in this thread', async () => {
    for (const t of pressReleaseTemplates().slice(0, 6)) {
      const company = findCompany(companies, t.ticker);
      const ctx = { companies, ...(company ? { company } : {}) };
      const { facts } = await parseAndExtract(t.bytes, ctx);
      expect(facts, t.name).toEqual(extractFacts(await parseDocument(t.bytes, { isolate: false }), ctx));
    }
  });

  it('stops extraction that runs past the time bound, and the next document still works', { timeout: 240_000 }, async () => {
    // one multi-megabyte sentence of numbers: cheap to parse, slow to read for figures
    const words = Array.from({ length: 200_000 }, (_, i) => `mined ${i} bitcoin`).join(' and ');
    const bytes = Buffer.from(`<html><body><p>${words}</p></body></html>`);
    await expect(parseAndExtract(bytes, { companies }, { timeoutMs: 1500 })).rejects.toThrow(
      /^parsing and extracting took longer than 1\.5 s; stopped$/,
    );
    const [first] = pressReleaseTemplates();
    const after = await parseAndExtract(first!.bytes, { companies });
    expect(after.doc.text.length).toBeGreaterThan(0);
  });
});

describe('many documents at once', () => {
  it('parses 40 documents started together, with at most as many threads as cores', async () => {
    const templates = pressReleaseTemplates();
    const docs = await Promise.all(Array.from({ length: 40 }, (_, i) => parseDocument(templates[i % templates.length]!.bytes)));
    expect(docs.every((d) => d.text.length > 0)).toBe(true);
    const stats = parseWorkerStats();
    expect(stats.peakActive).toBeLessThanOrEqual(stats.maxActive);
    expect(stats.active).toBe(0);
  });
});
