import { describe, expect, it } from 'vitest';
import { parsePdf } from '../../src/parse/pdf.ts';
import { buildPdf, buildPdfPages } from '../hostile/_pdf.ts';

describe('parsePdf', () => {
  it('keeps the page of every block', async () => {
    const doc = await parsePdf(buildPdfPages([['First page heading', '', 'A paragraph on page one.'], ['Second page line']]));
    expect(doc.mediaType).toBe('pdf');
    expect(doc.blocks.map((b) => [b.page, b.text])).toEqual([
      [1, expect.stringContaining('First page heading')],
      [2, 'Second page line'],
    ]);
  });

  it('names an encrypted PDF as such', async () => {
    await expect(parsePdf(buildPdf(['x'], { encrypt: true }))).rejects.toThrow('the PDF is encrypted and needs a password');
  });

  it('warns when a PDF has no text layer', async () => {
    const doc = await parsePdf(buildPdfPages([[]]));
    expect(doc.warnings).toContain('the PDF has no text layer (scanned image?)');
  });
});
