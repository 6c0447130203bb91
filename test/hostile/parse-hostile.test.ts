import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument, parseXlsx, stopParseWorkers } from '../../src/parse/index.ts';
import { buildPdf } from './_pdf.ts';
import { buildZip, xlsxParts } from './_zip.ts';

afterAll(() => stopParseWorkers());

const MB = 1024 * 1024;
const protoKeys = () => Reflect.ownKeys(Object.prototype).map(String).sort();
const PROTO_BEFORE = protoKeys();

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect((err as Error).name).toBe('ParseError');
    const msg = (err as Error).message;
    expect(msg).not.toContain('\n');
    return msg;
  }
  throw new Error('expected a ParseError');
}

describe('PDF', () => {
  const good = buildPdf(['Hostile input test page', 'second line of the page']);

  it('reads the hand-built PDF', async () => {
    const doc = await parseDocument(good);
    expect(doc.mediaType).toBe('pdf');
    expect(doc.text).toContain('Hostile input test page');
  });

  it('refuses a truncated PDF with one line', async () => {
    for (const cut of [20, 120, good.length >> 1, good.length - 30]) {
      const bytes = good.subarray(0, cut);
      try {
        const doc = await parseDocument(bytes);
        // pdf.js may recover a cut PDF; then it is a clean parse
        expect(doc.mediaType).toBe('pdf');
      } catch (err) {
        expect((err as Error).message).toMatch(/not a readable PDF/);
      }
    }
  });

  it('refuses a PDF whose xref and objects are corrupted', async () => {
    const s = good.toString('latin1').replace(/obj/g, 'jbo').replace(/xref/, 'xxxx');
    expect(await failure(parseDocument(Buffer.from(s, 'latin1')))).toMatch(/not a readable PDF/);
  });

  it('says an encrypted PDF needs a password', async () => {
    expect(await failure(parseDocument(buildPdf(['locked page'], { encrypt: true })))).toBe('the PDF is encrypted and needs a password');
  });

  it('treats a %PDF- header on garbage as an unreadable PDF', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256))]);
    expect(await failure(parseDocument(bytes))).toMatch(/not a readable PDF/);
  });
});

describe('XLSX', () => {
  it('refuses a zip bomb by its declared size before inflating', { timeout: 120_000 }, async () => {
    // 300 MB of zeros deflates to ~300 KB
    const zeros = Buffer.alloc(300 * MB);
    const compressed = deflateRawSync(zeros, { level: 9 });
    const parts = xlsxParts([{ name: 'Sheet1', rows: [['x']] }]).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: Buffer.alloc(0), compressed, declaredSize: 300 * MB } : p,
    );
    const msg = await failure(parseDocument(buildZip(parts)));
    expect(msg).toMatch(/sheet1\.xml" would inflate to 314572800 bytes, over the \d+-byte cap/);
  });

  it('refuses a zip bomb that lies about its size, with a bounded inflate', { timeout: 120_000 }, async () => {
    const compressed = deflateRawSync(Buffer.alloc(200 * MB), { level: 9 });
    const parts = xlsxParts([{ name: 'Sheet1', rows: [['x']] }]).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: Buffer.alloc(0), compressed, declaredSize: 1000 } : p,
    );
    expect(await failure(parseDocument(buildZip(parts)))).toMatch(/sheet1\.xml" inflates past its declared 1000 bytes/);
  });

  it('reads a huge shared-string table within bounds or refuses it by size', { timeout: 120_000 }, async () => {
    const n = 400_000;
    const sst = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${n}" uniqueCount="${n}">${'<si><t>filler</t></si>'.repeat(n)}</sst>`;
    const doc = await parseDocument(buildZip(xlsxParts([{ name: 'Sheet1', rows: [['only cell']] }], { sharedStrings: sst })));
    expect(doc.tables[0]?.rows).toEqual([['only cell']]);
    const big = 2_000_000;
    const huge = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si><t>filler text</t></si>'.repeat(big)}</sst>`;
    expect(await failure(parseDocument(buildZip(xlsxParts([{ name: 'S', rows: [['a']] }], { sharedStrings: huge }))))).toMatch(
      /sharedStrings\.xml" would inflate to \d+ bytes, over the/,
    );
  });

  it('parses __proto__ / constructor / prototype as plain names and values', async () => {
    const bytes = buildZip(
      xlsxParts(
        [
          { name: '__proto__', rows: [['constructor', 'prototype'], ['__proto__', 'toString']] },
          { name: 'constructor', rows: [['prototype']] },
        ],
        { definedNames: [['__proto__', "'constructor'!$A$1"], ['constructor', 'prototype'], ['prototype', '__proto__']] },
      ),
    );
    const doc = await parseDocument(bytes);
    // xlsx files a sheet named "__proto__" where it cannot be found again: said, not dropped silently
    expect(doc.warnings).toContain('sheet "__proto__" was not read: its name is reserved in JavaScript objects');
    expect(doc.tables.map((t) => t.sheet)).toEqual(['constructor']);
    expect(doc.tables[0]!.rows).toEqual([['prototype']]);
    const cells = await parseDocument(buildZip(xlsxParts([{ name: 'S', rows: [['constructor', 'prototype'], ['__proto__', 'toString']] }])));
    expect(cells.tables[0]!.rows).toEqual([
      ['constructor', 'prototype'],
      ['__proto__', 'toString'],
    ]);
    expect(protoKeys()).toEqual(PROTO_BEFORE);
  });

  it('refuses a file crafted to pollute Object.prototype (CVE-2023-30533) and the main thread stays clean', async () => {
    const crafted = buildZip(xlsxParts([{ name: 'Sheet1', rows: [['a']], comments: [['__proto__', 'polluted']] }]));
    expect(await failure(parseDocument(crafted))).toMatch(/crafted to modify Object\.prototype\.c .*CVE-2023-30533/);
    expect(({} as Record<string, unknown>).c).toBeUndefined();
    expect(protoKeys()).toEqual(PROTO_BEFORE);
    // even read in this thread (no worker), the guard puts the prototype back
    expect(() => parseXlsx(crafted)).toThrow(/prototype pollution/);
    expect(({} as Record<string, unknown>).c).toBeUndefined();
    expect(protoKeys()).toEqual(PROTO_BEFORE);
  });

  it('refuses a truncated or garbage zip', async () => {
    const good = buildZip(xlsxParts([{ name: 'Sheet1', rows: [['a']] }]));
    expect(await failure(parseDocument(good.subarray(0, good.length - 40)))).toMatch(/not a readable spreadsheet/);
    const junk = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 0x41)]);
    expect(await failure(parseDocument(junk))).toMatch(/not a readable spreadsheet/);
  });
});

