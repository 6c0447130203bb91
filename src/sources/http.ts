/**
 * The one HTTP client every source uses: declared User-Agent, a process-wide rate limit,
 * retries with backoff, gzip, timeouts, a size cap, an allow-list of hosts and a cache
 * (Archives forever, submissions/companyfacts briefly, revalidated with ETag/Last-Modified).
 *
 * HASHLEDGER_SEC_BASE_URL sends every SEC request to one other origin, keeping the host as
 * the first path segment: https://data.sec.gov/submissions/CIK0000827876.json becomes
 * {base}/data.sec.gov/submissions/CIK0000827876.json (query strings kept). That is the layout
 * `wget --force-directories` writes, so a plain static mirror of the three hosts works, and
 * the three hosts' path spaces can never collide. Cache keys stay the canonical sec.gov URLs,
 * so a cache filled from a mirror serves live runs and the reverse.
 */
import { HashledgerError, NotFoundError, TransportError, ValidationError } from '../errors.ts';

export const SEC_HOSTS = ['www.sec.gov', 'data.sec.gov', 'efts.sec.gov'] as const;
/** SEC's fair-access ceiling, requests per second for the whole process. */
export const MAX_SEC_RATE = 10;
export const DEFAULT_RATE = 5;
export const USER_AGENT_HELP =
  'SEC EDGAR requires a User-Agent naming the tool and a contact e-mail. Set it with\n' +
  '  export HASHLEDGER_USER_AGENT="hashledger/0.1 you@example.com"';
const DEFAULT_IR_USER_AGENT = 'hashledger/0.1';

export type CachePolicy = { kind: 'immutable' } | { kind: 'ttl'; seconds: number } | { kind: 'none' };

/** How long what a URL returns stays valid: EDGAR Archives never change; indexes and feeds do. */
export function defaultCachePolicy(url: URL): CachePolicy {
  if (url.hostname === 'www.sec.gov' && url.pathname.startsWith('/Archives/')) return { kind: 'immutable' };
  if (url.hostname === 'www.sec.gov' && url.pathname === '/files/company_tickers.json') return { kind: 'ttl', seconds: 86_400 };
  return { kind: 'ttl', seconds: 900 };
}

export function isSecHost(host: string): boolean {
  return (SEC_HOSTS as readonly string[]).includes(host.toLowerCase());
}

/** A UA SEC accepts names the tool and gives an e-mail address. */
export function validateUserAgent(ua: string | undefined): string {
  const v = ua?.trim();
  if (!v || !/\S+@\S+\.\S+/.test(v)) {
    throw new ValidationError(
      `${v ? `HASHLEDGER_USER_AGENT "${v}" has no contact e-mail` : 'HASHLEDGER_USER_AGENT is not set'}. ${USER_AGENT_HELP}`,
      { field: 'HASHLEDGER_USER_AGENT' },
    );
  }
  return v;
}

/**
 * Spaces requests 1/rate seconds apart (a token bucket holding one token), so no window of
 * one second ever sees more than `rate` requests, however many callers share it.
 */
export class RateLimiter {
  private nextAt = 0;
  constructor(public ratePerSecond: number) {
    if (!(ratePerSecond > 0)) throw new ValidationError(`rate must be positive, got ${ratePerSecond}`, { field: 'rate' });
  }
  async take(signal?: AbortSignal): Promise<void> {
    const interval = 1000 / this.ratePerSecond;
    const now = Date.now();
    const at = Math.max(now, this.nextAt);
    this.nextAt = at + interval;
    if (at > now) await sleep(at - now, signal);
  }
}

let processLimiter: RateLimiter | undefined;
/** The limiter all clients of this process share; a later client may change its rate. */
export function processRateLimiter(ratePerSecond: number): RateLimiter {
  if (!processLimiter) processLimiter = new RateLimiter(ratePerSecond);
  else processLimiter.ratePerSecond = ratePerSecond;
  return processLimiter;
}

