/**
 * A local HTTP server replaying fixture files (`{root}/{path}`, query ignored) the way EDGAR
 * and IR sites answer: ETag + 304 on If-None-Match, gzip when asked, Content-Length. Faults
 * are queued per path and consumed one request at a time; `always` faults never run out.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'truncate' }
  | { kind: 'redirect'; location: string };

export interface RecordedRequest {
  path: string;
  query: string;
  headers: IncomingHttpHeaders;
  /** server clock when the request arrived, ms */
  at: number;
  status: number;
}

export interface FixtureServer {
  url: string;
  requests: RecordedRequest[];
  /** queue one-off faults for a path (exact pathname) */
  fault(path: string, ...faults: Fault[]): void;
  /** a fault served on every request to the path until cleared */
  always(path: string, fault: Fault | undefined): void;
  /** gzip every body when the client accepts it */
  gzip: boolean;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { json: 'application/json', htm: 'text/html', html: 'text/html', xml: 'application/rss+xml' };

export async function startFixtureServer(root: string): Promise<FixtureServer> {
  const queued = new Map<string, Fault[]>();
  const permanent = new Map<string, Fault>();
  const requests: RecordedRequest[] = [];
  const state = { gzip: false };
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const rec: RecordedRequest = { path: u.pathname, query: u.search, headers: req.headers, at: performance.now(), status: 0 };
    requests.push(rec);
    const send = (status: number, headers: Record<string, string | number>, body?: Buffer | string) => {
      rec.status = status;
      res.writeHead(status, headers);
      res.end(body);
    };
    const fault = queued.get(u.pathname)?.shift() ?? permanent.get(u.pathname);
    const serve = () => {
      const file = normalize(join(root, decodeURIComponent(u.pathname)));
      let body: Buffer;
      try {
        if (!file.startsWith(normalize(root)) || !statSync(file).isFile()) throw new Error('no');
        body = readFileSync(file);
      } catch {
        return send(404, { 'content-type': 'text/html' }, '<html><body>Not Found</body></html>');
      }
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) return send(304, { etag });
      const ext = file.split('.').pop() ?? '';
      const headers: Record<string, string | number> = { 'content-type': TYPES[ext] ?? (body[0] === 0x7b ? 'application/json' : 'text/html'), etag };
      if (fault?.kind === 'truncate') {
        rec.status = 200;
        res.writeHead(200, { ...headers, 'content-length': body.length });
        res.write(body.subarray(0, Math.floor(body.length / 2)));
        setTimeout(() => res.socket?.destroy(), 5);
        return;
      }
      if (state.gzip && /gzip/.test(String(req.headers['accept-encoding'] ?? ''))) {
        const gz = gzipSync(body);
        return send(200, { ...headers, 'content-encoding': 'gzip', 'content-length': gz.length }, gz);
      }
      send(200, { ...headers, 'content-length': body.length }, body);
    };
    if (fault?.kind === 'status') return send(fault.status, { 'content-type': 'text/html', ...(fault.headers ?? {}) }, fault.body ?? '');
    if (fault?.kind === 'redirect') return send(302, { location: fault.location });
    if (fault?.kind === 'slow') {
      setTimeout(serve, fault.delayMs);
      return;
    }
    serve();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    fault: (path, ...faults) => queued.set(path, [...(queued.get(path) ?? []), ...faults]),
    always: (path, f) => (f ? permanent.set(path, f) : permanent.delete(path)),
    get gzip() {
      return state.gzip;
    },
    set gzip(v: boolean) {
      state.gzip = v;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
