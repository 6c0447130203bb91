/**
 * `hashledger sync` as a library: for each company, EDGAR filings (press-release exhibits of
 * 8-K/6-K, primary documents of 10-Q/10-K/20-F/40-F), companyfacts XBRL holdings, and the
 * issuer's IR press releases → fetched, stored, parsed, extracted, recorded.
 *
 * Incremental and resumable: each filing/release is ingested (one transaction per document)
 * and then marked done in sync_state, so a second run skips it without a request and an
 * interrupted run resumes at the first filing not marked. Archives bodies come from the cache
 * forever; only submissions, companyfacts and listings are re-checked.
 */
import type { App } from '../app.ts';
import type { Db } from '../db/client.ts';
import { findDocumentBySha, recordDocument } from '../db/queries.ts';
import { getSyncState, setSyncState } from '../db/sync-queries.ts';
import { describeError, ValidationError } from '../errors.ts';
import { ingestDocument } from '../pipeline/ingest.ts';
import type { Company } from '../model/company.ts';
import type { DocumentMeta } from '../model/document.ts';
import { ExtractedFact } from '../model/fact.ts';
import { findCompany } from '../registry/companies.ts';
import { EdgarClient } from './edgar/client.ts';
import { pickPressReleases } from './edgar/filing-index.ts';
import { isCurrentReport, isPeriodicReport, type FilingRef } from './edgar/submissions.ts';
import { companyFactsToFacts, XBRL_EXTRACTOR_VERSION } from './edgar/xbrl.ts';
import { edgarUrls, padCik } from './edgar/urls.ts';
import { dbHttpCache } from './http-cache.ts';
import { HttpClient, validateUserAgent } from './http.ts';
import { parseIrListing } from './ir/listing.ts';

export const DEFAULT_FORMS = ['8-K', '6-K', '10-Q', '10-K', '20-F', '40-F'] as const;

export interface SyncOptions {
  /** tickers (or names/aliases); default every registry company with a CIK or an IR feed */
  companies?: readonly string[];
  /** filings/releases dated on or after, YYYY-MM-DD */
  since?: string;
  /** forms to take; default each filer's registry forms */
  forms?: readonly string[];
  offline?: boolean;
  /** re-check every listing now instead of honouring its TTL */
  revalidate?: boolean;
  edgar?: boolean;
  xbrl?: boolean;
  ir?: boolean;
  /** keep only 8-K/6-K whose text EDGAR full-text search finds this phrase in (saves requests) */
  phrase?: string;
  /** injected client (tests); otherwise built from env with the database cache. An injected client carries its own offline/revalidate/signal settings. */
  http?: HttpClient;
  env?: NodeJS.ProcessEnv;
  /** extra allowed hosts (tests serve IR feeds from 127.0.0.1) */
  allowHosts?: readonly string[];
  signal?: AbortSignal;
}

export type SyncEvent =
  | { kind: 'company'; ticker: string }
  | { kind: 'plan'; ticker: string; source: 'edgar' | 'ir'; total: number }
  | { kind: 'item'; ticker: string; label: string; status: 'fetched' | 'skipped' | 'failed' }
  | { kind: 'error'; ticker?: string; url?: string; message: string };

export interface SyncError {
  ticker?: string;
  url?: string;
  message: string;
}

export interface SyncSummary {
  companies: string[];
  filingsSeen: number;
  filingsFetched: number;
  filingsSkipped: number;
  filingsFailed: number;
  releasesSeen: number;
  releasesFetched: number;
  releasesSkipped: number;
  releasesFailed: number;
  documentsIngested: number;
  factsAdded: number;
  xbrlFacts: number;
  http: { requests: number; retries: number; cacheHits: number; notModified: number };
  interrupted: boolean;
  errors: SyncError[];
}

type Progress = (e: SyncEvent) => void;

/** Hosts of the registry's IR feeds: the only non-SEC hosts the client may fetch. */
export function irHosts(companies: readonly Company[]): string[] {
  return [...new Set(companies.flatMap((c) => c.irFeeds.map((f) => new URL(f.url).hostname.toLowerCase())))];
}

export function selectCompanies(all: readonly Company[], wanted?: readonly string[]): Company[] {
  if (!wanted?.length) return all.filter((c) => c.cik || c.filers.length || c.irFeeds.length);
  return wanted.map((w) => {
    const c = findCompany(all, w);
    if (!c) throw new ValidationError(`unknown company "${w}" (not in the registry)`, { field: 'company' });
    return c;
  });
}

