/** `hashledger check` over a database file holding the conflict fixtures. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app.ts';
import { checkCommand } from '../../src/commands/check.ts';
import { CASES, recordCase } from './_cases.ts';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), isTTY: false, env: {} } };
}

let db: string;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'hl-check-'));
  db = join(dir, 'h.db');
  const app = openApp({ dbPath: db, storeDir: join(dir, 'raw') });
  for (const c of CASES) recordCase(app, c);
  app.close();
});

describe('hashledger check', () => {
  it('prints findings grouped by company and exits 1 when there are errors', async () => {
    const t = io();
    const code = await checkCommand.run({ values: { db }, positionals: [] }, t.io);
    expect(code).toBe(1);
    const text = t.out.join('');
    expect(text).toMatch(/^CLSK — CleanSpark, Inc\.$/m);
    expect(text).toMatch(/error\s+unit_mistake\s+btc_held\s+@2024-03-31/);
    expect(text).toMatch(/^RIOT — Riot Platforms, Inc\.$/m);
    expect(text).toMatch(/4 errors/);
  });

  it('restricts to one company, and exits 0 when that company has no errors', async () => {
    const t = io();
    const code = await checkCommand.run({ values: { db, company: ['CANG'] }, positionals: [] }, t.io);
    expect(code).toBe(0);
    const text = t.out.join('');
    expect(text).not.toMatch(/CLSK/);
    expect(text).toMatch(/rollforward\s+btc_held\s+2026-01-01\.\.2026-01-31/);
  });

  it('writes JSON with --json, with conflicts listing both sources', async () => {
    const t = io();
    const code = await checkCommand.run({ values: { db, company: ['BTBT'], json: true }, positionals: [] }, t.io);
    expect(code).toBe(1);
    const out = JSON.parse(t.out.join('')) as { summary: { errors: number }; findings: { kind: string; severity: string }[] };
    expect(out.summary.errors).toBe(1);
    expect(out.findings.find((f) => f.severity === 'error')!.kind).toBe('sold_exceeds_available');
  });

  it('rejects an unknown company and a malformed --as-of with the usage exit code', async () => {
    const a = io();
    expect(await checkCommand.run({ values: { db, company: ['NOPE'] }, positionals: [] }, a.io)).toBe(2);
    expect(a.err.join('')).toMatch(/unknown company NOPE/);
    const b = io();
    expect(await checkCommand.run({ values: { db, 'as-of': '2025/01/01' }, positionals: [] }, b.io)).toBe(2);
  });

  it('judges staleness at --as-of', async () => {
    const t = io();
    await checkCommand.run({ values: { db, company: ['CLSK'], 'as-of': '2025-01-15', json: true }, positionals: [] }, t.io);
    const out = JSON.parse(t.out.join('')) as { findings: { kind: string }[] };
    expect(out.findings.some((f) => f.kind === 'stale')).toBe(false);
  });
});