export interface CacheEntry {
  url: string;
  sha256: string | null;
  status: number;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  fetchedAt: string;
  cachePolicy: string;
}

/** Where fetched bodies and their validators live (the database + raw store, or memory in tests). */
export interface HttpCache {
  get(url: string): { entry: CacheEntry; body: Uint8Array } | undefined;
  put(entry: Omit<CacheEntry, 'sha256'>, body: Uint8Array): string;
  touch(url: string, fetchedAt: string): void;
}

export interface FetchResult {
  /** canonical URL (sec.gov, not the mirror) */
  url: string;
  status: number;
  bytes: Uint8Array;
  contentType: string | undefined;
  /** served from the cache without a request */
  fromCache: boolean;
  /** a conditional request answered 304 */
  notModified: boolean;
}

export interface HttpClientOptions {
  userAgent?: string;
  /** origin that replaces www/data/efts.sec.gov, e.g. http://127.0.0.1:8080 */
  secBaseUrl?: string;
  /** requests per second; capped at 10 unless secBaseUrl points elsewhere than SEC */
  ratePerSecond?: number;
  limiter?: RateLimiter;
  maxRetries?: number;
  backoffBaseMs?: number;
  maxBackoffMs?: number;
  /** longest Retry-After we honour before giving up on the URL */
  maxRetryAfterMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  /** hosts besides SEC's that may be fetched (the registry's IR hosts) */
  allowHosts?: readonly string[];
  cache?: HttpCache;
  offline?: boolean;
  /** ignore TTLs: every non-immutable URL is revalidated (conditional request) */
  revalidate?: boolean;
  signal?: AbortSignal;
}

export interface HttpStats {
  requests: number;
  retries: number;
  cacheHits: number;
  notModified: number;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

class RetryableError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export class HttpClient {
  readonly stats: HttpStats = { requests: 0, retries: 0, cacheHits: 0, notModified: 0 };
  private readonly allow: Set<string>;
  private readonly secBase: URL | undefined;
  private readonly limiter: RateLimiter;

  constructor(private readonly opts: HttpClientOptions = {}) {
    this.secBase = opts.secBaseUrl ? new URL(opts.secBaseUrl) : undefined;
    const requested = opts.ratePerSecond ?? DEFAULT_RATE;
    const talksToSec = !this.secBase || isSecHost(this.secBase.hostname);
    const rate = talksToSec ? Math.min(requested, MAX_SEC_RATE) : requested;
    this.limiter = opts.limiter ?? processRateLimiter(rate);
    this.allow = new Set([...SEC_HOSTS, ...(opts.allowHosts ?? []).map((h) => h.toLowerCase())]);
  }

  /** Options from the environment: HASHLEDGER_USER_AGENT, HASHLEDGER_SEC_BASE_URL, HASHLEDGER_RATE. */
  static fromEnv(env: NodeJS.ProcessEnv, opts: HttpClientOptions = {}): HttpClient {
    const rate = env.HASHLEDGER_RATE ? Number(env.HASHLEDGER_RATE) : undefined;
    return new HttpClient({
      ...(env.HASHLEDGER_USER_AGENT ? { userAgent: env.HASHLEDGER_USER_AGENT } : {}),
      ...(env.HASHLEDGER_SEC_BASE_URL ? { secBaseUrl: env.HASHLEDGER_SEC_BASE_URL } : {}),
      ...(rate && rate > 0 ? { ratePerSecond: rate } : {}),
      ...opts,
    });
  }

  get offline(): boolean {
    return this.opts.offline === true;
  }

  /** Where a canonical URL is actually requested (the mirror for SEC hosts when configured). */
  physicalUrl(url: URL): URL {
    if (!this.secBase || !isSecHost(url.hostname)) return url;
    const base = this.secBase.href.replace(/\/$/, '');
    return new URL(`${base}/${url.hostname}${url.pathname}${url.search}`);
  }

