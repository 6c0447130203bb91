/**
 * Hostile inputs for the benchmark's bounds table: the same kinds test/hostile/ checks, timed
 * and measured here (outcome, wall time, peak RSS of this process, workers included).
 */
import { deflateRawSync } from 'node:zlib';
import { buildPdf } from '../../test/hostile/_pdf.ts';
import { buildZip, xlsxParts } from '../../test/hostile/_zip.ts';

const MB = 1024 * 1024;

export function hostileInputs(): { name: string; make: () => Buffer }[] {
  const bomb = (declared: number, inflated: number) => () =>
    buildZip(
      xlsxParts([{ name: 'S', rows: [['x']] }]).map((p) =>
        p.name === 'xl/worksheets/sheet1.xml'
          ? { ...p, data: Buffer.alloc(0), compressed: deflateRawSync(Buffer.alloc(inflated), { level: 9 }), declaredSize: declared }
          : p,
      ),
    );
  const para = '<p>Paragraph of filler text in a very large page.</p>\n';
  return [
    { name: 'encrypted PDF', make: () => buildPdf(['locked'], { encrypt: true }) },
    { name: 'truncated PDF (first half)', make: () => { const p = buildPdf(['a page of text']); return p.subarray(0, p.length >> 1); } },
    { name: 'XLSX zip bomb, declares 300 MB', make: bomb(300 * MB, 300 * MB) },
    { name: 'XLSX zip bomb, declares 1 KB, inflates to 200 MB', make: bomb(1000, 200 * MB) },
    {
      name: 'XLSX with 1.5M shared strings (25 MB inflated)',
      make: () => buildZip(xlsxParts([{ name: 'S', rows: [['a']] }], { sharedStrings: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si><t>filler</t></si>'.repeat(1_500_000)}</sst>` })),
    },
    { name: 'XLSX crafted to pollute Object.prototype', make: () => buildZip(xlsxParts([{ name: 'S', rows: [['a']], comments: [['__proto__', 'x']] }])) },
    { name: '100,000 nested <div>', make: () => Buffer.from(`<html><body>${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}</body></html>`) },
    { name: '50 MB HTML of paragraphs', make: () => Buffer.from(`<html><body>${para.repeat(Math.ceil((50 * MB) / para.length))}</body></html>`) },
    {
      name: '5 MB sentence of numbers (slow extraction)',
      make: () => Buffer.from(`<html><body><p>${Array.from({ length: 200_000 }, (_, i) => `mined ${i} bitcoin`).join(' and ')}</p></body></html>`),
    },
    { name: 'binary garbage named .htm', make: () => Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 7919 + 13) % 256)) },
  ];
}
