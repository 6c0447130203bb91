import type { ParsedDocument, Table, TextBlock } from '../model/parsed.ts';

/** Collapses runs of whitespace (including NBSP and zero-width chars) to single spaces. */
export function cleanText(s: string): string {
  return s
    .replace(/[\u200b\u200c\u200d\ufeff]/g, '')
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
