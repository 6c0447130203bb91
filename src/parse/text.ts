import type { ParsedDocument } from '../model/parsed.ts';
import { DocumentBuilder } from './_build.ts';

/**
 * Plain text and Markdown: paragraphs split on blank lines; Markdown pipe tables and lines
 * with aligned columns (two or more spaces, or tabs) become tables.
 */
export function parseText(text: string): ParsedDocument {
  const b = new DocumentBuilder();
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  for (const para of paragraphs) {
    const lines = para.split('\n').filter((l) => l.trim() !== '');
    if (!lines.length) continue;
    const pipeRows = lines.filter((l) => /^\s*\|.*\|\s*$/.test(l));
    if (pipeRows.length >= 2 && pipeRows.length === lines.length) {
      const rows = pipeRows
        .filter((l) => !/^\s*\|[\s:|-]+\|\s*$/.test(l))
        .map((l) => l.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()));
      b.addTable(rows);
      continue;
    }
    // dot leaders ("Bitcoin produced ........ 496.35 BTC") separate columns like runs of spaces
    const COLS = /\t+|\s*\.{3,}\s*|\s{2,}/;
    const tabular = lines.length >= 2 && lines.every((l) => /\S(\t|\s{2,}|\s*\.{3,}\s*)\S/.test(l.trim()));
    if (tabular) {
      b.addTable(lines.map((l) => l.trim().split(COLS)));
      continue;
    }
    // a bulleted list keeps one block per item ("- Bitcoin mined in November: 535")
    if (lines.length >= 2 && lines.every((l) => /^\s*(?:[-*•●▪]|\d{1,2}[.)])\s+/.test(l))) {
      for (const l of lines) b.addBlock(l.replace(/^\s*(?:[-*•●▪]|\d{1,2}[.)])\s+/, ''), { role: 'list-item' });
      continue;
    }
    const heading = lines.length === 1 && /^#{1,6}\s/.test(lines[0]!);
    b.addBlock(lines.join('\n').replace(/^#{1,6}\s+/, ''), heading ? { role: 'heading' } : {});
  }
  return b.build('text');
}
