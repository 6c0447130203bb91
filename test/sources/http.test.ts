import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, TransportError, ValidationError } from '../../src/errors.ts';
import { memoryHttpCache } from '../../src/sources/http-cache.ts';
import { HttpClient, parseRetryAfter, RateLimiter, type HttpClientOptions } from '../../src/sources/http.ts';
import { startFixtureServer, type FixtureServer } from './_server.ts';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'edgar');
const UA = 'hashledger-test/0.1 tests@example.com';
const TICKERS = 'https://www.sec.gov/files/company_tickers.json';
const SUBMISSIONS = 'https://data.sec.gov/submissions/CIK0000827876.json';
const EXHIBIT = 'https://www.sec.gov/Archives/edgar/data/827876/000095017024110388/clsk-ex99_1.htm';
const p = (url: string) => `/${new URL(url).hostname}${new URL(url).pathname}`;

let srv: FixtureServer;
beforeAll(async () => {
  srv = await startFixtureServer(ROOT);
});
afterAll(() => srv.close());

/** A client against the fixture server; a fast private limiter so only the rate test waits. */
function client(extra: HttpClientOptions = {}): HttpClient {
  return new HttpClient({ userAgent: UA, secBaseUrl: srv.url, limiter: new RateLimiter(1000), backoffBaseMs: 20, timeoutMs: 2000, ...extra });
}
const since = () => srv.requests.length;
const after = (n: number) => srv.requests.slice(n);

