/**
 * A parsed document: plain text in blocks (paragraphs, headings, list items) plus tables as
 * rows of cell strings. `text` is the blocks joined by "\n\n"; every block knows its offset in
 * it, so a locator is a character offset. Parsers build this; extractors only read it.
 */
export interface TextBlock {
  text: string;
  /** offset of the block in ParsedDocument.text */
  offset: number;
  page?: number;
  /** 'heading' when the markup or layout says so */
  role?: 'heading' | 'paragraph' | 'list-item' | 'caption';
}

export interface Table {
  index: number;
  rows: string[][];
  page?: number;
  sheet?: string;
  /** offset in ParsedDocument.text of the text just before the table (its heading or lead-in) */
  offset: number;
  /** nearest preceding text (heading or lead-in sentence), trimmed to a few hundred chars */
  context: string;
}

export interface ParsedDocument {
  mediaType: 'html' | 'pdf' | 'xlsx' | 'text';
  title?: string;
  text: string;
  blocks: TextBlock[];
  tables: Table[];
  /** parser warnings that do not stop extraction (e.g. "no text layer on page 3") */
  warnings: string[];
}
