import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/registry/companies.ts';
import { readLabels, scoreDocument } from '../../scripts/_eval/match.ts';
import { runLabelled } from '../../scripts/_eval/run.ts';

/**
 * Real SEC filings with human labels (../shared/corpus), scored by the eval's own rules. The
 * audited extra labels beside this test (prior-year and YTD columns, cost variants, opening
 * balances) are person-read figures too: every one must still be found.
 */
const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');
const EXTRA = resolve(import.meta.dirname, 'labels-extra-shared.jsonl');
const present = existsSync(join(CORPUS, 'labels.jsonl'));
if (!present) console.warn(`shared corpus not found at ${CORPUS}: corpus tests skipped`);

const labels = present ? readLabels(CORPUS, [EXTRA])!.labels : [];
const companies = loadRegistry();

describe.skipIf(!present)('shared corpus', () => {
  for (const label of labels) {
    it(`${label.file}`, async () => {
      const run = await runLabelled(CORPUS, label, companies);
      const s = scoreDocument(label, run.facts, run.company?.ticker);
      // cover pages without their exhibit: nothing to report
      expect(s.falseAlarms.map((f) => `${f.metric} = ${f.value}`)).toEqual([]);
      expect(s.misses).toEqual([]);
      expect(s.extraMisses).toEqual([]);
      expect(s.wrong.map((w) => `${w.family} ${w.period} = ${w.fact.value}`)).toEqual([]);
    }, 20_000);
  }
});
