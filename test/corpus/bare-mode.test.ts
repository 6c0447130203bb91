import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/registry/companies.ts';
import { readLabels, scoreDocument } from '../../scripts/_eval/match.ts';
import { runLabelled } from '../../scripts/_eval/run.ts';

/**
 * The extractor told nothing but the registry (no company, date, form or title), as when a file
 * is passed to `extract` with no flags: it may find less, never a wrong value. The recall floors
 * sit just under what bare mode finds today so a regression shows.
 */
const SHARED = resolve(import.meta.dirname, '../../../shared/corpus');
const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const EXTRA = resolve(import.meta.dirname, 'labels-extra-shared.jsonl');
const companies = loadRegistry();

async function score(dir: string, extra: string[]): Promise<{ wrong: string[]; falseAlarms: string[]; labelled: number; found: number }> {
  const out = { wrong: [] as string[], falseAlarms: [] as string[], labelled: 0, found: 0 };
  for (const label of readLabels(dir, extra)!.labels) {
    const run = await runLabelled(dir, label, companies, { bare: true });
    const s = scoreDocument(label, run.facts, run.company?.ticker);
    for (const [, r] of s.families) {
      out.labelled += r.labelled;
      out.found += r.found;
    }
    out.wrong.push(...s.wrong.map((w) => `${label.file}: ${w.family} ${w.period} = ${w.fact.value}`));
    out.falseAlarms.push(...s.falseAlarms.map((f) => `${label.file}: ${f.metric} = ${f.value}`));
  }
  return out;
}

describe('bare mode (no company, date or form)', () => {
  it('states no wrong value on the press-release fixtures', async () => {
    const s = await score(FIXTURES, []);
    expect(s.wrong).toEqual([]);
    expect(s.falseAlarms).toEqual([]);
    expect(s.found / s.labelled).toBeGreaterThanOrEqual(0.92);
  }, 60_000);

  it.skipIf(!existsSync(join(SHARED, 'labels.jsonl')))('states no wrong value on the shared SEC corpus', async () => {
    const s = await score(SHARED, [EXTRA]);
    expect(s.wrong).toEqual([]);
    expect(s.falseAlarms).toEqual([]);
  }, 120_000);
});
