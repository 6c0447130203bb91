import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app.ts';
import { syncCommand } from '../../src/commands/sync.ts';
import { listDocuments, listFacts, rowCounts } from '../../src/db/queries.ts';
import { listSyncState } from '../../src/db/sync-queries.ts';
import { ValidationError } from '../../src/errors.ts';
import { dbHttpCache } from '../../src/sources/http-cache.ts';
import { HttpClient, RateLimiter, type HttpClientOptions } from '../../src/sources/http.ts';
import { syncCompanies, type SyncOptions } from '../../src/sources/sync.ts';
import { startFixtureServer, type FixtureServer } from './_server.ts';

const FIX = join(import.meta.dirname, '..', 'fixtures');
const UA = 'hashledger-test/0.1 tests@example.com';
const EXHIBIT_PATH = '/www.sec.gov/Archives/edgar/data/827876/000095017024110388/clsk-ex99_1.htm';

let edgar: FixtureServer;
let ir: Record<'cleanspark' | 'iren' | 'cango', FixtureServer>;
beforeAll(async () => {
  edgar = await startFixtureServer(join(FIX, 'edgar'));
  ir = {
    cleanspark: await startFixtureServer(join(FIX, 'ir', 'cleanspark')),
    iren: await startFixtureServer(join(FIX, 'ir', 'iren')),
    cango: await startFixtureServer(join(FIX, 'ir', 'cango')),
  };
});
afterAll(async () => {
  await Promise.all([edgar, ...Object.values(ir)].map((s) => s.close()));
});

const dirs: string[] = [];
const apps: App[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * A temporary database/store and a registry whose IR feeds point at the local servers: CLSK
 * keeps its EDGAR filer; IREN and CANG are read from their IR feeds only in these tests.
 */
function setup(dir = mkdtempSync(join(tmpdir(), 'hl-sync-'))): { app: App; dir: string } {
  if (!dirs.includes(dir)) dirs.push(dir);
  const real = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'data', 'companies.json'), 'utf8')) as {
    companies: { ticker: string; irFeeds?: { url: string }[]; cik?: string; filers?: unknown[] }[];
  };
  const local = { cleanspark: 'CLSK', iren: 'IREN', cango: 'CANG' } as const;
  const companies = real.companies
    .filter((c) => Object.values(local).includes(c.ticker as never))
    .map((c) => {
      const key = (Object.keys(local) as (keyof typeof local)[]).find((k) => local[k] === c.ticker)!;
      const feed = c.irFeeds![0]!;
      const path = new URL(feed.url).pathname;
      const out = { ...c, irFeeds: [{ ...feed, url: `${ir[key].url}${path}` }] };
      if (c.ticker !== 'CLSK') {
        delete out.cik;
        out.filers = [];
      }
      return out;
    });
  const registryPath = join(dir, 'companies.json');
  writeFileSync(registryPath, JSON.stringify({ companies }));
  const app = openApp({ dbPath: join(dir, 'db.sqlite'), storeDir: join(dir, 'raw'), registryPath });
  apps.push(app);
  return { app, dir };
}

function http(app: App, extra: HttpClientOptions = {}): HttpClient {
  return new HttpClient({
    userAgent: UA,
    secBaseUrl: edgar.url,
    limiter: new RateLimiter(1000),
    backoffBaseMs: 5,
    maxRetries: 2,
    timeoutMs: 3000,
    cache: dbHttpCache(app.db, app.store),
    allowHosts: ['127.0.0.1'],
    ...extra,
  });
}

const allRequests = () => [edgar, ...Object.values(ir)].flatMap((s) => s.requests);
function mark() {
  const n = [edgar, ...Object.values(ir)].map((s) => s.requests.length);
  return () => [edgar, ...Object.values(ir)].flatMap((s, i) => s.requests.slice(n[i]));
}

/** The injected client carries what SyncOptions would otherwise configure (signal, revalidate). */
const run = (app: App, opts: SyncOptions = {}) =>
  syncCompanies(app, { http: http(app, { ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.revalidate ? { revalidate: true } : {}) }), ...opts });

