/**
 * Builds data/snapshot/facts.json — the embedded default `npm start` reports on — by running the
 * real pipeline (parse → extract → validate) over real public documents. The documents stay out
 * of the repository; the snapshot keeps figures, periods, locators, source URLs and sha256
 * (no snippets: no copied sentences ship with the project).
 *
 *   node bin/run.mjs scripts/build-snapshot.ts [--docs DIR]... [--min-confidence 0.5] [--merge FILE]...
 *
 * --merge keeps the documents of earlier snapshots whose files are not read in this run (by
 * sha256), so a snapshot can grow from document sets that are not all on this machine at once.
 *
 * Each DIR is walked for documents; a provenance.json or index.json beside them gives the source
 * URL, company, form and date of each file. Documents without a source URL are left out: a
 * figure an analyst cannot trace is not shipped.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { PROJECT_ROOT } from '../src/db/client.ts';
import { DEFAULT_SNAPSHOT_PATH, parseSnapshot, type Snapshot, type SnapshotDocument } from '../src/db/snapshot.ts';
import { describeError } from '../src/errors.ts';
import { EXTRACTOR_VERSION, extractFacts } from '../src/extract/index.ts';
import { parseDocument } from '../src/parse/index.ts';
import { listDocumentPaths } from '../src/pipeline/local.ts';
import { extractContextFor, inferLocalMeta } from '../src/pipeline/meta.ts';
import { findCompany, loadRegistry } from '../src/registry/companies.ts';
import { sha256Hex } from '../src/store/raw.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', multiple: true },
    'min-confidence': { type: 'string', default: '0.5' },
    out: { type: 'string' },
    'corpus-base-url': { type: 'string' },
    merge: { type: 'string', multiple: true },
  },
});
const dirs = values.docs?.length ? values.docs : [resolve(PROJECT_ROOT, '..', 'shared', 'corpus', 'sec'), '/work/realdocs'];
const minConfidence = Number(values['min-confidence']);
const companies = loadRegistry();

/** /work/realdocs/index.json: [{file, ticker, url, title, publishedDate, kind}] */
const IndexEntry = z.object({
  file: z.string(),
  ticker: z.string(),
  url: z.string(),
  title: z.string().nullish(),
  publishedDate: z.string().nullish(),
  kind: z.string().nullish(),
});
const indexByPath = new Map<string, z.infer<typeof IndexEntry>>();
for (const dir of dirs) {
  const idx = join(dir, 'index.json');
  if (!existsSync(idx)) continue;
  for (const e of z.array(IndexEntry.passthrough()).parse(JSON.parse(readFileSync(idx, 'utf8')))) {
    indexByPath.set(resolve(dir, e.file.startsWith('/') ? relative(dir, e.file) : e.file), e);
    indexByPath.set(resolve(e.file), e);
  }
}

/**
 * Corpus filings carry no URL of their own. Use the filing's EDGAR URL when the corpus filing
 * lists name it (ticker, form, period), else the company's EDGAR filing list for that form;
 * the sha256 pins the exact document either way.
 */
const corpusRoot = resolve(PROJECT_ROOT, '..', 'shared', 'corpus');
const FilingList = z.object({
  ticker: z.string(),
  filings: z.array(z.object({ formType: z.string(), periodDate: z.string().optional(), filedDate: z.string().optional(), url: z.string(), accessionNumber: z.string().optional() })),
});
const listed = new Map<string, { url: string; filedDate?: string; accession?: string }>();
const listsDir = join(corpusRoot, 'filing-lists');
if (existsSync(listsDir)) {
  for (const name of ['abtc', 'btbt', 'btdr', 'clsk', 'corz', 'mara', 'riot']) {
    const p = join(listsDir, `${name}.json`);
    if (!existsSync(p)) continue;
    const parsed = FilingList.safeParse(JSON.parse(readFileSync(p, 'utf8')));
    if (!parsed.success) continue;
    for (const f of parsed.data.filings) {
      listed.set(`${parsed.data.ticker}|${f.formType}|${f.periodDate}`, {
        url: f.url,
        ...(f.filedDate ? { filedDate: f.filedDate } : {}),
        ...(f.accessionNumber ? { accession: f.accessionNumber } : {}),
      });
    }
  }
}
function corpusUrl(ticker: string | undefined, form: string | undefined, period: string | undefined): { url: string; filedDate?: string; accession?: string } | undefined {
  if (!ticker || !form) return undefined;
  const hit = listed.get(`${ticker}|${form}|${period}`);
  if (hit) return hit;
  const cik = companies.find((c) => c.ticker === ticker)?.cik;
  if (!cik) return undefined;
  return { url: `https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=${cik}&type=${encodeURIComponent(form)}&dateb=&owner=include&count=40` };
}