const filingKey = (acc: string) => `edgar:filing:${acc}`;
const releaseKey = (url: string) => `ir:release:${url}`;
const factsKey = (cik: string) => `edgar:companyfacts:${cik}`;

interface Done {
  status: 'done' | 'failed';
  documents?: number;
  error?: string;
  at: string;
}

function readDone(db: Db, key: string): Done | undefined {
  const v = getSyncState(db, key);
  if (!v) return undefined;
  try {
    return JSON.parse(v) as Done;
  } catch {
    return undefined;
  }
}

function markDone(db: Db, key: string, v: Omit<Done, 'at'>): void {
  setSyncState(db, key, JSON.stringify({ ...v, at: new Date().toISOString() }));
}

export async function syncCompanies(app: App, opts: SyncOptions = {}, progress: Progress = () => {}): Promise<SyncSummary> {
  const env = opts.env ?? process.env;
  const companies = selectCompanies(app.companies, opts.companies);
  const useEdgar = opts.edgar !== false;
  const http =
    opts.http ??
    HttpClient.fromEnv(env, {
      cache: dbHttpCache(app.db, app.store),
      allowHosts: [...irHosts(app.companies), ...(opts.allowHosts ?? [])],
      ...(opts.offline ? { offline: true } : {}),
      ...(opts.revalidate ? { revalidate: true } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  // refuse before any work rather than failing on every SEC request
  if (useEdgar && !http.offline && !opts.http) validateUserAgent(env.HASHLEDGER_USER_AGENT);
  const edgar = new EdgarClient(http);
  const summary: SyncSummary = {
    companies: companies.map((c) => c.ticker),
    filingsSeen: 0,
    filingsFetched: 0,
    filingsSkipped: 0,
    filingsFailed: 0,
    releasesSeen: 0,
    releasesFetched: 0,
    releasesSkipped: 0,
    releasesFailed: 0,
    documentsIngested: 0,
    factsAdded: 0,
    xbrlFacts: 0,
    http: http.stats,
    interrupted: false,
    errors: [],
  };
  const fail = (e: SyncError) => {
    summary.errors.push(e);
    progress({ kind: 'error', ...e });
  };
  const aborted = () => opts.signal?.aborted === true;

  try {
    for (const company of companies) {
      if (aborted()) break;
      progress({ kind: 'company', ticker: company.ticker });
      if (useEdgar && (company.cik || company.filers.length)) {
        await syncEdgar(app, edgar, company, opts, summary, progress, fail, aborted);
      }
      if (opts.ir !== false && company.irFeeds.length) {
        await syncIr(app, http, company, opts, summary, progress, fail, aborted);
      }
    }
  } catch (err) {
    if (!aborted()) throw err;
  }
  summary.interrupted = aborted();
  return summary;
}

/** CIKs to read: the registry's filers, plus the current CIK company_tickers.json names if it is new to us. */
async function filersOf(edgar: EdgarClient, company: Company, fail: (e: SyncError) => void): Promise<Company['filers']> {
  const filers = company.filers.length ? [...company.filers] : company.cik ? [{ cik: company.cik, forms: [] }] : [];
  try {
    const current = (await edgar.tickerMap()).get(company.ticker.toUpperCase());
    if (current && !filers.some((f) => f.cik === current)) filers.unshift({ cik: current, forms: [], note: 'from company_tickers.json' });
  } catch (err) {
    // the registry's CIKs still work; say so once
    fail({ ticker: company.ticker, url: edgarUrls.tickers(), message: `ticker lookup failed, using the registry CIK: ${describeError(err)}` });
  }
  return filers;
}

async function syncEdgar(
  app: App,
  edgar: EdgarClient,
  company: Company,
  opts: SyncOptions,
  summary: SyncSummary,
  progress: Progress,
  fail: (e: SyncError) => void,
  aborted: () => boolean,
): Promise<void> {
  const filers = await filersOf(edgar, company, fail);
  for (const filer of filers) {
    if (aborted()) return;
    const cik = padCik(filer.cik);
    const forms = (filer.forms.length ? filer.forms : [...DEFAULT_FORMS]).filter((f) => !opts.forms || opts.forms.some((w) => w.toUpperCase() === f.toUpperCase()));
    const since = [opts.since, filer.from].filter(Boolean).sort().pop();
    let filings: FilingRef[] = [];
    if (forms.length) {
      try {
        filings = (await edgar.listFilings(cik, { forms, ...(since ? { since } : {}), ...(filer.to ? { until: filer.to } : {}) })).filter(
          (f) => isCurrentReport(f.form) || isPeriodicReport(f.form),
        );
      } catch (err) {
        if (aborted()) throw err;
        fail({ ticker: company.ticker, url: edgarUrls.submissions(cik), message: describeError(err) });
      }
    }
    let wantedCurrent: Set<string> | undefined;
    if (opts.phrase && filings.some((f) => isCurrentReport(f.form))) {
      try {
        const hits = await edgar.fullTextSearch({ q: `"${opts.phrase}"`, forms: forms.filter(isCurrentReport), ciks: [cik], ...(since ? { startdt: since } : {}) });
        wantedCurrent = new Set(hits.map((h) => h.accession));
      } catch (err) {
        if (aborted()) throw err;
        fail({ ticker: company.ticker, message: `full-text search failed, taking every current report: ${describeError(err)}` });
      }
    }
    summary.filingsSeen += filings.length;
    progress({ kind: 'plan', ticker: company.ticker, source: 'edgar', total: filings.length });
    for (const f of filings) {
      if (aborted()) return;
      const label = `${f.form} ${f.filingDate} ${f.accession}`;
      const done = readDone(app.db, filingKey(f.accession));
      if (done?.status === 'done' || (wantedCurrent && isCurrentReport(f.form) && !wantedCurrent.has(f.accession))) {
        summary.filingsSkipped++;
        progress({ kind: 'item', ticker: company.ticker, label, status: 'skipped' });
        continue;
      }
      try {
        const n = await ingestFiling(app, edgar, company, f, summary);
        markDone(app.db, filingKey(f.accession), { status: 'done', documents: n });
        summary.filingsFetched++;
        progress({ kind: 'item', ticker: company.ticker, label, status: 'fetched' });
      } catch (err) {
        if (aborted()) throw err;
        const message = describeError(err);
        markDone(app.db, filingKey(f.accession), { status: 'failed', error: message });
        summary.filingsFailed++;
        fail({ ticker: company.ticker, url: errUrl(err) ?? edgarUrls.filingFolder(f.cik, f.accession), message });
        progress({ kind: 'item', ticker: company.ticker, label, status: 'failed' });
      }
    }
    if (opts.xbrl !== false) {
      try {
        await syncCompanyFacts(app, edgar, company, cik, summary);
      } catch (err) {
        if (aborted()) throw err;
        fail({ ticker: company.ticker, url: edgarUrls.companyFacts(cik), message: describeError(err) });
      }
    }
  }
}

function errUrl(err: unknown): string | undefined {
  const where = (err as { where?: { file?: string } }).where;
  return where?.file;
}

/** One filing's documents into the database; returns how many were ingested. Throws on the first document that cannot be fetched. */
async function ingestFiling(app: App, edgar: EdgarClient, company: Company, f: FilingRef, summary: SyncSummary): Promise<number> {
  const base: DocumentMeta = {
    companyTicker: company.ticker,
    form: f.form,
    accession: f.accession,
    filedDate: f.filingDate,
    ...(f.reportDate ? { periodOfReport: f.reportDate } : {}),
  };
  const targets: { url: string; meta: DocumentMeta }[] = [];
  if (isCurrentReport(f.form)) {
    const docs = await edgar.filingDocuments(f);
    for (const d of pickPressReleases(docs)) {
      targets.push({
        url: edgar.documentUrl(f, d.name),
        meta: { ...base, ...(d.type ? { exhibit: d.type } : {}), ...(d.description ? { title: d.description } : {}) },
      });
    }
  } else if (f.primaryDocument) {
    targets.push({ url: edgar.documentUrl(f, f.primaryDocument), meta: { ...base, ...(f.primaryDocDescription ? { title: f.primaryDocDescription } : {}) } });
  }
  for (const t of targets) {
    const res = await edgar.fetch(t.url);
    const r = await ingestDocument(app, { bytes: res.bytes, meta: { ...t.meta, sourceUrl: t.url } });
    summary.documentsIngested++;
    if (r.isNew) summary.factsAdded += r.factCount;
    if (r.status === 'error') summary.errors.push({ ticker: company.ticker, url: t.url, message: r.error ?? 'parse error' });
  }
  return targets.length;
}

/**
 * companyfacts → btc_held facts on a document of their own. Recorded only when the JSON
 * changed; the previous version's facts are dropped because the new one repeats them all.
 */
async function syncCompanyFacts(app: App, edgar: EdgarClient, company: Company, cik: string, summary: SyncSummary): Promise<void> {
  const got = await edgar.companyFacts(cik);
  if (!got) return;
  const sha256 = app.store.put(got.res.bytes);
  const prev = getSyncState(app.db, factsKey(cik));
  if (prev === sha256) return;
  const { facts } = companyFactsToFacts(got.data);
  const checked = facts.map((f) => ({ ...ExtractedFact.parse(f), companyTicker: company.ticker }));
  const rec = recordDocument(
    app.db,
    {
      sha256,
      companyTicker: company.ticker,
      sourceUrl: got.res.url,
      form: 'XBRL',
      title: `${got.data.entityName ?? company.name} XBRL company facts`,
      mediaType: 'json',
      sizeBytes: got.res.bytes.length,
      fetchedAt: new Date().toISOString(),
      parseStatus: 'parsed',
      extractorVersion: XBRL_EXTRACTOR_VERSION,
    },
    checked,
  );
  if (prev && prev !== sha256) {
    const old = findDocumentBySha(app.db, prev);
    if (old) {
      const { id: _id, factCount: _n, ...row } = old;
      recordDocument(app.db, row, []);
    }
  }
  setSyncState(app.db, factsKey(cik), sha256);
  summary.documentsIngested++;
  summary.xbrlFacts += rec.factCount;
  summary.factsAdded += rec.factCount;
}

async function syncIr(
  app: App,
  http: HttpClient,
  company: Company,
  opts: SyncOptions,
  summary: SyncSummary,
  progress: Progress,
  fail: (e: SyncError) => void,
  aborted: () => boolean,
): Promise<void> {
  for (const feed of company.irFeeds) {
    if (aborted()) return;
    let items;
    try {
      const res = await http.get(feed.url);
      items = parseIrListing(res.bytes, feed).filter((i) => !opts.since || !i.date || i.date >= opts.since);
    } catch (err) {
      if (aborted()) throw err;
      fail({ ticker: company.ticker, url: feed.url, message: describeError(err) });
      continue;
    }
    summary.releasesSeen += items.length;
    progress({ kind: 'plan', ticker: company.ticker, source: 'ir', total: items.length });
    for (const item of items) {
      if (aborted()) return;
      const label = `${item.date ?? ''} ${item.title ?? item.url}`.trim();
      if (readDone(app.db, releaseKey(item.url))?.status === 'done') {
        summary.releasesSkipped++;
        progress({ kind: 'item', ticker: company.ticker, label, status: 'skipped' });
        continue;
      }
      try {
        // a release page does not change once published; keep it a week before re-checking
        const res = await http.get(item.url, { policy: { kind: 'ttl', seconds: 7 * 86_400 } });
        const meta: DocumentMeta = {
          sourceUrl: item.url,
          companyTicker: company.ticker,
          form: 'press-release',
          ...(item.date ? { filedDate: item.date } : {}),
          ...(item.title ? { title: item.title } : {}),
        };
        const r = await ingestDocument(app, { bytes: res.bytes, meta });
        summary.documentsIngested++;
        if (r.isNew) summary.factsAdded += r.factCount;
        if (r.status === 'error') summary.errors.push({ ticker: company.ticker, url: item.url, message: r.error ?? 'parse error' });
        markDone(app.db, releaseKey(item.url), { status: 'done', documents: 1 });
        summary.releasesFetched++;
        progress({ kind: 'item', ticker: company.ticker, label, status: 'fetched' });
      } catch (err) {
        if (aborted()) throw err;
        const message = describeError(err);
        markDone(app.db, releaseKey(item.url), { status: 'failed', error: message });
        summary.releasesFailed++;
        fail({ ticker: company.ticker, url: item.url, message });
        progress({ kind: 'item', ticker: company.ticker, label, status: 'failed' });
      }
    }
  }
}