describe('syncCompanies', () => {
  it('fetches exhibits, periodic reports, XBRL facts and IR releases in one go', async () => {
    const { app } = setup();
    const since = mark();
    const s = await run(app);
    expect(s).toMatchObject({
      companies: ['CANG', 'CLSK', 'IREN'],
      filingsSeen: 4,
      filingsFetched: 4,
      filingsFailed: 0,
      releasesSeen: 4,
      releasesFetched: 4,
      documentsIngested: 8,
      xbrlFacts: 2,
      interrupted: false,
    });
    expect(s.errors).toEqual([]);
    for (const r of since()) expect(r.headers['user-agent']).toBe(UA);

    const docs = listDocuments(app.db);
    const exhibit = docs.find((d) => d.exhibit === 'EX-99.1')!;
    expect(exhibit).toMatchObject({
      sourceUrl: 'https://www.sec.gov/Archives/edgar/data/827876/000095017024110388/clsk-ex99_1.htm',
      companyTicker: 'CLSK',
      form: '8-K',
      accession: '0000950170-24-110388',
      filedDate: '2024-09-30',
      parseStatus: 'parsed',
    });
    expect(docs.find((d) => d.form === '10-Q')).toMatchObject({ periodOfReport: '2024-03-31', accession: '0000950170-24-056937' });
    const release = docs.find((d) => d.companyTicker === 'IREN')!;
    expect(release).toMatchObject({ form: 'press-release', filedDate: '2024-12-06', title: 'IREN November 2024 Monthly Investor Update' });
    expect(release.sourceUrl).toMatch(/\/news-releases\/news-release-details\/iren-november-2024-monthly-investor-update$/);
    // the cover-only 8-K is done with no document; the AGM headline never passes the title filter
    expect(docs.some((d) => d.sourceUrl?.endsWith('clsk-20251125.htm'))).toBe(false);
    expect(ir.iren.requests.some((r) => r.path.includes('annual-general-meeting'))).toBe(false);

    const xbrl = listFacts(app.db, { companies: ['CLSK'], metrics: ['btc_held'] }).filter((f) => f.extractor === 'edgar-xbrl');
    expect(xbrl.map((f) => [f.asOf, f.value])).toEqual([
      ['2023-09-30', 2243],
      ['2024-03-31', 5021],
    ]);
    expect(JSON.parse(xbrl[0]!.locator)).toEqual({ kind: 'xbrl', concept: 'us-gaap:CryptoAssetNumberOfUnits' });
  });

  it('a second run fetches nothing from Archives and re-checks only the listings', async () => {
    const { app } = setup();
    await run(app);
    const since = mark();
    const s = await run(app, { revalidate: true });
    const reqs = since();
    expect(reqs.filter((r) => r.path.startsWith('/www.sec.gov/Archives/'))).toEqual([]);
    expect(reqs.map((r) => r.path).sort()).toEqual(
      [
        '/cango/rss/news-releases.xml'.replace('/cango', ''),
        '/data.sec.gov/api/xbrl/companyfacts/CIK0000827876.json',
        '/data.sec.gov/submissions/CIK0000827876-submissions-001.json',
        '/data.sec.gov/submissions/CIK0000827876.json',
        '/news-events/press-releases',
        '/rss/news-releases.xml',
        '/www.sec.gov/files/company_tickers.json',
      ].sort(),
    );
    expect(reqs.every((r) => r.status === 304)).toBe(true);
    expect(s).toMatchObject({ filingsSkipped: 4, filingsFetched: 0, releasesSkipped: 4, releasesFetched: 0, documentsIngested: 0 });
    expect(rowCounts(app.db).documents).toBe(8);
  });

  it('resumes an interrupted run without duplicates', async () => {
    const { app } = setup();
    const controller = new AbortController();
    const first = await syncCompanies(app, { http: http(app, { signal: controller.signal }), signal: controller.signal }, (e) => {
      if (e.kind === 'item' && e.status === 'fetched') controller.abort(new Error('Ctrl-C'));
    });
    expect(first.interrupted).toBe(true);
    const done = () => listSyncState(app.db, 'edgar:filing:').concat(listSyncState(app.db, 'ir:release:')).filter((r) => JSON.parse(r.value).status === 'done');
    expect(done()).toHaveLength(1);
    const partial = rowCounts(app.db).documents;

    const second = await run(app);
    expect(second.interrupted).toBe(false);
    expect(second.filingsSkipped + second.releasesSkipped).toBe(1);
    expect(done()).toHaveLength(8);
    const counts = rowCounts(app.db);
    expect(counts.documents).toBe(8);
    expect(counts.documents).toBeGreaterThan(partial);
    const xbrl = listFacts(app.db, { metrics: ['btc_held'] }).filter((f) => f.extractor === 'edgar-xbrl');
    expect(xbrl).toHaveLength(2);
  });

  it('records a truncated exhibit as an error with its URL, goes on, and fetches it next time', async () => {
    const { app } = setup();
    edgar.always(EXHIBIT_PATH, { kind: 'truncate' });
    let s;
    try {
      s = await run(app);
    } finally {
      edgar.always(EXHIBIT_PATH, undefined);
    }
    expect(s).toMatchObject({ filingsFetched: 3, filingsFailed: 1, releasesFetched: 4 });
    expect(s.errors).toHaveLength(1);
    expect(s.errors[0]!.url).toBe('https://www.sec.gov/Archives/edgar/data/827876/000095017024110388/clsk-ex99_1.htm');
    expect(s.errors[0]!.message).toMatch(/truncated/);

    const again = await run(app);
    expect(again).toMatchObject({ filingsFetched: 1, filingsSkipped: 3, filingsFailed: 0 });
    expect(listDocuments(app.db).some((d) => d.exhibit === 'EX-99.1')).toBe(true);
  });

  it('--offline serves everything from the cache without a request (and without a User-Agent)', async () => {
    const { app } = setup();
    await run(app);
    app.db.$client.exec('DELETE FROM sync_state');
    const since = mark();
    const s = await syncCompanies(app, { offline: true, env: { HASHLEDGER_SEC_BASE_URL: edgar.url } });
    expect(since()).toEqual([]);
    expect(s).toMatchObject({ filingsFetched: 4, releasesFetched: 4, filingsFailed: 0 });
    expect(s.http.cacheHits).toBeGreaterThan(10);
    expect(rowCounts(app.db).documents).toBe(8);
  });

  it('refuses to start against SEC without a User-Agent', async () => {
    const { app } = setup();
    const since = mark();
    await expect(syncCompanies(app, { env: { HASHLEDGER_SEC_BASE_URL: edgar.url } })).rejects.toBeInstanceOf(ValidationError);
    expect(since()).toEqual([]);
  });

  it('narrows current reports by full-text search when given a phrase, and honours --forms and --since', async () => {
    const { app } = setup();
    const since = mark();
    const s = await run(app, { companies: ['CLSK'], phrase: 'Hurricane Helene', forms: ['8-K'], ir: false, xbrl: false });
    const efts = since().find((r) => r.path === '/efts.sec.gov/LATEST/search-index')!;
    expect(new URLSearchParams(efts.query).get('q')).toBe('"Hurricane Helene"');
    expect(new URLSearchParams(efts.query).get('ciks')).toBe('0000827876');
    expect(s).toMatchObject({ filingsSeen: 2, filingsFetched: 1, filingsSkipped: 1 });

    const { app: app2 } = setup();
    const since2 = mark();
    const t = await run(app2, { companies: ['CLSK'], since: '2025-01-01', ir: false, xbrl: false });
    expect(t).toMatchObject({ filingsSeen: 2, filingsFetched: 2 });
    // the older submissions page ends in 2024: never requested
    expect(since2().some((r) => r.path.endsWith('-submissions-001.json'))).toBe(false);
  });
});

