/**
 * Extraction evaluation: parses every labelled document, runs extractFacts, and scores recall per
 * metric, wrong values and false alarms against the labels a person read off the documents.
 *
 *   npm run eval                      # ../shared/corpus + test/fixtures (when labelled)
 *   npm run eval -- --corpus DIR ...  # any folder with a labels.jsonl
 *   npm run eval -- --verbose         # every miss, wrong value and unlabelled fact
 *
 * Matching rules (documented here because the numbers depend on them):
 * - A label matches a fact of the same metric family, the same period and a value within
 *   rounding (0.6 % or half a unit of the last printed decimal).
 * - Label "hashrate" maps by basis: operating_average → hashrate_average; deployed, installed,
 *   energized, max, nameplate → hashrate_installed; active, operating, unspecified →
 *   hashrate_operating. Hashrate periods compare on the date (asOf, or the end of an average's
 *   span), because companies state averages "as of" a date.
 * - cost_per_btc families are split by basis (costs are never compared across bases); label basis
 *   direct_energy counts as direct.
 * - WRONG: a fact with confidence ≥ 0.5, for the filer, whose family and period some label of
 *   the document covers (facts or otherPeriods) but whose value no such label has.
 * - Unlabelled: facts for a family/period no label mentions; counted, not judged.
 * - False alarm: a fact with confidence ≥ 0.5 from a document labelled with no facts at all.
 * Exits non-zero only when the run itself fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFacts } from '../src/extract/index.ts';
import type { ExtractedFact } from '../src/model/fact.ts';
import { parseDocument } from '../src/parse/index.ts';
import { inferLocalMeta } from '../src/pipeline/meta.ts';
import { findCompany, loadRegistry } from '../src/registry/companies.ts';

interface LabelFact {
  metric: string;
  value: number;
  basis?: string;
  asOf?: string;
  periodStart?: string;
  periodEnd?: string;
}
interface LabelLine {
  company: string;
  file: string;
  facts: LabelFact[];
  otherPeriods?: LabelFact[];
  sourceKind?: string;
  notes?: string;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const corpora: string[] = [];
for (let i = 0; i < args.length; i++) if (args[i] === '--corpus' && args[i + 1]) corpora.push(resolve(args[++i]!));
if (!corpora.length) {
  corpora.push(resolve(ROOT, '../shared/corpus'));
  corpora.push(resolve(ROOT, 'test/fixtures'));
}

export function labelFamily(l: { metric: string; basis?: string }): string {
  if (l.metric === 'hashrate') {
    const b = (l.basis ?? 'unspecified').toLowerCase();
    if (b === 'operating_average' || b === 'average') return 'hashrate_average';
    if (['deployed', 'installed', 'energized', 'max', 'maximum', 'nameplate'].includes(b)) return 'hashrate_installed';
    return 'hashrate_operating';
  }
  if (l.metric === 'cost_per_btc') return `cost_per_btc:${costBasis(l.basis)}`;
  return l.metric;
}

function costBasis(b: string | undefined): string {
  const x = (b ?? 'company_defined').toLowerCase();
  return x === 'direct_energy' ? 'direct' : x;
}

export function factFamily(f: ExtractedFact): string {
  return f.metric === 'cost_per_btc' ? `cost_per_btc:${costBasis(f.basis)}` : f.metric;
}

function periodOf(family: string, p: { asOf?: string | undefined; periodStart?: string | undefined; periodEnd?: string | undefined }): string {
  if (family.startsWith('hashrate_')) return `@${p.asOf ?? p.periodEnd ?? ''}`;
  return p.asOf ? `@${p.asOf}` : `${p.periodStart ?? ''}..${p.periodEnd ?? ''}`;
}

function decimals(n: number): number {
  const s = String(n);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

export function valuesMatch(label: number, fact: number): boolean {
  const tol = Math.max(Math.abs(label) * 0.006, 0.5 * 10 ** -decimals(label), 1e-9);
  return Math.abs(label - fact) <= tol;
}

interface Row {
  labelled: number;
  found: number;
  other: number;
  otherFound: number;
  wrong: number;
}

async function main(): Promise<void> {
  const companies = loadRegistry();
  const perMetric = new Map<string, Row>();
  const row = (k: string) => perMetric.get(k) ?? (perMetric.set(k, { labelled: 0, found: 0, other: 0, otherFound: 0, wrong: 0 }), perMetric.get(k)!);
  let docs = 0;
  let negDocs = 0;
  let falseAlarms = 0;
  let unlabelled = 0;
  let totalFacts = 0;
  const misses: string[] = [];
  const wrongs: string[] = [];
  const unl: string[] = [];
  const timings: { file: string; bytes: number; parseMs: number; extractMs: number }[] = [];

  for (const dir of corpora) {
    const labelsPath = join(dir, 'labels.jsonl');
    if (!existsSync(labelsPath)) {
      console.log(`(no labels at ${labelsPath}; skipped)`);
      continue;
    }
    const lines = readFileSync(labelsPath, 'utf8').split('\n').filter((l) => l.trim());
    for (const line of lines) {
      const label = JSON.parse(line) as LabelLine;
      const path = join(dir, label.file);
      if (!existsSync(path)) {
        console.log(`missing file ${path}`);
        continue;
      }
      docs++;
      const bytes = readFileSync(path);
      const company = findCompany(companies, label.company);
      const meta = inferLocalMeta(path, companies, company ? { companyTicker: company.ticker } : {});
      const t0 = performance.now();
      const doc = await parseDocument(bytes);
      const t1 = performance.now();
      const facts = extractFacts(doc, {
        ...(company ? { company } : {}),
        companies,
        ...(meta.form ? { form: meta.form } : {}),
        ...(meta.filedDate ? { filedDate: meta.filedDate } : {}),
        ...(meta.periodOfReport ? { periodOfReport: meta.periodOfReport } : {}),
        ...(meta.title ? { title: meta.title } : {}),
      });
      const t2 = performance.now();
      timings.push({ file: label.file, bytes: bytes.length, parseMs: t1 - t0, extractMs: t2 - t1 });
      totalFacts += facts.length;
      const own = facts.filter((f) => !f.company || f.company === company?.ticker);
      const all: LabelFact[] = [...label.facts, ...(label.otherPeriods ?? [])];
      const name = `${label.company} ${label.file}`;

      const matches = (l: LabelFact, f: ExtractedFact) => {
        const fam = labelFamily(l);
        return factFamily(f) === fam && periodOf(fam, f) === periodOf(fam, l) && valuesMatch(l.value, f.value);
      };
      for (const l of label.facts) {
        const r = row(labelFamily(l));
        r.labelled++;
        if (own.some((f) => matches(l, f))) r.found++;
        else misses.push(`${name}: ${labelFamily(l)} ${periodOf(labelFamily(l), l)} = ${l.value}`);
      }
      for (const l of label.otherPeriods ?? []) {
        const r = row(labelFamily(l));
        r.other++;
        if (own.some((f) => matches(l, f))) r.otherFound++;
        else if (verbose) misses.push(`${name}: (other period) ${labelFamily(l)} ${periodOf(labelFamily(l), l)} = ${l.value}`);
      }
      if (!all.length) {
        negDocs++;
        const alarms = facts.filter((f) => f.confidence >= 0.5);
        falseAlarms += alarms.length;
        for (const f of alarms) wrongs.push(`${name}: FALSE ALARM ${f.metric} ${periodOf(factFamily(f), f)} = ${f.value} (${f.confidence}) «${f.snippet.slice(0, 100)}»`);
        continue;
      }
      for (const f of own) {
        const fam = factFamily(f);
        const key = periodOf(fam, f);
        const covering = all.filter((l) => labelFamily(l) === fam && periodOf(fam, l) === key);
        if (!covering.length) {
          unlabelled++;
          if (verbose) unl.push(`${name}: ${fam} ${key} = ${f.value} (${f.confidence}) «${f.snippet.slice(0, 90)}»`);
          continue;
        }
        if (f.confidence < 0.5) continue;
        if (!covering.some((l) => valuesMatch(l.value, f.value))) {
          row(fam).wrong++;
          wrongs.push(`${name}: WRONG ${fam} ${key} = ${f.value} (conf ${f.confidence}; labels ${covering.map((l) => l.value).join(', ')}) «${f.snippet.slice(0, 120)}»`);
        }
      }
    }
  }

  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  console.log(`\n${pad('metric family', 34)}${pad('labelled', 10)}${pad('found', 8)}${pad('recall', 8)}${pad('other', 8)}${pad('found', 8)}wrong`);
  let L = 0;
  let F = 0;
  let W = 0;
  for (const [k, r] of [...perMetric.entries()].sort()) {
    L += r.labelled;
    F += r.found;
    W += r.wrong;
    const rec = r.labelled ? (r.found / r.labelled).toFixed(2) : '-';
    console.log(`${pad(k, 34)}${pad(r.labelled, 10)}${pad(r.found, 8)}${pad(rec, 8)}${pad(r.other, 8)}${pad(r.otherFound, 8)}${r.wrong}`);
  }
  console.log(`${pad('TOTAL', 34)}${pad(L, 10)}${pad(F, 8)}${pad(L ? (F / L).toFixed(3) : '-', 8)}${pad('', 16)}${W}`);
  console.log(`\ndocuments ${docs} (negatives ${negDocs}); facts ${totalFacts}; wrong values ${W}; false alarms ${falseAlarms}; unlabelled facts ${unlabelled}`);
  if (misses.length) console.log(`\nmisses:\n  ${misses.join('\n  ')}`);
  if (wrongs.length) console.log(`\nwrong / false alarms:\n  ${wrongs.join('\n  ')}`);
  if (unl.length) console.log(`\nunlabelled:\n  ${unl.join('\n  ')}`);

  const big = timings.filter((t) => t.bytes > 2_000_000);
  const small = timings.filter((t) => t.bytes < 100_000);
  const fmt = (xs: number[]) => (xs.length ? `${Math.max(...xs).toFixed(1)} ms max, ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1)} ms mean` : 'n/a');
  console.log(`\nspeed: ${big.length} filings > 2 MB parse+extract ${fmt(big.map((t) => t.parseMs + t.extractMs))} (extract alone ${fmt(big.map((t) => t.extractMs))})`);
  console.log(`speed: ${small.length} documents < 100 KB parse+extract ${fmt(small.map((t) => t.parseMs + t.extractMs))} (extract alone ${fmt(small.map((t) => t.extractMs))})`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
