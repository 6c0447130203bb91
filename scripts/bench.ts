/**
 * Benchmarks: parse+extract throughput per format, end-to-end ingest of 250/500/1,000 press
 * releases into a fresh database (per-document cost at each size, to see it stays flat), report
 * generation, and peak memory. Prints Markdown; `--write` puts it into BENCHMARKS.md between the
 * bench markers; `--quick` runs small sizes for a smoke test.
 *
 *   npm run bench [-- --quick] [-- --write]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../src/app.ts';
import { extractFacts, type ExtractContext } from '../src/extract/index.ts';
import type { Company } from '../src/model/company.ts';
import { defaultParseLimits, parseAndExtract, parseDocument, stopParseWorkers } from '../src/parse/index.ts';
import { ingestDocument } from '../src/pipeline/ingest.ts';
import { inferLocalMeta } from '../src/pipeline/meta.ts';
import { listDocumentPaths } from '../src/pipeline/local.ts';
import { findCompany, loadRegistry } from '../src/registry/companies.ts';
import { generateReports, REPORT_FORMATS } from '../src/report/index.ts';
import { describeMachine } from './bench/machine.ts';
import { PROJECT_ROOT, pressReleaseTemplates, writeCopies, type Template } from './bench/corpus.ts';
import { hostileInputs } from './bench/hostile.ts';
import { corpusFile, corpusFilings, pdfInputs, xlsxInputs, type Input } from './bench/inputs.ts';
import { mb, ms, nowMs, rssSampler, runTimed, table } from './bench/measure.ts';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const SIZES = quick ? [50, 100, 200] : [250, 500, 1000];
const REPEATS = quick ? 1 : 2;
const out: string[] = [];
const say = (s = '') => {
  out.push(s);
  console.log(s);
};

const registry = loadRegistry();
const companyOf = (ticker: string): Company | undefined => findCompany(registry, ticker);

interface Throughput {
  label: string;
  docs: number;
  bytes: number;
  parseMs: number;
  extractMs: number;
  facts: number;
  errors: number;
}

/** Parses (in the bounded worker, as ingest does) and extracts every input `rounds` times. */
async function throughput(label: string, inputs: readonly (Input & { ctx?: ExtractContext })[], rounds: number): Promise<Throughput> {
  const r: Throughput = { label, docs: 0, bytes: 0, parseMs: 0, extractMs: 0, facts: 0, errors: 0 };
  if (!inputs.length) return r;
  await parseDocument(inputs[0]!.bytes).catch(() => undefined); // warm the worker and the JIT
  for (let i = 0; i < rounds; i++) {
    for (const input of inputs) {
      const t0 = nowMs();
      let doc;
      try {
        doc = await parseDocument(input.bytes);
      } catch {
        r.errors++;
        continue;
      }
      const t1 = nowMs();
      const facts = extractFacts(doc, { companies: registry, ...input.ctx });
      const t2 = nowMs();
      r.parseMs += t1 - t0;
      r.extractMs += t2 - t1;
      r.docs++;
      r.bytes += input.bytes.length;
      r.facts += facts.length;
    }
  }
  return r;
}

