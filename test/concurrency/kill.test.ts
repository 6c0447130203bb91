import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { pressReleaseTemplates, writeCopies } from '../../scripts/bench/corpus.ts';
import { dbHealth, documentCount, runCli } from './_harness.ts';

describe('an ingest killed with SIGKILL mid-run', () => {
  it('leaves a consistent database, and a rerun records everything', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-kill-'));
    const total = 600;
    writeCopies(pressReleaseTemplates(), total, join(dir, 'docs'));
    const db = join(dir, 'k.db');
    const env = { HASHLEDGER_STORE: join(dir, 'raw') };

    let kill: (() => void) | undefined;
    const running = runCli(['ingest', join(dir, 'docs'), '--db', db], env, (k) => (kill = k));
    const deadline = Date.now() + 120_000;
    while (documentCount(db) < 25 && Date.now() < deadline) await sleep(10);
    kill!();
    const killed = await running;
    expect(killed.signal).toBe('SIGKILL');

    const after = dbHealth(db);
    expect(after.integrity).toBe('ok');
    expect(after.orphanFacts).toBe(0);
    expect(after.miscounted).toBe(0);
    expect(after.documents).toBeGreaterThanOrEqual(25);
    expect(after.documents).toBeLessThan(total);

    const rerun = await runCli(['ingest', join(dir, 'docs'), '--db', db], env);
    expect(rerun.code, rerun.stderr).toBe(0);
    const done = dbHealth(db);
    expect(done).toMatchObject({ integrity: 'ok', documents: total, orphanFacts: 0, miscounted: 0, statuses: { parsed: total } });
  });
});