describe('HttpClient', () => {
  it('maps the three SEC hosts onto the base URL as /{host}/{path}, keeping the query', () => {
    const c = client();
    expect(c.physicalUrl(new URL(SUBMISSIONS)).href).toBe(`${srv.url}/data.sec.gov/submissions/CIK0000827876.json`);
    expect(c.physicalUrl(new URL('https://efts.sec.gov/LATEST/search-index?q=%22x%22&forms=8-K')).href).toBe(
      `${srv.url}/efts.sec.gov/LATEST/search-index?q=%22x%22&forms=8-K`,
    );
    expect(c.physicalUrl(new URL('https://ir.example.com/news')).href).toBe('https://ir.example.com/news');
  });

  it('sends the User-Agent on every request and returns the fixture bytes', async () => {
    const n = since();
    const c = client();
    const a = await c.get(TICKERS);
    const b = await c.get(EXHIBIT);
    expect(Buffer.from(b.bytes).equals(readFileSync(join(ROOT, p(EXHIBIT))))).toBe(true);
    expect(a.url).toBe(TICKERS);
    const reqs = after(n);
    expect(reqs).toHaveLength(2);
    for (const r of reqs) {
      expect(r.headers['user-agent']).toBe(UA);
      expect(r.headers['accept-encoding']).toMatch(/gzip/);
    }
  });

  it('refuses SEC requests without a User-Agent carrying an e-mail, and says how to set it', async () => {
    const n = since();
    await expect(client({ userAgent: '' }).get(TICKERS)).rejects.toThrow(/export HASHLEDGER_USER_AGENT="hashledger\/0.1 you@example.com"/);
    await expect(client({ userAgent: 'hashledger/0.1' }).get(TICKERS)).rejects.toBeInstanceOf(ValidationError);
    expect(after(n)).toHaveLength(0);
  });

  it('refuses hosts outside the allow-list, including by redirect', async () => {
    await expect(client().get('https://example.com/x')).rejects.toThrow(/not on the allow-list/);
    const ir = client({ allowHosts: ['127.0.0.1'] });
    srv.fault('/www.sec.gov/files/company_tickers.json', { kind: 'redirect', location: 'https://evil.example.net/x' });
    await expect(ir.get(TICKERS)).rejects.toThrow(/evil\.example\.net is not on the allow-list/);
    // an allowed non-SEC host goes out without the SEC mapping
    const got = await ir.get(`${srv.url}/www.sec.gov/files/company_tickers.json`);
    expect(got.status).toBe(200);
  });

  it('retries a 429 after the Retry-After it was given', async () => {
    const n = since();
    srv.fault(p(TICKERS), { kind: 'status', status: 429, headers: { 'retry-after': '1' }, body: 'slow down' });
    const c = client();
    await c.get(TICKERS);
    const reqs = after(n);
    expect(reqs.map((r) => r.status)).toEqual([429, 200]);
    expect(reqs[1]!.at - reqs[0]!.at).toBeGreaterThanOrEqual(950);
    expect(c.stats.retries).toBe(1);
  });

  it('retries 500 then succeeds, and retries SEC\'s 403 rate-threshold page but not a plain 403', async () => {
    const n = since();
    srv.fault(p(TICKERS), { kind: 'status', status: 500 }, { kind: 'status', status: 503 });
    await client().get(TICKERS);
    expect(after(n).map((r) => r.status)).toEqual([500, 503, 200]);

    const m = since();
    srv.fault(p(TICKERS), { kind: 'status', status: 403, body: '<h1>Your Request Originates from an Undeclared Automated Tool</h1><p>Request Rate Threshold Exceeded</p>' });
    await client().get(TICKERS);
    expect(after(m).map((r) => r.status)).toEqual([403, 200]);

    srv.fault(p(TICKERS), { kind: 'status', status: 403, body: 'Forbidden' });
    const err = await client().get(TICKERS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).status).toBe(403);
  });

  it('gives up after maxRetries with a TransportError naming the URL', async () => {
    srv.always(p(TICKERS), { kind: 'status', status: 502 });
    try {
      const err = await client({ maxRetries: 2 }).get(TICKERS).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TransportError);
      expect((err as TransportError).where.file).toBe(TICKERS);
      expect((err as TransportError).message).toMatch(/HTTP 502 after 3 attempt/);
    } finally {
      srv.always(p(TICKERS), undefined);
    }
  });

  it('times out a slow response and retries it', async () => {
    const n = since();
    srv.fault(p(TICKERS), { kind: 'slow', delayMs: 800 });
    const c = client({ timeoutMs: 300 });
    const res = await c.get(TICKERS);
    expect(res.status).toBe(200);
    expect(after(n)).toHaveLength(2);
    expect(c.stats.retries).toBe(1);
  });

  it('treats a truncated body as an error with the URL once retries run out', async () => {
    srv.always(p(EXHIBIT), { kind: 'truncate' });
    try {
      const err = await client({ maxRetries: 1 }).get(EXHIBIT).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TransportError);
      expect((err as TransportError).where.file).toBe(EXHIBIT);
      expect((err as TransportError).message).toMatch(/truncated/);
    } finally {
      srv.always(p(EXHIBIT), undefined);
    }
    // a one-off truncation is retried transparently
    srv.fault(p(EXHIBIT), { kind: 'truncate' });
    const ok = await client().get(EXHIBIT);
    expect(Buffer.from(ok.bytes).equals(readFileSync(join(ROOT, p(EXHIBIT))))).toBe(true);
  });

  it('decompresses gzip', async () => {
    srv.gzip = true;
    try {
      const n = since();
      const res = await client().get(SUBMISSIONS);
      expect(JSON.parse(Buffer.from(res.bytes).toString('utf8')).name).toBe('CLEANSPARK, INC.');
      expect(after(n)[0]!.headers['accept-encoding']).toMatch(/gzip/);
    } finally {
      srv.gzip = false;
    }
  });

  it('404 is NotFoundError; bodies over the size cap are refused', async () => {
    await expect(client().get('https://www.sec.gov/Archives/edgar/data/827876/000000000000000000/nope.htm')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client({ maxBytes: 100 }).get(SUBMISSIONS)).rejects.toThrow(/cap/);
  });

  it('caches Archives forever, revalidates submissions with ETag, and serves the cache offline', async () => {
    const cache = memoryHttpCache();
    const n = since();
    const c = client({ cache });
    await c.get(EXHIBIT);
    await c.get(SUBMISSIONS);
    await c.get(EXHIBIT); // immutable: no request
    await c.get(SUBMISSIONS); // fresh within its TTL: no request
    expect(after(n)).toHaveLength(2);

    const m = since();
    const again = client({ cache, revalidate: true });
    const sub = await again.get(SUBMISSIONS);
    await again.get(EXHIBIT);
    const reqs = after(m);
    expect(reqs.map((r) => [r.path, r.status])).toEqual([[p(SUBMISSIONS), 304]]);
    expect(reqs[0]!.headers['if-none-match']).toBeTruthy();
    expect(sub.notModified).toBe(true);
    expect(again.stats.notModified).toBe(1);

    const k = since();
    const off = client({ cache, offline: true, userAgent: '' });
    expect((await off.get(SUBMISSIONS)).fromCache).toBe(true);
    await expect(off.get(TICKERS)).rejects.toThrow(/offline/);
    expect(after(k)).toHaveLength(0);
  });

  it('spaces requests at the rate cap (server-side timestamps)', async () => {
    const n = since();
    const c = client({ limiter: new RateLimiter(5) });
    await Promise.all(Array.from({ length: 20 }, () => c.get(TICKERS)));
    const at = after(n).map((r) => r.at);
    expect(at).toHaveLength(20);
    // 19 gaps of 200 ms; the server sees them minus a little scheduling noise
    expect(at[19]! - at[0]!).toBeGreaterThanOrEqual(3700);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(150);
  });

  it('caps the rate at 10/s against SEC itself', () => {
    const shared = new HttpClient({ userAgent: UA, ratePerSecond: 50 });
    // private field access for the assertion only
    expect((shared as unknown as { limiter: RateLimiter }).limiter.ratePerSecond).toBe(10);
  });

  it('parses Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(null)).toBeUndefined();
    const inFive = new Date(Date.now() + 5000).toUTCString();
    expect(parseRetryAfter(inFive)).toBeGreaterThan(3000);
  });
});
