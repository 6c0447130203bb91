import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openApp } from '../../src/app.ts';
import { main } from '../../src/cli.ts';
import { listDocuments } from '../../src/db/queries.ts';
import { stopParseWorkers } from '../../src/parse/index.ts';
import { pressReleaseTemplates, writeCopies } from '../../scripts/bench/corpus.ts';
import { dbHealth } from '../concurrency/_harness.ts';
import { buildPdf } from './_pdf.ts';
import { buildZip, xlsxParts } from './_zip.ts';

const MB = 1024 * 1024;

describe('one ingest run over hostile and good documents', () => {
  it('records every document, says what is wrong with each bad one on one line, and ingests the rest', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-hostile-'));
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    const put = (name: string, bytes: Buffer | string) => writeFileSync(join(docs, name), bytes);

    const good = writeCopies(pressReleaseTemplates(), 6, join(docs, 'releases')).length;
    put('page.pdf', buildPdf(['A hand-built page of text']));
    put('sheet.xlsx', buildZip(xlsxParts([{ name: 'constructor', rows: [['__proto__', 'prototype']] }])));
    put('cp1252.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x74, 0x65, 0x78, 0x74, 0x0a]));
    put('scripts.html', '<html><body><p>shown</p><script>var hidden = "not shown";</script></body></html>');

    put('encrypted.pdf', buildPdf(['locked'], { encrypt: true }));
    put('corrupt.pdf', Buffer.from(buildPdf(['x']).toString('latin1').replace(/obj/g, 'jbo').replace('xref', 'xxxx'), 'latin1'));
    const bombSheet = deflateRawSync(Buffer.alloc(300 * MB), { level: 9 });
    put(
      'bomb.xlsx',
      buildZip(
        xlsxParts([{ name: 'S', rows: [['x']] }]).map((p) =>
          p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: Buffer.alloc(0), compressed: bombSheet, declaredSize: 300 * MB } : p,
        ),
      ),
    );
    put('crafted.xlsx', buildZip(xlsxParts([{ name: 'S', rows: [['a']], comments: [['__proto__', 'polluted']] }])));
    put('garbage.htm', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    put('deep.html', `<html><body>${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}</body></html>`);
    const bad = 6;

    const protoBefore = Reflect.ownKeys(Object.prototype).map(String).sort();
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), isTTY: false, env: {} };
    const db = join(dir, 'h.db');
    process.env.HASHLEDGER_STORE = join(dir, 'raw');
    const code = await main(['ingest', docs, '--db', db], io);
    await stopParseWorkers();

    expect(code).toBe(1);
    expect(({} as Record<string, unknown>).c).toBeUndefined();
    expect(Reflect.ownKeys(Object.prototype).map(String).sort()).toEqual(protoBefore);

    const lines = err.join('').trim().split('\n');
    expect(lines).toHaveLength(bad);
    const line = (name: string) => lines.find((l) => l.includes(`${name}:`)) ?? `(no line for ${name})`;
    expect(line('encrypted.pdf')).toMatch(/^ParseError: .*encrypted\.pdf: the PDF is encrypted and needs a password$/);
    expect(line('corrupt.pdf')).toMatch(/not a readable PDF/);
    expect(line('bomb.xlsx')).toMatch(/would inflate to 314572800 bytes/);
    expect(line('crafted.xlsx')).toMatch(/prototype pollution/);
    expect(line('garbage.htm')).toMatch(/binary content that is not PDF or XLSX/);
    expect(line('deep.html')).toMatch(/nests elements (too deeply|more than [0-9,]+ deep)/);

    const app = openApp({ dbPath: db, storeDir: join(dir, 'raw') });
    const rows = listDocuments(app.db);
    app.close();
    expect(rows).toHaveLength(good + 4 + bad);
    const byName = (name: string) => rows.find((r) => r.localPath?.endsWith(`/${name}`));
    for (const name of ['page.pdf', 'sheet.xlsx', 'cp1252.txt', 'scripts.html']) expect(byName(name)?.parseStatus, name).toBe('parsed');
    for (const name of ['encrypted.pdf', 'corrupt.pdf', 'bomb.xlsx', 'crafted.xlsx', 'garbage.htm', 'deep.html']) {
      expect(byName(name)?.parseStatus, name).toBe('error');
      expect(byName(name)?.parseError, name).not.toContain('\n');
    }
    expect(rows.filter((r) => r.localPath?.includes('/releases/')).every((r) => r.parseStatus === 'parsed')).toBe(true);
    expect(dbHealth(db)).toMatchObject({ integrity: 'ok', orphanFacts: 0, miscounted: 0 });
  });
});

describe('ingest with tight bounds from the environment', () => {
  it('stops the document over the heap bound, records it, and ingests the ones after it', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-bounds-'));
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    const para = '<p>Paragraph of filler text in a large page.</p>\n';
    // "a-" sorts first, so the documents after it run on a replacement worker
    writeFileSync(join(docs, 'a-large.html'), `<html><body>${para.repeat(400_000)}</body></html>`);
    const good = writeCopies(pressReleaseTemplates(), 5, join(docs, 'releases')).length;
    const saved = { heap: process.env.HASHLEDGER_PARSE_HEAP_MB, store: process.env.HASHLEDGER_STORE };
    process.env.HASHLEDGER_PARSE_HEAP_MB = '96';
    process.env.HASHLEDGER_STORE = join(dir, 'raw');
    const err: string[] = [];
    const io = { stdout: () => undefined, stderr: (s: string) => void err.push(s), isTTY: false, env: {} };
    const db = join(dir, 'b.db');
    let code: number;
    try {
      code = await main(['ingest', docs, '--db', db], io);
    } finally {
      if (saved.heap === undefined) delete process.env.HASHLEDGER_PARSE_HEAP_MB;
      else process.env.HASHLEDGER_PARSE_HEAP_MB = saved.heap;
      process.env.HASHLEDGER_STORE = saved.store;
      await stopParseWorkers();
    }
    expect(code).toBe(1);
    expect(err.join('').trim().split('\n')).toEqual([expect.stringMatching(/a-large\.html: parsing and extracting needed more than 96 MB of memory; stopped$/)]);
    expect(dbHealth(db)).toMatchObject({ integrity: 'ok', documents: good + 1, orphanFacts: 0, miscounted: 0, statuses: { parsed: good, error: 1 } });
  });
});