const documents: SnapshotDocument[] = [];
let skippedNoUrl = 0;
let failed = 0;
const { files } = listDocumentPaths(dirs);
for (const file of files) {
  if (basename(file) === 'index.json' || basename(file) === 'provenance.json') continue;
  const bytes = readFileSync(file);
  const entry = indexByPath.get(resolve(file));
  const meta = inferLocalMeta(file, companies, {
    ...(entry ? { companyTicker: entry.ticker, sourceUrl: entry.url } : {}),
    ...(entry?.publishedDate ? { filedDate: entry.publishedDate } : {}),
  });
  if (!meta.sourceUrl && file.startsWith(corpusRoot)) {
    const hit = corpusUrl(meta.companyTicker, meta.form, meta.periodOfReport ?? meta.filedDate);
    if (hit) {
      meta.sourceUrl = hit.url;
      if (hit.filedDate) meta.filedDate = hit.filedDate;
      if (hit.accession) meta.accession = hit.accession;
    }
  }
  if (!meta.sourceUrl) {
    skippedNoUrl++;
    continue;
  }
  try {
    const doc = await parseDocument(bytes);
    const company = meta.companyTicker ? findCompany(companies, meta.companyTicker) : undefined;
    const facts = extractFacts(doc, extractContextFor(meta, companies)).filter((f) => f.confidence >= minConfidence);
    const ticker = company?.ticker;
    const kept = facts
      .map((f) => ({ ...f, snippet: '', company: f.company ?? ticker ?? 'UNKNOWN' }))
      .filter((f) => f.company !== 'UNKNOWN');
    documents.push({
      sha256: sha256Hex(bytes),
      sourceUrl: meta.sourceUrl,
      ...(ticker ? { companyTicker: ticker } : {}),
      ...(meta.form ? { form: meta.form } : entry?.kind ? { form: 'press_release' } : {}),
      ...(meta.filedDate ? { filedDate: meta.filedDate } : {}),
      ...(meta.periodOfReport ? { periodOfReport: meta.periodOfReport } : {}),
      ...(meta.accession ? { accession: meta.accession } : {}),
      ...(entry?.title ? { title: entry.title } : {}),
      mediaType: doc.mediaType,
      sizeBytes: bytes.length,
      facts: kept,
    });
    process.stderr.write(`${relative(process.cwd(), file)}: ${kept.length} facts\n`);
  } catch (err) {
    failed++;
    process.stderr.write(`${describeError(err)} (${file})\n`);
  }
}

// earlier snapshots: their documents stay unless this run read the same bytes again
let merged = 0;
for (const file of values.merge ?? []) {
  const earlier = parseSnapshot(readFileSync(file, 'utf8'), file);
  for (const d of earlier.documents) {
    if (documents.some((x) => x.sha256 === d.sha256)) continue;
    documents.push(d);
    merged++;
  }
}
if (merged) process.stderr.write(`kept ${merged} documents from earlier snapshots\n`);

const snapshot: Snapshot = {
  generatedAt: new Date().toISOString(),
  extractorVersion: EXTRACTOR_VERSION,
  note: 'Facts read by hashledger from real public documents; follow sourceUrl for the original. No text copied.',
  documents: documents.sort((a, b) => (a.companyTicker ?? '').localeCompare(b.companyTicker ?? '') || (a.filedDate ?? '').localeCompare(b.filedDate ?? '')),
};
const out = resolve(values.out ?? DEFAULT_SNAPSHOT_PATH);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(snapshot, null, 1)}\n`);
const n = documents.reduce((s, d) => s + d.facts.length, 0);
process.stderr.write(`snapshot: ${documents.length} documents, ${n} facts → ${relative(process.cwd(), out)} (${skippedNoUrl} without a source URL left out, ${failed} failed)\n`);
