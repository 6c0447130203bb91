import type { ParsedDocument } from '../model/parsed.ts';
import { ParseError } from '../errors.ts';
import { DocumentBuilder } from './_build.ts';

/** pdf.js and pdf-parse name their failures; say which in words a user can act on. */
function pdfError(err: unknown): ParseError {
  const name = (err as { name?: string })?.name ?? '';
  const message = (err as Error)?.message ?? String(err);
  if (name === 'PasswordException' || /password/i.test(message)) {
    return new ParseError('the PDF is encrypted and needs a password', {}, { cause: err });
  }
  return new ParseError(`not a readable PDF (${message})`, {}, { cause: err });
}

/**
 * PDF → blocks per page (paragraphs split on blank lines), and tables where pdf-parse's
 * geometry finds ruled tables. Investor updates are often slides: short lines, so lines that
 * look tabular (label then numbers separated by wide gaps) also become table rows.
 */
export async function parsePdf(bytes: Uint8Array): Promise<ParsedDocument> {
  // pdf.js is ~150 MB and most of a second to load: only when a PDF arrives
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    let result;
    try {
      result = await parser.getText();
    } catch (err) {
      throw pdfError(err);
    }
    const b = new DocumentBuilder();
    for (const page of result.pages) {
      const lines = page.text.replace(/\r\n?/g, '\n').split('\n');
      let para: string[] = [];
      let tab: string[][] = [];
      const flushPara = () => {
        if (para.length) b.addBlock(para.join('\n'), { page: page.num });
        para = [];
      };
      const flushTab = () => {
        if (tab.length >= 2) b.addTable(tab, { page: page.num });
        else for (const r of tab) b.addBlock(r.join(' '), { page: page.num });
        tab = [];
      };
      for (const line of lines) {
        const t = line.trim();
        if (!t) {
          flushPara();
          flushTab();
          continue;
        }
        const cells = t.split(/\t+|\s{3,}/);
        if (cells.length >= 2 && cells.slice(1).some((c) => /\d/.test(c))) {
          flushPara();
          tab.push(cells);
        } else {
          flushTab();
          para.push(t);
        }
      }
      flushPara();
      flushTab();
    }
    if (!b.blocks.length && !b.tables.length) b.warnings.push('the PDF has no text layer (scanned image?)');
    return b.build('pdf');
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