function ctxOf(t: Template): ExtractContext {
  const company = companyOf(t.ticker);
  const date = /(20\d\d-\d\d-\d\d)/.exec(t.name)?.[1];
  return { ...(company ? { company } : {}), ...(date ? { filedDate: date } : {}) };
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const started = new Date().toISOString();
  say(`Run ${started.slice(0, 16).replace('T', ' ')} UTC${quick ? ' (--quick)' : ''}.`);
  say(
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}; ` +
      `load average at start ${machine.loadAvg} (the machine is shared with other agents).`,
  );
  say();

  const templates = pressReleaseTemplates();
  const html = templates.filter((t) => t.kind === 'html');
  const text = templates.filter((t) => t.kind === 'text');
  const asInput = (t: Template) => ({ name: `${t.ticker}/${t.name}`, bytes: t.bytes, ctx: ctxOf(t) });

  // --- parse + extract throughput -------------------------------------------------------------
  const rows: Throughput[] = [];
  rows.push(await throughput(`press releases, HTML (${html.length} fixtures)`, html.map(asInput), quick ? 3 : 20));
  rows.push(await throughput(`press releases, text/Markdown (${text.length} fixtures)`, text.map(asInput), quick ? 3 : 20));
  const tenQ = corpusFile('CLSK/10-Q-2025-06-30.html');
  const clsk = companyOf('CLSK');
  if (tenQ) rows.push(await throughput('CLSK 10-Q 2025-06-30 (inline XBRL)', [{ ...tenQ, ctx: clsk ? { company: clsk, form: '10-Q' } : {} }], quick ? 1 : 5));
  const filings = corpusFilings();
  if (filings.length) {
    const withCtx = filings.map((f) => {
      const c = companyOf(f.name.split('/')[0]!);
      return { ...f, ctx: c ? { company: c } : {} };
    });
    rows.push(await throughput(`all shared-corpus filings (${filings.length})`, withCtx, 1));
  }
  const pdfs = await pdfInputs(templates);
  rows.push(await throughput(`PDF of each fixture's text (${pdfs.length})`, pdfs, quick ? 1 : 5));
  const xlsxs = await xlsxInputs(templates);
  rows.push(await throughput(`XLSX of the fixtures' tables (${xlsxs.length}), a fresh worker each`, xlsxs, quick ? 1 : 3));

  say('### Parse + extract throughput');
  say();
  say('Parsing runs in the bounded worker thread, as ingest does (the 1st document of each row, which starts the worker, is not counted).');
  say();
  say(
    table(
      ['input', 'docs', 'avg KB', 'parse ms/doc', 'extract ms/doc', 'docs/s', 'MB/s', 'facts/doc'],
      rows
        .filter((r) => r.docs)
        .map((r) => {
          const per = (x: number) => x / r.docs;
          const total = r.parseMs + r.extractMs;
          return [
            r.label + (r.errors ? ` (${r.errors} errors)` : ''),
            r.docs,
            (r.bytes / r.docs / 1024).toFixed(1),
            ms(per(r.parseMs)),
            ms(per(r.extractMs)),
            (r.docs / (total / 1000)).toFixed(0),
            (r.bytes / 1024 / 1024 / (total / 1000)).toFixed(1),
            (r.facts / r.docs).toFixed(1),
          ];
        }),
    ),
  );
  say();
  await stopParseWorkers();

  // --- end-to-end ingest at three sizes ------------------------------------------------------
  const work = mkdtempSync(join(tmpdir(), 'hl-bench-'));
  const e2e: (string | number)[][] = [];
  const stages: (string | number)[][] = [];
  let lastDb = '';
  let lastRun: { n: number; wallMs: number; cpuSeconds?: number | undefined } | undefined;
  let lastStore = '';
  for (const n of SIZES) {
    const dir = join(work, `docs-${n}`);
    writeCopies(templates, n, dir);
    const db = join(work, `cli-${n}.db`);
    const store = join(work, `raw-cli-${n}`);
    // best of REPEATS fresh runs: the machine is shared, and the slower runs measure the neighbours
    let run: Awaited<ReturnType<typeof runTimed>> | undefined;
    let peakRss = 0;
    for (let rep = 0; rep < REPEATS; rep++) {
      rmSync(db, { force: true });
      rmSync(`${db}-wal`, { force: true });
      rmSync(`${db}-shm`, { force: true });
      rmSync(store, { recursive: true, force: true });
      const r = await runTimed(process.execPath, [join(PROJECT_ROOT, 'bin', 'hashledger.mjs'), 'ingest', dir, '--db', db], { HASHLEDGER_STORE: store });
      peakRss = Math.max(peakRss, r.peakRssBytes ?? 0);
      if (!run || r.wallMs < run.wallMs) run = r;
    }
    if (!run) throw new Error('no ingest run');
    const summary = /ingested (\d+) of (\d+) documents .*?(\d+) facts; (\d+) failed/.exec(run.stdout);
    const prev = lastRun;
    lastRun = { n, wallMs: run.wallMs, cpuSeconds: run.cpuSeconds };
    e2e.push([
      n,
      (run.wallMs / 1000).toFixed(2),
      run.cpuSeconds !== undefined ? run.cpuSeconds.toFixed(2) : '?',
      ms(run.wallMs / n),
      prev ? ms((run.wallMs - prev.wallMs) / (n - prev.n)) : '',
      prev?.cpuSeconds !== undefined && run.cpuSeconds !== undefined ? ms(((run.cpuSeconds - prev.cpuSeconds) * 1000) / (n - prev.n)) : '',
      (n / (run.wallMs / 1000)).toFixed(0),
      peakRss ? mb(peakRss) : '?',
      summary ? `${summary[1]}/${summary[2]}` : `exit ${run.code}`,
      summary?.[3] ?? '?',
    ]);
    lastDb = db;
    lastStore = store;

    // in-process: the same documents through ingestDocument, then parse and extract alone
    const files = listDocumentPaths([dir]).files;
    const app = openApp({ dbPath: join(work, `inproc-${n}.db`), storeDir: join(work, `raw-inproc-${n}`) });
    const sampler = rssSampler();
    const docs: { bytes: Buffer; ctx: ExtractContext }[] = [];
    await parseDocument(templates[0]!.bytes); // start the worker outside the timing, as the parse rows do
    let t = nowMs();
    for (const f of files) {
      const bytes = readFileSync(f);
      const meta = inferLocalMeta(f, app.companies);
      await ingestDocument(app, { bytes, meta });
      const company = meta.companyTicker ? companyOf(meta.companyTicker) : undefined;
      docs.push({ bytes, ctx: { ...(company ? { company } : {}), ...(meta.filedDate ? { filedDate: meta.filedDate } : {}) } });
    }
    const ingestMs = nowMs() - t;
    app.close();
    let parseMs = 0;
    let extractMs = 0;
    for (const d of docs) {
      t = nowMs();
      const doc = await parseDocument(d.bytes);
      const t1 = nowMs();
      extractFacts(doc, { companies: registry, ...d.ctx });
      parseMs += t1 - t;
      extractMs += nowMs() - t1;
    }
    const peak = sampler.stop();
    stages.push([n, ms(ingestMs / n), ms(parseMs / n), ms(extractMs / n), ms((ingestMs - parseMs - extractMs) / n), mb(peak)]);
    await stopParseWorkers();
  }
  say(`### End-to-end ingest of press releases (\`hashledger ingest <dir> --db fresh.db\`, one child process)`);
  say();
  say(
    `Copies of the ${templates.length} press-release fixtures, each with one footer line naming its copy number; a fresh database and raw store per run; ` +
      `best wall time of ${REPEATS} runs, highest peak RSS of them. Target: 1,000 in under 10 s, under 500 MB peak.`,
  );
  say();
  say(table(['documents', 'wall s', 'CPU s (user+sys)', 'ms/doc', 'marginal wall ms/doc vs the size above', 'marginal CPU ms/doc', 'docs/s', 'peak RSS MB', 'parsed', 'facts'], e2e));
  say();
  say('### Per-document cost by stage at each size (in one process: ingestDocument, then parse and extract again alone; the remainder is reading, storing, validating and recording)');
  say();
  say(table(['documents', 'ingest ms/doc', 'parse ms/doc', 'extract ms/doc', 'store+validate+record ms/doc', 'bench process peak RSS MB'], stages));
  say();

  // --- reports ---------------------------------------------------------------------------------
  say('### Report generation');
  say();
  {
    const app = openApp({ dbPath: lastDb, storeDir: lastStore });
    const sampler = rssSampler();
    const before = process.memoryUsage().rss;
    const t = nowMs();
    try {
      const { files } = await generateReports(app, { formats: [...REPORT_FORMATS], outDir: join(work, 'reports') });
      const took = nowMs() - t;
      const peak = sampler.stop();
      say(
        `All reports (${REPORT_FORMATS.join(', ')}) from the ${SIZES.at(-1)}-document database: ${files.length} files in ${ms(took)} ms; ` +
          `process RSS ${mb(before)} → peak ${mb(peak)} MB.`,
      );
    } catch (err) {
      sampler.stop();
      say(`Report generation failed: ${(err as Error).message}`);
    } finally {
      app.close();
    }
  }
  say();

  // --- hostile inputs (last: their memory would inflate the RSS of the sections above) ---------
  {
    const limits = defaultParseLimits();
    const hostile: (string | number)[][] = [];
    for (const h of hostileInputs()) {
      const bytes = h.make();
      const sampler = rssSampler();
      const t = nowMs();
      let outcome: string;
      try {
        const r = await parseAndExtract(bytes, { companies: registry });
        outcome = `parsed: ${r.doc.blocks.length} blocks, ${r.facts.length} facts${r.doc.warnings.length ? `; ${r.doc.warnings[0]}` : ''}`;
      } catch (err) {
        outcome = `${(err as Error).name}: ${(err as Error).message}`;
      }
      hostile.push([h.name, (bytes.length / 1024 / 1024).toFixed(1), ms(nowMs() - t), mb(sampler.stop()), outcome.replace(/\|/g, '/')]);
      await stopParseWorkers();
    }
    say('### Hostile inputs (parse + extract through the bounded worker, as ingest does)');
    say();
    say(`Bounds: ${limits.timeoutMs / 1000} s and a ${limits.maxHeapMb} MB worker heap per document; XLSX parts capped before inflating.`);
    say();
    say(table(['input', 'MB', 'ms', 'process peak RSS MB (so far)', 'outcome'], hostile));
    say();
  }

  say(`Load average at the end: ${describeMachine().loadAvg}.`);
  rmSync(work, { recursive: true, force: true });

  if (args.has('--write')) {
    const path = join(PROJECT_ROOT, 'BENCHMARKS.md');
    const md = readFileSync(path, 'utf8');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const a = md.indexOf(start);
    const b = md.indexOf(end);
    if (a < 0 || b < a) throw new Error(`BENCHMARKS.md has no ${start} … ${end} section`);
    writeFileSync(path, `${md.slice(0, a + start.length)}\n${out.join('\n')}\n${md.slice(b)}`);
    console.error(`wrote ${path}`);
  }
}

await main();