describe('HTML and text', () => {
  it('reports 100k nested <div>s as too deep, in bounded time', { timeout: 120_000 }, async () => {
    const deep = Buffer.from(`<html><body>${'<div>'.repeat(100_000)}deep text${'</div>'.repeat(100_000)}</body></html>`);
    try {
      const doc = await parseDocument(deep);
      expect(doc.text).toContain('deep text');
    } catch (err) {
      expect((err as Error).message).toMatch(/nests elements (too deeply|more than [0-9,]+ deep)/);
    }
  });

  it('parses a 50 MB HTML document, or stops it at the bounds', { timeout: 300_000 }, async () => {
    const para = '<p>Paragraph of filler text in a very large page.</p>\n';
    const html = Buffer.from(`<html><body>${para.repeat(Math.ceil((50 * MB) / para.length))}</body></html>`);
    expect(html.length).toBeGreaterThan(50 * MB);
    // a generous bound here so a loaded CI machine still parses it
    const doc = await parseDocument(html, { timeoutMs: 240_000 });
    expect(doc.blocks.length).toBeGreaterThan(900_000);
    // with tight bounds the same document is stopped, not the process
    expect(await failure(parseDocument(html, { timeoutMs: 300 }))).toBe('parsing took longer than 0.3 s; stopped');
    expect(await failure(parseDocument(html, { maxHeapMb: 48 }))).toBe('parsing needed more than 48 MB of memory; stopped');
  });

  it('calls binary garbage named .htm binary', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect(await failure(parseDocument(garbage))).toBe('binary content that is not PDF or XLSX');
  });

  it('decodes windows-1252 text and says so', async () => {
    // "café – 5 €" in windows-1252: é=0xE9, en dash=0x96, euro=0x80
    const bytes = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80, 0x0a]);
    const doc = await parseDocument(bytes);
    expect(doc.text).toBe('café – 5 €');
    expect(doc.warnings).toContain('decoded as windows-1252 (not valid UTF-8)');
  });

  it('keeps script and style text out of the parsed text', async () => {
    const html = `<html><head><style>p { color: red } .marker-style {}</style><script>var a = "marker-head";</script></head><body>
      <p>visible before</p><script>document.write("<p>marker-body</p>"); var s = "</div>marker-close";</script>
      <noscript>marker-noscript</noscript><p>visible after</p><script type="application/json">{"k":"marker-json"}</script></body></html>`;
    const doc = await parseDocument(Buffer.from(html));
    expect(doc.text).toContain('visible before');
    expect(doc.text).toContain('visible after');
    expect(doc.text).not.toMatch(/marker|color|document\.write/);
  });
});
