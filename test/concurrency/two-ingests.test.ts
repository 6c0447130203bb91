import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp } from '../../src/app.ts';
import { pressReleaseTemplates, writeCopies } from '../../scripts/bench/corpus.ts';
import { dbHealth, runCli } from './_harness.ts';

describe('two ingests at once into one database file', () => {
  it('records every document of both runs, with no lock failures and no corruption', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-two-'));
    const templates = pressReleaseTemplates();
    const perRun = 80;
    writeCopies(templates, perRun, join(dir, 'A'));
    writeCopies(templates, perRun, join(dir, 'B'), perRun);
    const db = join(dir, 'same.db');
    // created (migrated) first: two processes migrating one fresh file at once is a separate race
    openApp({ dbPath: db, storeDir: join(dir, 'raw') }).close();
    const env = { HASHLEDGER_STORE: join(dir, 'raw') };

    const [a, b] = await Promise.all([
      runCli(['ingest', join(dir, 'A'), '--db', db], env),
      runCli(['ingest', join(dir, 'B'), '--db', db], env),
    ]);
    for (const run of [a, b]) {
      expect(run.stderr).not.toMatch(/locked|SQLITE_BUSY/i);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`ingested ${perRun} of ${perRun} documents \\(${perRun} new\\)`));
    }
    const health = dbHealth(db);
    expect(health).toMatchObject({ integrity: 'ok', documents: 2 * perRun, orphanFacts: 0, miscounted: 0, statuses: { parsed: 2 * perRun } });
  });
});