describe('hashledger sync (command)', () => {
  function io(env: NodeJS.ProcessEnv) {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), isTTY: false, env } };
  }

  it('explains the User-Agent requirement in --help', () => {
    expect(syncCommand.help).toContain('export HASHLEDGER_USER_AGENT="hashledger/0.1 you@example.com"');
  });

  it('prints a JSON summary and exits 0; exits 2 without a User-Agent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-cmd-'));
    dirs.push(dir);
    process.env.HASHLEDGER_STORE = join(dir, 'raw');
    const env = { HASHLEDGER_USER_AGENT: UA, HASHLEDGER_SEC_BASE_URL: edgar.url, HASHLEDGER_RATE: '1000' };
    const ok = io(env);
    const code = await syncCommand.run({ values: { db: join(dir, 'db.sqlite'), company: ['CLSK'], json: true, 'no-ir': true }, positionals: [] }, ok.io);
    expect(ok.err.join('')).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(ok.out.join(''));
    expect(summary).toMatchObject({ companies: ['CLSK'], filingsFetched: 4, xbrlFacts: 2, errors: [] });

    const bad = io({ HASHLEDGER_SEC_BASE_URL: edgar.url });
    const code2 = await syncCommand.run({ values: { db: join(dir, 'db2.sqlite'), company: ['CLSK'] }, positionals: [] }, bad.io);
    expect(code2).toBe(2);
    expect(bad.err.join('')).toMatch(/HASHLEDGER_USER_AGENT is not set/);
    expect(allRequests().length).toBeGreaterThan(0);
  });
});
