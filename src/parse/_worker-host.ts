import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ParseError } from '../errors.ts';
import type { ExtractContext } from '../extract/index.ts';
import type { ExtractedFact } from '../model/fact.ts';
import type { ParsedDocument } from '../model/parsed.ts';
import type { Format } from './detect.ts';

/** `extract` asks the worker to run the extractor on the parsed document too, under the same bounds. */
export type WorkerRequest = { id: number; bytes: Uint8Array; format: Format; extract?: ExtractContext };
export type WorkerResult = { doc: ParsedDocument; facts?: ExtractedFact[] };
export type WorkerReply = ({ id: number; ok: true } & WorkerResult) | { id: number; ok: false; message: string };

export interface ParseLimits {
  /** wall-clock time one document may take, worker start included */
  timeoutMs: number;
  /** V8 old-generation heap of the worker; past it the worker is stopped, not the process */
  maxHeapMb: number;
}

/** Idle workers kept for the next document; more would only hold memory. */
const MAX_IDLE = 2;
/**
 * Workers running at once. A caller that parses many documents with Promise.all must not get
 * one thread (and one heap bound) per document: the others wait their turn.
 */
const MAX_ACTIVE = Math.max(1, availableParallelism());

/**
 * Source of the worker's first module: register tsx (the worker does not inherit the parent's
 * loader hooks) and load _worker.ts. A data: URL keeps the project free of a plain-JS twin.
 */
function bootUrl(): URL {
  const here = fileURLToPath(import.meta.url);
  const require = createRequire(here);
  const tsxRoot = dirname(require.resolve('tsx/package.json'));
  const exportsMap = (JSON.parse(readFileSync(join(tsxRoot, 'package.json'), 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  }).exports;
  const api = pathToFileURL(join(tsxRoot, exportsMap['./esm/api']!.import.default)).href;
  const entry = pathToFileURL(join(dirname(here), '_worker.ts')).href;
  const code = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

let boot: URL | undefined;
let nextId = 1;

class ParseThread {
  readonly worker: Worker;
  dead = false;

  constructor(readonly maxHeapMb: number) {
    boot ??= bootUrl();
    this.worker = new Worker(boot, {
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, maxHeapMb >> 3)) },
      stdout: false,
      stderr: false,
    });
    // a worker that failed while idle is dropped; the error is reported by the run that hits it
    this.worker.on('error', () => {
      this.dead = true;
    });
    this.worker.on('exit', () => {
      this.dead = true;
    });
  }

  run(bytes: Uint8Array, format: Format, timeoutMs: number, extract?: ExtractContext): Promise<WorkerResult> {
    const id = nextId++;
    const what = extract ? 'parsing and extracting' : 'parsing';
    this.worker.ref();
    return new Promise<WorkerResult>((resolve, reject) => {
      const done = (f: () => void) => {
        clearTimeout(timer);
        this.worker.off('message', onMessage);
        this.worker.off('error', onError);
        this.worker.off('exit', onExit);
        this.worker.unref();
        f();
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== id) return;
        done(() =>
          reply.ok
            ? resolve({ doc: reply.doc, ...(reply.facts ? { facts: reply.facts } : {}) })
            : reject(new ParseError(reply.message)),
        );
      };
      const onError = (err: Error & { code?: string }) => {
        this.kill();
        done(() =>
          reject(
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new ParseError(`${what} needed more than ${this.maxHeapMb} MB of memory; stopped`, {}, { cause: err })
              : new ParseError(`the parser thread failed (${err.message})`, {}, { cause: err }),
          ),
        );
      };
      const onExit = (code: number) => {
        this.dead = true;
        done(() => reject(new ParseError(`the parser thread exited (code ${code}) before answering`)));
      };
      const timer = setTimeout(() => {
        this.kill();
        done(() => reject(new ParseError(`${what} took longer than ${timeoutMs / 1000} s; stopped`)));
      }, timeoutMs);
      this.worker.on('message', onMessage);
      this.worker.on('error', onError);
      this.worker.on('exit', onExit);
      this.worker.postMessage({ id, bytes, format, ...(extract ? { extract } : {}) } satisfies WorkerRequest);
    });
  }

  kill(): void {
    this.dead = true;
    void this.worker.terminate().catch(() => undefined);
  }
}

const idle: ParseThread[] = [];
let active = 0;
let peakActive = 0;
const waiting: (() => void)[] = [];

async function acquire(): Promise<void> {
  if (active < MAX_ACTIVE) {
    active++;
    peakActive = Math.max(peakActive, active);
    return;
  }
  // the slot is handed over by release(), so active stays counted
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else active--;
}

/**
 * Parses (and, given a context, extracts) in a worker thread bounded in time and heap. `fresh` uses a thread for this document
 * alone and ends it after: for formats whose library may be tricked into changing the realm
 * (xlsx), so nothing a file did survives into the next document.
 */
export async function parseInWorker(
  bytes: Uint8Array,
  format: Format,
  limits: ParseLimits & { fresh?: boolean },
  extract?: ExtractContext,
): Promise<WorkerResult> {
  await acquire();
  // a worker that died while idle (killed, crashed) is not reused
  for (let i = idle.length - 1; i >= 0; i--) if (idle[i]!.dead) idle.splice(i, 1);
  let thread: ParseThread | undefined;
  if (!limits.fresh) {
    const i = idle.findIndex((t) => t.maxHeapMb === limits.maxHeapMb);
    if (i >= 0) thread = idle.splice(i, 1)[0];
  }
  try {
    thread ??= new ParseThread(limits.maxHeapMb);
    return await thread.run(bytes, format, limits.timeoutMs, extract);
  } finally {
    if (thread) {
      if (limits.fresh || thread.dead || idle.length >= MAX_IDLE) thread.kill();
      else idle.push(thread);
    }
    release();
  }
}

/** Threads running now, idle, the most that ran at once, and the cap (for tests and the benchmark). */
export function parseWorkerStats(): { active: number; idle: number; peakActive: number; maxActive: number } {
  return { active, idle: idle.length, peakActive, maxActive: MAX_ACTIVE };
}

/** Ends the idle workers (tests and scripts that want a clean exit without waiting for GC). */
export async function stopParseWorkers(): Promise<void> {
  const all = idle.splice(0);
  await Promise.all(all.map((t) => t.worker.terminate().catch(() => undefined)));
}
