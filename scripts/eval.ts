/**
 * Extraction evaluation: parses every labelled document, runs extractFacts, and scores recall per
 * metric, wrong values and false alarms against the labels a person read off the documents.
 *
 *   npm run eval                        # ../shared/corpus + test/fixtures
 *   npm run eval -- --corpus DIR ...    # any folder with a labels.jsonl (e.g. /work/realdocs)
 *   npm run eval -- --verbose           # every miss, wrong value and unlabelled fact
 *   npm run eval -- --bare              # tell the extractor nothing: no company, date or form
 *   npm run eval -- --json              # the per-metric table as JSON (for floors in tests)
 *   npm run eval -- --audit FILE        # how many audited wrong/doubtful facts are still emitted
 *   npm run eval -- --extra FILE        # more person-read facts (merged into the corpus before it)
 *
 * DIR/labels-extra.jsonl is read beside every labels.jsonl; the shared SEC corpus also takes
 * test/corpus/labels-extra-shared.jsonl. Extra facts are scored apart ("extra" columns) and count
 * for WRONG like any label.
 *
 * The matching rules live in scripts/_eval/match.ts (shared with test/corpus). Unlabelled facts
 * (a family/period no label mentions) are counted, not judged. Exits non-zero only when the run
 * itself fails.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractedFact } from '../src/model/fact.ts';
import { loadRegistry } from '../src/registry/companies.ts';
import { readAudit, stillEmitted, type AuditEntry } from './_eval/audit.ts';
import { readLabels, scoreDocument } from './_eval/match.ts';
import { runLabelled } from './_eval/run.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const asJson = args.includes('--json');
const bare = args.includes('--bare');
const corpora: string[] = [];
const extraFiles = new Map<string, string[]>();
let auditPath: string | undefined;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--corpus' && args[i + 1]) corpora.push(resolve(args[++i]!));
  else if (args[i] === '--audit' && args[i + 1]) auditPath = resolve(args[++i]!);
  else if (args[i] === '--extra' && args[i + 1]) {
    const dir = corpora[corpora.length - 1] ?? '';
    extraFiles.set(dir, [...(extraFiles.get(dir) ?? []), resolve(args[++i]!)]);
  }
}
if (!corpora.length) {
  corpora.push(resolve(ROOT, '../shared/corpus'));
  corpora.push(resolve(ROOT, 'test/fixtures'));
}
// the shared corpus is read-only to this project: its audited extra labels live in the repo
const SHARED = resolve(ROOT, '../shared/corpus');
const sharedExtra = resolve(ROOT, 'test/corpus/labels-extra-shared.jsonl');
const extrasFor = (dir: string) => [...(extraFiles.get('') ?? []), ...(extraFiles.get(dir) ?? []), ...(dir === SHARED ? [sharedExtra] : [])];

interface Row {
  labelled: number;
  found: number;
  foundConfident: number;
  other: number;
  otherFound: number;
  extra: number;
  extraFound: number;
  wrong: number;
}

const show = (f: ExtractedFact, n = 110) => `(${f.confidence}) «${f.snippet.replace(/\s+/g, ' ').slice(0, n)}»`;

async function main(): Promise<void> {
  const companies = loadRegistry();
  const perMetric = new Map<string, Row>();
  let docs = 0;
  let negDocs = 0;
  let falseAlarms = 0;
  let unlabelled = 0;
  let totalFacts = 0;
  const misses: string[] = [];
  const wrongs: string[] = [];
  const unl: string[] = [];
  const timings: { bytes: number; parseMs: number; extractMs: number }[] = [];
  const audit: AuditEntry[] = auditPath ? readAudit(auditPath) : [];
  const auditHits: { entry: AuditEntry; confidence: number; line: string }[] = [];
  let auditCovered = 0;

  for (const dir of corpora) {
    const read = readLabels(dir, extrasFor(dir));
    if (!read) {
      console.log(`(no labels at ${dir}/labels.jsonl; skipped)`);
      continue;
    }
    for (const e of read.errors) console.log(`bad label line: ${e}`);
    for (const label of read.labels) {
      let run;
      try {
        run = await runLabelled(dir, label, companies, { bare });
      } catch (err) {
        console.log(`cannot read ${label.file}: ${err instanceof Error ? err.message : String(err)}`);
        continue;
      }
      docs++;
      timings.push(run);
      totalFacts += run.facts.length;
      const name = `${label.company} ${label.file}`;
      const s = scoreDocument(label, run.facts, run.company?.ticker);
      for (const [k, r] of s.families) {
        const acc = perMetric.get(k) ?? { labelled: 0, found: 0, foundConfident: 0, other: 0, otherFound: 0, extra: 0, extraFound: 0, wrong: 0 };
        acc.labelled += r.labelled;
        acc.found += r.found;
        acc.foundConfident += r.foundConfident;
        acc.other += r.other;
        acc.otherFound += r.otherFound;
        acc.extra += r.extra;
        acc.extraFound += r.extraFound;
        acc.wrong += r.wrong;
        perMetric.set(k, acc);
      }
      misses.push(...s.misses.map((m) => `${name}: ${m}`));
      if (verbose) misses.push(...s.otherMisses.map((m) => `${name}: (other period) ${m}`));
      misses.push(...s.extraMisses.map((m) => `${name}: (extra label) ${m}`));
      auditCovered += audit.filter((e) => e.file === label.file && e.company === label.company).length;
      for (const h of stillEmitted(audit, label.file, label.company, run.facts, run.company?.ticker)) {
        auditHits.push({ entry: h.entry, confidence: h.fact.confidence, line: `${h.entry.ref ?? ''} ${name}: ${h.entry.verdict.toUpperCase()} ${h.entry.metric} ${h.entry.period} = ${h.entry.value} ${show(h.fact)}` });
      }
      if (!label.facts.length && !(label.otherPeriods ?? []).length) negDocs++;
      falseAlarms += s.falseAlarms.length;
      for (const f of s.falseAlarms) wrongs.push(`${name}: FALSE ALARM ${f.metric} ${f.asOf ?? `${f.periodStart}..${f.periodEnd}`} = ${f.value} ${show(f)}`);
      for (const w of s.wrong) wrongs.push(`${name}: WRONG ${w.family} ${w.period} = ${w.fact.value} (labels ${w.labels.join(', ')}) ${show(w.fact, 130)}`);
      unlabelled += s.unlabelled.length;
      if (verbose) for (const u of s.unlabelled) unl.push(`${name}: ${u.family} ${u.period} = ${u.fact.value} ${show(u.fact, 90)}`);
    }
  }

  const rows = [...perMetric.entries()].sort(([a], [b]) => a.localeCompare(b));
  if (asJson) {
    console.log(JSON.stringify(Object.fromEntries(rows), null, 1));
    return;
  }
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  console.log(`\n${pad('metric family', 34)}${pad('labelled', 10)}${pad('found', 8)}${pad('recall', 8)}${pad('other', 8)}${pad('found', 8)}${pad('extra', 8)}${pad('found', 8)}wrong`);
  let L = 0;
  let F = 0;
  let FC = 0;
  let W = 0;
  let X = 0;
  let XF = 0;
  for (const [k, r] of rows) {
    L += r.labelled;
    F += r.found;
    FC += r.foundConfident;
    W += r.wrong;
    X += r.extra;
    XF += r.extraFound;
    const rec = r.labelled ? (r.found / r.labelled).toFixed(2) : '-';
    console.log(`${pad(k, 34)}${pad(r.labelled, 10)}${pad(r.found, 8)}${pad(rec, 8)}${pad(r.other, 8)}${pad(r.otherFound, 8)}${pad(r.extra, 8)}${pad(r.extraFound, 8)}${r.wrong}`);
  }
  console.log(`${pad('TOTAL', 34)}${pad(L, 10)}${pad(F, 8)}${pad(L ? (F / L).toFixed(3) : '-', 8)}${pad('', 16)}${pad(X, 8)}${pad(XF, 8)}${W}`);
  console.log(`found by a fact of confidence ≥ 0.5: ${FC} of ${L} (${L ? (FC / L).toFixed(3) : '-'})`);
  console.log(`\ndocuments ${docs} (negatives ${negDocs}); facts ${totalFacts}; wrong values ${W}; false alarms ${falseAlarms}; unlabelled facts ${unlabelled}`);
  if (misses.length) console.log(`\nmisses:\n  ${misses.join('\n  ')}`);
  if (wrongs.length) console.log(`\nwrong / false alarms:\n  ${wrongs.join('\n  ')}`);
  if (unl.length) console.log(`\nunlabelled:\n  ${unl.join('\n  ')}`);
  if (auditPath) {
    const count = (v: string, conf: boolean) => auditHits.filter((h) => h.entry.verdict === v && (!conf || h.confidence >= 0.5)).length;
    const total = (v: string) => audit.filter((e) => e.verdict === v).length;
    console.log(`\naudit ${auditPath}: ${auditCovered} audited facts in these documents`);
    console.log(`audit: known-WRONG still emitted ${count('wrong', true)} confident (${count('wrong', false)} at any confidence) of ${total('wrong')}; DOUBTFUL ${count('doubtful', true)} confident (${count('doubtful', false)} any) of ${total('doubtful')}`);
    for (const h of auditHits) console.log(`  ${h.line}`);
  }

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