  assertAllowed(url: URL): void {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new ValidationError(`refusing ${url.protocol} URL`, { file: url.href });
    }
    if (!this.allow.has(url.hostname.toLowerCase())) {
      throw new ValidationError(`host ${url.hostname} is not on the allow-list (SEC hosts and the registry's IR feeds)`, {
        file: url.href,
      });
    }
  }

  async get(input: string, req: { policy?: CachePolicy; accept?: string } = {}): Promise<FetchResult> {
    const url = new URL(input);
    this.assertAllowed(url);
    const policy = req.policy ?? defaultCachePolicy(url);
    const cached = policy.kind === 'none' ? undefined : this.opts.cache?.get(url.href);
    if (cached && cached.entry.status === 200) {
      const fresh =
        this.opts.offline ||
        cached.entry.cachePolicy === 'immutable' ||
        (!this.opts.revalidate && ageSeconds(cached.entry.fetchedAt) < Number(cached.entry.cachePolicy));
      if (fresh) {
        this.stats.cacheHits++;
        return { url: url.href, status: 200, bytes: cached.body, contentType: cached.entry.contentType ?? undefined, fromCache: true, notModified: false };
      }
    }
    if (this.opts.offline) {
      throw new TransportError('not in the cache (offline run)', { file: url.href });
    }
    const secHost = isSecHost(url.hostname);
    const ua = secHost ? validateUserAgent(this.opts.userAgent) : (this.opts.userAgent?.trim() || DEFAULT_IR_USER_AGENT);
    const headers: Record<string, string> = {
      'user-agent': ua,
      'accept-encoding': 'gzip, deflate',
      accept: req.accept ?? '*/*',
    };
    if (cached?.entry.etag) headers['if-none-match'] = cached.entry.etag;
    if (cached?.entry.lastModified) headers['if-modified-since'] = cached.entry.lastModified;

    const res = await this.fetchWithRetry(url, headers);
    const fetchedAt = new Date().toISOString();
    if (res.status === 304 && cached) {
      this.stats.notModified++;
      this.opts.cache?.touch(url.href, fetchedAt);
      return { url: url.href, status: 200, bytes: cached.body, contentType: cached.entry.contentType ?? undefined, fromCache: false, notModified: true };
    }
    if (res.status === 404 || res.status === 410) throw new NotFoundError(`HTTP ${res.status}`, { file: url.href });
    if (res.status < 200 || res.status >= 300) {
      throw new TransportError(`HTTP ${res.status}${res.snippet ? `: ${res.snippet}` : ''}`, { file: url.href, status: res.status });
    }
    if (this.opts.cache && policy.kind !== 'none') {
      this.opts.cache.put(
        {
          url: url.href,
          status: res.status,
          etag: res.headers.get('etag'),
          lastModified: res.headers.get('last-modified'),
          contentType: res.headers.get('content-type'),
          fetchedAt,
          cachePolicy: policy.kind === 'immutable' ? 'immutable' : String(policy.seconds),
        },
        res.bytes,
      );
    }
    return { url: url.href, status: res.status, bytes: res.bytes, contentType: res.headers.get('content-type') ?? undefined, fromCache: false, notModified: false };
  }

  private async fetchWithRetry(url: URL, headers: Record<string, string>) {
    const maxRetries = this.opts.maxRetries ?? 4;
    const base = this.opts.backoffBaseMs ?? 500;
    const cap = this.opts.maxBackoffMs ?? 30_000;
    const maxRetryAfter = this.opts.maxRetryAfterMs ?? 120_000;
    for (let attempt = 0; ; attempt++) {
      await this.limiter.take(this.opts.signal);
      this.stats.requests++;
      try {
        const res = await this.fetchOnce(url, headers);
        if (RETRYABLE_STATUS.has(res.status) || (res.status === 403 && isRateThresholdPage(res.snippet))) {
          throw new RetryableError(`HTTP ${res.status}`, res.status, parseRetryAfter(res.headers.get('retry-after')));
        }
        return res;
      } catch (err) {
        if (this.opts.signal?.aborted) throw this.opts.signal.reason ?? err;
        if (!(err instanceof RetryableError)) throw err;
        if (attempt >= maxRetries || (err.retryAfterMs ?? 0) > maxRetryAfter) {
          throw new TransportError(`${err.message} after ${attempt + 1} attempt(s)`, { file: url.href, ...(err.status ? { status: err.status } : {}) }, { cause: err });
        }
        this.stats.retries++;
        const backoff = Math.min(cap, base * 2 ** attempt) * (0.5 + Math.random() / 2);
        await sleep(err.retryAfterMs ?? backoff, this.opts.signal);
      }
    }
  }

