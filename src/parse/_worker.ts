/**
 * Entry of a parse worker thread (see _worker-host.ts): receives {id, bytes, format}, answers
 * {id, ok, doc} or {id, ok: false, message}. Runs in its own realm, so whatever a hostile file
 * does to this thread's prototypes or heap stays here.
 */
import { parentPort } from 'node:worker_threads';
import { asParseError, parseFormatInProcess } from './_worker-parse.ts';
import type { WorkerReply, WorkerRequest } from './_worker-host.ts';

const port = parentPort;
if (!port) throw new Error('_worker.ts runs only as a worker thread');

port.on('message', (req: WorkerRequest) => {
  parseFormatInProcess(req.bytes, req.format).then(
    (doc) => port.postMessage({ id: req.id, ok: true, doc } satisfies WorkerReply),
    (err: unknown) => port.postMessage({ id: req.id, ok: false, message: asParseError(err).message } satisfies WorkerReply),
  );
});
