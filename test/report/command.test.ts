import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandIo } from '../../src/commands/_command.ts';
import { reportCommand } from '../../src/commands/report.ts';
import { fixtureDb } from './fixture.ts';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const value: CommandIo = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY: false, env: {} };
  return { io: value, out, err };
}

describe('hashledger report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashledger-report-'));
  const dbPath = join(dir, 'facts.db');
  fixtureDb([], { path: dbPath }).$client.close();

  it('writes every format by default and prints the files', async () => {
    const t = io();
    const out = join(dir, 'all');
    const code = await reportCommand.run({ values: { db: dbPath, out }, positionals: [] }, t.io);
    expect(code).toBe(0);
    const files = t.out.join('').trim().split('\n');
    for (const name of ['treasury.md', 'costs.md', 'companies/CANG.md', 'report.html', 'hashledger-report.xlsx', 'report.json', 'csv/treasury.csv', 'csv/facts.csv']) {
      expect(files).toContain(join(out, name));
      expect(existsSync(join(out, name))).toBe(true);
    }
  });

  it('one kind, some formats, one company', async () => {
    const t = io();
    const out = join(dir, 'some');
    const code = await reportCommand.run({ values: { db: dbPath, out, format: ['md,json'], company: ['cang'] }, positionals: ['treasury'] }, t.io);
    expect(code).toBe(0);
    expect(t.out.join('').trim().split('\n').sort()).toEqual([join(out, 'companies/CANG.md'), join(out, 'report.json'), join(out, 'treasury.md')]);
  });

  it('takes a company by name, any case, and says which asked-for companies have no facts', async () => {
    const t = io();
    const out = join(dir, 'byname');
    const code = await reportCommand.run({ values: { db: dbPath, out, format: ['md'], company: ['cango', 'IREN'] }, positionals: ['treasury'] }, t.io);
    expect(code).toBe(0);
    expect(readFileSync(join(out, 'treasury.md'), 'utf8')).toContain('CANG — Cango Inc.');
    expect(t.err.join('')).toContain('no facts yet for IREN');
  });

  it('--help names every report kind and format, with examples', () => {
    for (const word of ['treasury', 'costs', 'all', ...['md', 'html', 'xlsx', 'csv', 'json'].map((f) => `  ${f}  `), 'Examples:', '--company', '--out']) expect(reportCommand.help).toContain(word);
  });

  it('usage errors exit 2 with a clear message', async () => {
    for (const [values, positionals, msg] of [
      [{ db: dbPath, format: ['md,pdf'] }, [], 'unknown format "pdf"'],
      [{ db: dbPath }, ['sales'], 'unknown report "sales"'],
      [{ db: dbPath, company: ['NOPE'] }, [], 'unknown company "NOPE"'],
      [{ db: dbPath, company: ['Marathon'] }, [], 'did you mean MARA'],
    ] as const) {
      const t = io();
      expect(await reportCommand.run({ values: { ...values, out: join(dir, 'x') } as Record<string, string | string[]>, positionals: [...positionals] }, t.io)).toBe(2);
      expect(t.err.join('')).toContain(msg);
    }
  });
});