  /** One request, following redirects by hand so a redirect cannot leave the allow-list. */
  private async fetchOnce(url: URL, headers: Record<string, string>) {
    let target = this.physicalUrl(url);
    for (let hop = 0; hop < 5; hop++) {
      const timeout = AbortSignal.timeout(this.opts.timeoutMs ?? 30_000);
      const signal = this.opts.signal ? AbortSignal.any([this.opts.signal, timeout]) : timeout;
      let res: Response;
      try {
        res = await fetch(target, { headers, redirect: 'manual', signal });
      } catch (err) {
        if (this.opts.signal?.aborted) throw err;
        throw new RetryableError(timeout.aborted ? `timed out after ${this.opts.timeoutMs ?? 30_000} ms` : `network error: ${causeMessage(err)}`);
      }
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        const loc = res.headers.get('location');
        await res.body?.cancel();
        if (!loc) return { status: res.status, headers: res.headers, bytes: new Uint8Array(), snippet: '' };
        target = new URL(loc, target);
        if (!(this.secBase && target.origin === this.secBase.origin)) this.assertAllowed(target);
        continue;
      }
      const bytes = await this.readBody(res, url, timeout);
      const snippet = res.status >= 400 ? Buffer.from(bytes.subarray(0, 300)).toString('utf8').replace(/\s+/g, ' ').trim() : '';
      return { status: res.status, headers: res.headers, bytes, snippet };
    }
    throw new TransportError('too many redirects', { file: url.href });
  }

  private async readBody(res: Response, url: URL, timeout: AbortSignal): Promise<Uint8Array> {
    const max = this.opts.maxBytes ?? 64 * 1024 * 1024;
    const declared = Number(res.headers.get('content-length') ?? NaN);
    const encoded = !!res.headers.get('content-encoding');
    if (!encoded && declared > max) {
      await res.body?.cancel();
      throw new TransportError(`response is ${declared} bytes, over the ${max}-byte cap`, { file: url.href, status: res.status });
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      if (res.body) {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          total += chunk.length;
          if (total > max) {
            throw new TransportError(`response exceeds the ${max}-byte cap`, { file: url.href, status: res.status });
          }
          chunks.push(chunk);
        }
      }
    } catch (err) {
      if (err instanceof HashledgerError) throw err;
      if (this.opts.signal?.aborted) throw err;
      throw new RetryableError(timeout.aborted ? 'timed out reading the body' : `truncated body: ${causeMessage(err)}`);
    }
    // without compression the byte count must match; a short body is a cut connection
    if (!encoded && Number.isFinite(declared) && total !== declared) {
      throw new RetryableError(`truncated body: ${total} of ${declared} bytes`);
    }
    return Buffer.concat(chunks);
  }
}

/** SEC answers a burst over its limit with 403 and a "Request Rate Threshold Exceeded" page. */
function isRateThresholdPage(snippet: string): boolean {
  return /rate threshold|request rate|exceeded/i.test(snippet);
}

/** Retry-After as seconds or an HTTP date, in ms. */
export function parseRetryAfter(v: string | null): number | undefined {
  if (!v) return undefined;
  if (/^\d+(\.\d+)?$/.test(v.trim())) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

function ageSeconds(iso: string): number {
  return (Date.now() - Date.parse(iso)) / 1000;
}

function causeMessage(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    return cause instanceof Error ? `${err.message} (${cause.message})` : err.message;
  }
  return String(err);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
