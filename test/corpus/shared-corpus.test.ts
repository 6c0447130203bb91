import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';
import type { ExtractedFact } from '../../src/model/fact.ts';
import { parseDocument } from '../../src/parse/index.ts';
import { inferLocalMeta } from '../../src/pipeline/meta.ts';
import { findCompany, loadRegistry } from '../../src/registry/companies.ts';

/** Real SEC filings with human labels (../shared/corpus); matching rules as in scripts/eval.ts. */
const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');
const present = existsSync(join(CORPUS, 'labels.jsonl'));
if (!present) console.warn(`shared corpus not found at ${CORPUS}: corpus tests skipped`);

interface LabelFact { metric: string; value: number; basis?: string; asOf?: string; periodStart?: string; periodEnd?: string }
interface LabelLine { company: string; file: string; facts: LabelFact[]; otherPeriods?: LabelFact[] }

function family(l: { metric: string; basis?: string | undefined }): string {
  if (l.metric === 'hashrate') {
    const b = l.basis ?? 'unspecified';
    if (b === 'operating_average') return 'hashrate_average';
    if (['deployed', 'installed', 'energized', 'max', 'nameplate'].includes(b)) return 'hashrate_installed';
    return 'hashrate_operating';
  }
  if (l.metric === 'cost_per_btc') return `cost_per_btc:${l.basis === 'direct_energy' ? 'direct' : l.basis}`;
  return l.metric;
}
const period = (fam: string, p: { asOf?: string | undefined; periodStart?: string | undefined; periodEnd?: string | undefined }) =>
  fam.startsWith('hashrate_') ? `@${p.asOf ?? p.periodEnd}` : p.asOf ? `@${p.asOf}` : `${p.periodStart}..${p.periodEnd}`;
const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(Math.abs(a) * 0.006, 0.05);

const labels: LabelLine[] = present
  ? readFileSync(join(CORPUS, 'labels.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as LabelLine)
  : [];
const companies = loadRegistry();

describe.skipIf(!present)('shared corpus', () => {
  for (const label of labels) {
    it(`${label.file}`, async () => {
      const path = join(CORPUS, label.file);
      const company = findCompany(companies, label.company);
      const meta = inferLocalMeta(path, companies, company ? { companyTicker: company.ticker } : {});
      const doc = await parseDocument(readFileSync(path));
      const facts: ExtractedFact[] = extractFacts(doc, {
        ...(company ? { company } : {}),
        companies,
        ...(meta.form ? { form: meta.form } : {}),
        ...(meta.filedDate ? { filedDate: meta.filedDate } : {}),
        ...(meta.periodOfReport ? { periodOfReport: meta.periodOfReport } : {}),
      });
      const all = [...label.facts, ...(label.otherPeriods ?? [])];
      if (!all.length) {
        // cover pages without their exhibit: nothing to report
        expect(facts.filter((f) => f.confidence >= 0.5)).toEqual([]);
        return;
      }
      const famOf = (f: ExtractedFact) => (f.metric === 'cost_per_btc' ? `cost_per_btc:${f.basis}` : f.metric);
      for (const l of label.facts) {
        const fam = family(l);
        const hit = facts.find((f) => famOf(f) === fam && period(fam, f) === period(fam, l) && close(l.value, f.value));
        expect(hit, `${fam} ${period(fam, l)} = ${l.value}`).toBeDefined();
      }
      const wrong = facts.filter((f) => {
        if (f.confidence < 0.5) return false;
        const fam = famOf(f);
        const covering = all.filter((l) => family(l) === fam && period(fam, l) === period(fam, f));
        return covering.length > 0 && !covering.some((l) => close(l.value, f.value));
      });
      expect(wrong.map((f) => `${f.metric} ${period(famOf(f), f)} = ${f.value}`)).toEqual([]);
    }, 20_000);
  }
});
