import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../scripts/bench/corpus.ts';

export const CLI = join(PROJECT_ROOT, 'bin', 'hashledger.mjs');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `node bin/hashledger.mjs args…` as a child process; `onSpawn` gets the child (to kill it). */
export function runCli(args: string[], env: Record<string, string>, onSpawn?: (kill: () => void) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    onSpawn?.(() => child.kill('SIGKILL'));
  });
}

export interface DbHealth {
  integrity: string;
  documents: number;
  facts: number;
  /** facts whose document row is missing */
  orphanFacts: number;
  /** documents whose fact_count disagrees with their facts: a half-written document */
  miscounted: number;
  statuses: Record<string, number>;
}

/** What a crash or a race could break, read with a plain connection (no migrations, no writes). */
export function dbHealth(path: string): DbHealth {
  const db = new Database(path, { readonly: true });
  db.pragma('busy_timeout = 15000');
  try {
    const one = (sql: string) => Object.values(db.prepare(sql).get() as Record<string, unknown>)[0];
    const statuses: Record<string, number> = {};
    for (const r of db.prepare('select parse_status s, count(*) n from documents group by 1').all() as { s: string; n: number }[]) statuses[r.s] = r.n;
    return {
      integrity: String(one('pragma integrity_check')),
      documents: Number(one('select count(*) from documents')),
      facts: Number(one('select count(*) from facts')),
      orphanFacts: Number(one('select count(*) from facts f left join documents d on d.id = f.document_id where d.id is null')),
      miscounted: Number(
        one('select count(*) from documents d where d.fact_count <> (select count(*) from facts f where f.document_id = d.id)'),
      ),
      statuses,
    };
  } finally {
    db.close();
  }
}

/** Documents recorded so far, or 0 while the file or its tables do not exist yet. */
export function documentCount(path: string): number {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 2000');
      return Number((db.prepare('select count(*) n from documents').get() as { n: number }).n);
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}
