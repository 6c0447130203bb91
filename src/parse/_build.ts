import type { ParsedDocument, Table, TextBlock } from '../model/parsed.ts';

/**
 * Collapses runs of whitespace (including NBSP and zero-width chars) to single spaces, and writes
 * the Unicode hyphens (U+2010, non-breaking U+2011) as '-': "third\u2011quarter 2025" is the
 * quarter every rule reads as "third-quarter 2025".
 */
export function cleanText(s: string): string {
  return s
    .replace(/[\u200b\u200c\u200d\ufeff]/g, '')
    .replace(/[\u2010\u2011]/g, '-')
    // an em dash between words is an aside ("1,930.8 BTC\u2014an average of 21 BTC per day\u2014up
    // from …"): spaced, so the unit before it still ends a word
    .replace(/(?<=[A-Za-z%)])\u2014(?=[A-Za-z(])/g, ' \u2014 ')
    .replace(/[\u00a0\u2007\u202f\s]+/g, ' ')
    .trim();
}

/**
 * Accumulates blocks and tables in reading order and computes offsets, so every parser builds
 * ParsedDocument the same way.
 */
export class DocumentBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly blocks: TextBlock[] = [];
  readonly tables: Table[] = [];
  readonly warnings: string[] = [];

  addBlock(raw: string, extra: Omit<TextBlock, 'text' | 'offset'> = {}): void {
    const text = cleanText(raw);
    if (!text) return;
    if (this.parts.length) {
      this.parts.push('\n\n');
      this.length += 2;
    }
    this.blocks.push({ text, offset: this.length, ...extra });
    this.parts.push(text);
    this.length += text.length;
  }

  addTable(rows: string[][], extra: { page?: number; sheet?: string } = {}): void {
    const kept = rows.map((r) => r.map(cleanText)).filter((r) => r.some((c) => c !== ''));
    if (!kept.length) return;
    const last = this.blocks[this.blocks.length - 1];
    const context = last ? last.text.slice(-400) : '';
    this.tables.push({ index: this.tables.length, rows: kept, offset: this.length, context, ...extra });
  }

  build(mediaType: ParsedDocument['mediaType'], title?: string): ParsedDocument {
    return {
      mediaType,
      ...(title ? { title: cleanText(title) } : {}),
      text: this.parts.join(''),
      blocks: this.blocks,
      tables: this.tables,
      warnings: this.warnings,
    };
  }
}
