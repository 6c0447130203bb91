/**
 * End to end, as an analyst runs it: ingest a folder of releases, query facts, write every
 * report format, read the XLSX back. Figures expected here are the ones a person read off the
 * real releases the fixtures were written from (test/fixtures/labels.jsonl, CANG and CLSK).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { openApp } from '../../src/app.ts';
import { listFacts, rowCounts } from '../../src/db/queries.ts';

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), isTTY: false, env: {} } };
}

describe('ingest → facts → reports → XLSX', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hl-e2e-'));
  const db = join(dir, 'e2e.db');
  process.env.HASHLEDGER_STORE = join(dir, 'raw');

  it('ingests the Cango and CleanSpark releases, twice, with the same row counts', async () => {
    const first = capture();
    expect(await main(['ingest', join(FIXTURES, 'CANG'), join(FIXTURES, 'CLSK'), '--db', db], first.io)).toBe(0);
    const app = openApp({ dbPath: db });
    const before = rowCounts(app.db);
    app.close();
    expect(before.facts).toBeGreaterThan(0);
    await main(['ingest', join(FIXTURES, 'CANG'), join(FIXTURES, 'CLSK'), '--db', db], capture().io);
    const again = openApp({ dbPath: db });
    expect(rowCounts(again.db)).toEqual(before);
    again.close();
  });

  it('holds the February 2026 sale: 4,451 BTC for about $305 million', async () => {
    const app = openApp({ dbPath: db });
    const sold = listFacts(app.db, { companies: ['CANG'], metrics: ['btc_sold'] });
    const proceeds = listFacts(app.db, { companies: ['CANG'], metrics: ['btc_sold_proceeds'] });
    app.close();
    expect(sold.some((f) => f.value === 4451 && f.periodEnd?.startsWith('2026-02'))).toBe(true);
    expect(proceeds.some((f) => f.value === 305_000_000 && f.periodEnd?.startsWith('2026-02'))).toBe(true);
    const json = capture();
    expect(await main(['facts', '--company', 'CANG', '--metric', 'btc_sold', '--format', 'json', '--db', db], json.io)).toBe(0);
    const rows = JSON.parse(json.out.join('')) as { value: number; sourceUrl: string | null }[];
    expect(rows.find((r) => r.value === 4451)?.sourceUrl).toMatch(/^https?:\/\//);
    // by name, any case; a company that is not in the registry is a usage error, not an empty list
    const byName = capture();
    expect(await main(['facts', '--company', 'cango', '--metric', 'btc_sold', '--format', 'json', '--db', db], byName.io)).toBe(0);
    expect((JSON.parse(byName.out.join('')) as unknown[]).length).toBe(rows.length);
    const typo = capture();
    expect(await main(['facts', '--company', 'CNAG', '--db', db], typo.io)).toBe(2);
    expect(typo.err.join('')).toContain('unknown company CNAG');
  });

  it('writes Markdown, HTML, XLSX, CSV and JSON, and the workbook reads back with the figures', async () => {
    const out = join(dir, 'reports');
    const r = capture();
    expect(await main(['report', '--out', out, '--db', db], r.io)).toBe(0);
    const files = readdirSync(out);
    for (const ext of ['.md', '.html', '.xlsx', '.json']) expect(files.some((f) => f.endsWith(ext))).toBe(true);
    expect(files.some((f) => f.endsWith('.csv')) || existsSync(join(out, 'csv'))).toBe(true);
    const xlsxFile = files.find((f) => f.endsWith('.xlsx'))!;
    const wb = XLSX.read(readFileSync(join(out, xlsxFile)), { type: 'buffer' });
    expect(wb.SheetNames).toEqual(expect.arrayContaining(['Summary', 'Treasury', 'Production', 'Costs', 'Network', 'Facts']));
    const treasury = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.Treasury!, { header: 1, raw: true });
    const cango = treasury.filter((row) => row.includes('CANG'));
    // the sale is stored as a number, not text
    expect(cango.some((row) => row.includes(4451))).toBe(true);
    const facts = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Facts!, { raw: true });
    expect(facts.some((f) => Object.values(f).includes(305_000_000))).toBe(true);
    const md = readFileSync(join(out, 'treasury.md'), 'utf8');
    expect(md).toMatch(/4,451/);
  });
});
