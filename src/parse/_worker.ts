/**
 * Entry of a parse worker thread (see _worker-host.ts): receives {id, bytes, format}, answers
 * {id, ok, doc} or {id, ok: false, message}. Runs in its own realm, so whatever a hostile file
 * does to this thread's prototypes or heap stays here.
 */
import { parentPort } from 'node:worker_threads';
import { asParseError, extractInProcess, parseFormatInProcess } from './_worker-parse.ts';
import type { WorkerReply, WorkerRequest } from './_worker-host.ts';

const port = parentPort;
if (!port) throw new Error('_worker.ts runs only as a worker thread');

port.on('message', (req: WorkerRequest) => {
  const job = async (): Promise<WorkerReply> => {
    let doc;
    try {
      doc = await parseFormatInProcess(req.bytes, req.format);
    } catch (err) {
      return { id: req.id, ok: false, message: asParseError(err).message };
    }
    if (!req.extract) return { id: req.id, ok: true, doc };
    try {
      return { id: req.id, ok: true, doc, facts: await extractInProcess(doc, req.extract) };
    } catch (err) {
      const e = err as { name?: string; message?: string };
      return { id: req.id, ok: false, message: `the extractor failed: ${e?.name ?? 'Error'}: ${e?.message ?? String(err)}` };
    }
  };
  void job().then((reply) => port.postMessage(reply));
});
