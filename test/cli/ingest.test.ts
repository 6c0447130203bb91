import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { openApp } from '../../src/app.ts';
import { listDocuments, rowCounts } from '../../src/db/queries.ts';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), isTTY: false, env: {} } };
}

describe('hashledger ingest', () => {
  it('records bad files with their error, ingests the rest, and is idempotent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-ingest-'));
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    writeFileSync(join(docs, 'empty.txt'), '');
    writeFileSync(join(docs, 'garbage.htm'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)));
    writeFileSync(join(docs, 'truncated.pdf'), '%PDF-1.4\n1 0 obj\n<< /Type /Catalog');
    writeFileSync(join(docs, 'note.txt'), 'A page with words and no figures at all.\n');
    writeFileSync(join(docs, 'cp1252.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const db = join(dir, 'h.db');
    const store = join(dir, 'raw');
    process.env.HASHLEDGER_STORE = store;

    const first = io();
    const code = await main(['ingest', docs, '--db', db], first.io);
    expect(code).toBe(1);
    const errors = first.err.join('');
    expect(errors).toMatch(/empty\.txt: the file is empty/);
    expect(errors).toMatch(/garbage\.htm: binary content/);
    expect(errors).toMatch(/truncated\.pdf: not a readable PDF/);
    // one line per failed file
    expect(errors.trim().split('\n')).toHaveLength(3);

    const app = openApp({ dbPath: db, storeDir: store });
    const before = rowCounts(app.db);
    const docsRows = listDocuments(app.db);
    expect(docsRows.filter((d) => d.parseStatus === 'error')).toHaveLength(3);
    expect(docsRows.filter((d) => d.parseStatus === 'parsed')).toHaveLength(2);
    app.close();

    const second = io();
    await main(['ingest', docs, '--db', db], second.io);
    const again = openApp({ dbPath: db, storeDir: store });
    expect(rowCounts(again.db)).toEqual(before);
    again.close();
  });

  it('reports and numbers documents in file order while several are parsed at once, and keeps bytes seen twice in flight once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-ingest-order-'));
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    const names: string[] = [];
    for (let i = 0; i < 9; i++) {
      const name = `doc-${String(i).padStart(2, '0')}.txt`;
      names.push(name);
      // a slow one first, and the same bytes twice side by side
      const body = i === 0 ? `${'Words without any figure. '.repeat(4000)}\n` : i === 5 || i === 6 ? 'The same page twice.\n' : `Page number ${i} of a test folder.\n`;
      writeFileSync(join(docs, name), i === 4 ? '' : body);
    }
    const db = join(dir, 'h.db');
    const store = join(dir, 'raw');
    process.env.HASHLEDGER_STORE = store;
    const run = io();
    await main(['ingest', docs, '--db', db, '--json'], run.io);
    const summary = JSON.parse(run.out.join('')) as { results: { file: string; documentId: number; status: string; isNew: boolean }[] };
    expect(summary.results.map((r) => r.file.split(/[\\/]/).pop())).toEqual(names);
    expect(summary.results[4]!.status).toBe('error');
    // the second copy of the same bytes is the same document, recorded once
    expect(summary.results[6]!.documentId).toBe(summary.results[5]!.documentId);
    expect(summary.results[6]!.isNew).toBe(false);
    const ids = summary.results.filter((r, i) => i !== 6).map((r) => r.documentId);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const app = openApp({ dbPath: db, storeDir: store });
    expect(rowCounts(app.db).documents).toBe(8);
    app.close();
  });

  it('rejects an unknown command and an unknown company with usage errors', async () => {
    const a = io();
    expect(await main(['frobnicate'], a.io)).toBe(2);
    const b = io();
    expect(await main(['ingest', '/nonexistent', '--company', 'NOPE', '--db', ':memory:'], b.io)).toBe(2);
    expect(b.err.join('')).toMatch(/unknown company "NOPE"/);
  });
});

describe('hashledger ingest of XBRL companyfacts JSON', () => {
  it('turns a saved companyfacts file into btc_held facts, as sync does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-cf-'));
    process.env.HASHLEDGER_STORE = join(dir, 'raw');
    const db = join(dir, 'h.db');
    // CleanSpark's companyfacts shape (sync fixture); 2,243 and 5,021 BTC are the 10-Q's Note 5 counts
    const src = join(import.meta.dirname, '..', 'fixtures', 'edgar', 'data.sec.gov', 'api', 'xbrl', 'companyfacts');
    const out = { out: [] as string[], err: [] as string[] };
    const code = await main(['ingest', src, '--db', db], { stdout: (s) => void out.out.push(s), stderr: (s) => void out.err.push(s), isTTY: false, env: {} });
    expect(code).toBe(0);
    const app = openApp({ dbPath: db });
    const { listFacts } = await import('../../src/db/queries.ts');
    const held = listFacts(app.db, { companies: ['CLSK'], metrics: ['btc_held'] }).map((f) => [f.asOf, f.value]);
    app.close();
    expect(held).toEqual(expect.arrayContaining([['2023-09-30', 2243], ['2024-03-31', 5021]]));
  });
});
