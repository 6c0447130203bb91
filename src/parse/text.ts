import type { ParsedDocument } from '../model/parsed.ts';
import { DocumentBuilder, cleanText } from './_build.ts';

/**
 * Plain text and Markdown. Three table shapes survive in text that was copied or scraped from a
 * release page:
 * - Markdown pipe tables ("| a | b |" on every line) keep their rows;
 * - pipe streams, where a scraper put one cell per line with "|" between cells and lost the row
 *   breaks ("Bitcoin Produced |\n322 |\n370 |"): rows are rebuilt as a label followed by values;
 * - aligned columns (two or more spaces, tabs or dot leaders), with section captions ("Bitcoin
 *   Mining") and a header line separated from the body by blank lines.
 * Everything else is paragraphs split on blank lines; bulleted lines stay one block per item.
 */
export function parseText(text: string): ParsedDocument {
  const b = new DocumentBuilder();
  const lines = unescapeNewlines(text).replace(/\r\n?/g, '\n').split('\n');
  let plain: string[] = [];
  let noStreamBefore = 0;
  let noRowsBefore = 0;
  const flushPlain = () => {
    if (plain.length) addPlain(b, plain.join('\n'));
    plain = [];
  };
  for (let i = 0; i < lines.length; ) {
    const item = bulletSentence(lines[i]!);
    if (item) {
      flushPlain();
      b.addBlock(item, { role: 'list-item' });
      i++;
      continue;
    }
    // a Markdown table inside a paragraph (a caption line above it, bullets below): every row
    // "| a | b | … |" on its own line, read as rows, not as a stream of cells
    const mdEnd = markdownRunEnd(lines, i);
    if (mdEnd > i) {
      flushPlain();
      b.addTable(markdownRows(lines.slice(i, mdEnd)));
      i = mdEnd;
      continue;
    }
    // a slide or PDF panel copied with a " |" closing every line ("Bitcoin holdings increased
    // 98% |", "TO 52,850 BTC |"): lines of prose, not cells
    const panelEnd = trailingPipeRunEnd(lines, i);
    if (panelEnd > i) {
      for (let k = i; k < panelEnd; k++) plain.push(lines[k]!.replace(/\s*\|\s*$/, ''));
      i = panelEnd;
      continue;
    }
    const end = pipeRegionEnd(lines, i);
    if (end > i) {
      flushPlain();
      addPipeRegion(b, lines.slice(i, end));
      i = end;
      continue;
    }
    // a table copied with each row's cells on one line and its label at the end of the line
    // before ("19 % -45 % Average Bitcoin Produced per Day" / "8.5 6.9 15.3"): cut into cells
    if (i >= noRowsBefore) {
      const rows = runTogetherRows(lines, i);
      if (rows.cells.length) {
        flushPlain();
        addPipeRegion(b, [rows.cells.join('|')], true);
        i = rows.end;
        continue;
      }
      noRowsBefore = rows.end;
    }
    // a table a scraper wrote one cell per line ("Bitcoin Produced\n463\n533\n375")
    // a scan that found no table covers every later start inside the same run of lines
    if (i >= noStreamBefore) {
      const stream = lineStream(lines, i);
      if (stream.table) {
        flushPlain();
        addPipeRegion(b, [lines.slice(i, stream.end).join('|')], true);
        i = stream.end;
        continue;
      }
      noStreamBefore = stream.end;
    }
    plain.push(lines[i]!);
    i++;
  }
  flushPlain();
  return b.build('text');
}

/**
 * A page scraped out of a JSON field keeps its line breaks as the two characters "\\n"; when those
 * outnumber real line breaks they are the document's lines (a sentence would otherwise run on
 * into the next heading or table row).
 */
function unescapeNewlines(text: string): string {
  const escaped = text.match(/(?:\\r)?\\n/g)?.length ?? 0;
  if (escaped < 2 || escaped <= (text.match(/\n/g)?.length ?? 0)) return text;
  return text.replace(/(?:\\r)?\\n/g, '\n').replace(/\\t/g, '\t');
}

const MD_ROW = /^\s*\|(?:[^|\n]*\|){2,}\s*$/;
const MD_SEPARATOR = /^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$/;

/** "| a | b |" lines as rows of cells, the "|---|---|" separator dropped. */
function markdownRows(lines: readonly string[]): string[][] {
  return lines.filter((l) => !/^\s*\|[\s:|-]+\|\s*$/.test(l)).map((l) => l.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()));
}

/** End of a Markdown table starting at line i: a header row, a separator row, then rows; i when there is none. */
function markdownRunEnd(lines: readonly string[], i: number): number {
  if (!MD_ROW.test(lines[i] ?? '') || !MD_SEPARATOR.test(lines[i + 1] ?? '')) return i;
  let j = i + 2;
  while (j < lines.length && MD_ROW.test(lines[j]!)) j++;
  return j;
}

/**
 * "- | Bitcoin production increased 210% to a record … in 2023 |": a page that drew its bullets as
 * a two-column table (the mark, then the item). One sentence in one cell is a list item, not a row.
 */
const BULLET_PIPE = /^\s*(?:[-*•●▪◦·]|\d{1,2}[.)])\s*\|\s*([^|]+?)\s*\|?\s*$/;
function bulletSentence(line: string): string | undefined {
  const m = BULLET_PIPE.exec(line);
  if (!m) return undefined;
  const t = m[1]!.trim();
  // a sentence: five or more words, not a value cell or a short label ("Bitcoin Produced")
  if (t.split(/\s+/).length < 5 || isValueCell(t)) return undefined;
  return t;
}

const isPipeLine = (l: string) => l.includes('|') && !bulletSentence(l);
const isMarkdownRow = (l: string) => /^\s*\|.*\|\s*$/.test(l);

/**
 * A pipe region starts at a line with "|" and runs while the lines without one between pipe
 * lines are few and short (the parts of a multi-line cell). Markdown tables are left to addPlain.
 * Returns the index after the region, or `start` when no region starts here.
 */
function pipeRegionEnd(lines: string[], start: number): number {
  const first = lines[start]!;
  if (!isPipeLine(first)) return start;
  // a Markdown table: every line of the paragraph is "| … |"
  if (isMarkdownRow(first)) {
    let j = start;
    while (j < lines.length && isMarkdownRow(lines[j]!)) j++;
    if (j - start >= 2 && (j >= lines.length || !lines[j]!.trim())) return start;
  }
  let end = start + 1;
  let pipes = 1;
  let j = start + 1;
  while (j < lines.length) {
    if (isPipeLine(lines[j]!)) {
      pipes++;
      end = j + 1;
      j++;
      continue;
    }
    // up to four short non-pipe lines may sit inside a cell ("Average Bitcoin", "Produced per Day");
    // a line ending in ":" is a heading between two lists ("Additional updates for March:"), not a cell part
    let k = j;
    while (k < lines.length && !isPipeLine(lines[k]!) && k - j < 5 && lines[k]!.trim().length <= 90 && !/:\s*$/.test(lines[k]!)) k++;
    if (k < lines.length && isPipeLine(lines[k]!) && k - j < 5) {
      j = k;
      continue;
    }
    break;
  }
  // one stray "|" in prose is not a table
  return pipes >= 3 ? end : start;
}

const TRAILING_PIPE = /^[^|]*\S\s\|\s*$/;

/** The end of a run of three or more lines that each end in " |" and hold no other pipe (blank lines allowed inside), or `start`. */
function trailingPipeRunEnd(lines: readonly string[], start: number): number {
  if (!TRAILING_PIPE.test(lines[start]!)) return start;
  let count = 0;
  let end = start;
  for (let j = start; j < lines.length; j++) {
    const l = lines[j]!;
    if (TRAILING_PIPE.test(l)) {
      count++;
      end = j + 1;
    } else if (l.trim()) break;
  }
  return count >= 3 ? end : start;
}

const LONG_CELL = 140;
const PERIODISH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(\b|-)|\b(19|20)\d\d\b|\b[1-4]?q[1-4]?\b|quarter|months?\b|year|ended|ending|ytd|change|comparison|%|\/\s*(month|year)|as of/i;
const NOISE_CELL = /^([•●▪◦o·*]|\(\d{1,2}\))?$/;

/** A value cell: a number with unit/currency/footnote, a dash for zero, or N/A. */
function isValueCell(c: string): boolean {
  // "12,581 (10,168 adj)3": a figure with a worded alternative in parentheses and a footnote mark
  const t = c.trim().replace(/\s+\((?=[^)]*[a-z])[^)]{1,30}\)\s*\d{0,2}$/i, '');
  if (/^(n\/?a|n\/m|nm|[-–—−])$/i.test(t)) return true;
  if (/^(19|20)\d\d(\s*\d)?$/.test(t)) return false; // a year header, maybe with a footnote
  return /^(~|≈|approx\.?\s*)?\(?[-–−]?\s*(US\$|C\$|\$)?\s*\(?\d[\d,]*(\.\d+)?\)?\s*(thousand|million|billion|mn|bn|k|m|b)?\s*(eh\/s|ph\/s|th\/s|j\/th|w\/th|mw|gw|btc|bitcoin|[¢c]\s*\/\s*kwh|\/kwh|%)?\s*\)?\s*(\d{1,2}(\s*,\s*\d{1,2})*)?\*?$/i.test(t);
}

/**
 * A run of short lines, one cell each, with at least three rows of a label line followed by two or
 * more value lines: a table that lost its row and cell markup. Prose lines end it. `end` is where
 * the run stops, table or not.
 */
function lineStream(lines: readonly string[], start: number): { table: boolean; end: number } {
  if (!lines[start]!.trim() || isValueCell(lines[start]!)) return { table: false, end: start };
  let j = start;
  let rows = 0;
  let run = 0;
  while (j < lines.length) {
    const t = lines[j]!.trim();
    if (!t || t.length > 90 || t.includes('|') || (/[.!?]["”]?$/.test(t) && t.split(' ').length > 8)) break;
    if (isValueCell(t)) run++;
    else {
      if (run >= 2) rows++;
      run = 0;
    }
    j++;
  }
  if (run >= 2) rows++;
  return { table: rows >= 3, end: j };
}

/** One value cell at the start of a text: a number with its unit or scale, a dash for none, N/A. */
const VALUE_TOKEN = /^(?:n\/a|n\/m|[-–—](?=\s|$)|(?:~|approx\.?\s*)?\(?[-–−]?\s*(?:US\$|C\$|\$)?\s*\d[\d,]*(?:\.\d+)?\)?(?:\s*(?:thousand|million|billion|mn|bn))?(?:\s*(?:eh\/s|ph\/s|th\/s|j\/th|w\/th|mw|gw|btc|[¢c]\s*\/\s*kwh|%))?)(?=\s|$)/i;
const MONTH_YEAR = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d(?:\s+\d(?=\s|$))?/gi;
const CHANGE_HEADS = /\b(?:month\/month|year\/year|m\/m|y\/y|mom|yoy)\b/gi;

/** A line cut into its leading value cells and the text after them ("19 % -45 % Bitcoin Held 2"). */
function leadingValues(line: string): { values: string[]; text: string } {
  const values: string[] = [];
  let rest = line.trim();
  for (let m = VALUE_TOKEN.exec(rest); m && m[0].trim(); m = VALUE_TOKEN.exec(rest)) {
    values.push(m[0].trim());
    rest = rest.slice(m[0].length).trimStart();
  }
  return { values, text: rest };
}

/** The cells of one line of a run-together table: header periods, change headings, values, a label. */
function lineCells(line: string): string[] {
  const months = line.match(MONTH_YEAR);
  if (months && months.length >= 2 && !line.replace(MONTH_YEAR, ' ').replace(/[\s|]+/g, '').length) return months.map((x) => x.trim());
  const { values, text } = leadingValues(line);
  const heads = text.match(CHANGE_HEADS);
  if (heads && heads.length >= 2 && text.search(CHANGE_HEADS) === 0) {
    const label = text.replace(CHANGE_HEADS, ' ').trim();
    return [...values, ...heads, ...(label ? [label] : [])];
  }
  return text ? [...values, text] : values;
}

/**
 * A table copied with each row's value cells on one line and each label run onto the end of the
 * line before ("Month/Month Year/Year Bitcoin Produced" / "255 215 460" / "19 % -45 % Average
 * Bitcoin Produced per Day" / "8.5 6.9 15.3"), blank lines between. Returns the run's cells, one
 * per entry, when at least three lines are all values of one width; else no cells and where the
 * scan stopped.
 */
function runTogetherRows(lines: readonly string[], start: number): { cells: string[]; end: number } {
  const first = lines[start]!.trim();
  if (!first || first.length > 90) return { cells: [], end: start + 1 };
  let j = start;
  let end = start;
  const widths = new Map<number, number>();
  for (; j < lines.length; j++) {
    const t = lines[j]!.trim();
    if (!t) continue;
    if (t.length > 90 || t.includes('|') || (/[.!?]["”]?$/.test(t) && t.split(' ').length > 8)) break;
    const { values, text } = leadingValues(t);
    if (values.length >= 2 && !text) widths.set(values.length, (widths.get(values.length) ?? 0) + 1);
    end = j + 1;
  }
  const rowsOfOneWidth = Math.max(0, ...widths.values());
  if (rowsOfOneWidth < 3) return { cells: [], end: Math.max(end, start + 1) };
  const cells = lines.slice(start, end).filter((l) => l.trim()).flatMap(lineCells);
  return { cells, end };
}

/**
 * A one-cell-per-line stream has no row marking its header: the header collects every text cell
 * before the first label. Cells beyond the rows' width are captions ("Comparison (%)", "Metric"
 * stays), and one-cell caption rows above the header become blocks before the table.
 */
function splitCaptions(b: DocumentBuilder, rows: string[][]): void {
  const width = Math.max(0, ...rows.filter((r) => r.length > 1 && r.slice(1).some(isValueCell)).map((r) => r.length));
  const h = rows.findIndex((r) => r.length > 1);
  if (h >= 0 && width > 1 && rows[h]!.length > width && !rows[h]!.slice(1).some(isValueCell)) {
    const head = rows[h]!;
    rows.splice(h, 1, ...head.slice(0, head.length - width).map((t) => [t]), head.slice(head.length - width));
  }
  while (rows.length > 1 && rows[0]!.length === 1 && rows.some((r) => r.length > 1)) b.addBlock(rows.shift()![0]!);
}

function addPipeRegion(b: DocumentBuilder, lines: string[], streamed = false): void {
  const cells = lines
    .join('\n')
    .split('|')
    .map((c) => cleanText(c))
    .filter((c) => !NOISE_CELL.test(c));
  let rows: string[][] = [];
  let texts: string[] = [];
  let values: string[] = [];
  const closeRow = () => {
    if (!values.length) return;
    const label = texts.pop() ?? '';
    // text cells before the label: a header ("Metric | August 2024 | July 2024") or a caption
    if (texts.length) {
      // the header runs to its last period-like cell; what follows is a caption ("Bitcoin Mining")
      let k = texts.length - 1;
      while (k >= 0 && !PERIODISH.test(texts[k]!)) k--;
      if (k >= 0) rows.push(texts.slice(0, k + 1));
      for (const t of texts.slice(k + 1)) rows.push([t]);
    }
    rows.push([label, ...values]);
    texts = [];
    values = [];
  };
  const flushTable = () => {
    closeRow();
    if (texts.length && rows.length) rows.push(...texts.map((t) => [t]));
    else if (texts.length) for (const t of texts) b.addBlock(t);
    texts = [];
    if (streamed) splitCaptions(b, rows);
    if (rows.some((r) => r.length > 1)) b.addTable(rows);
    else for (const r of rows) b.addBlock(r.join(' '));
    rows = [];
  };
  for (const c of cells) {
    if (c.length > LONG_CELL || (/[.!?]["”]?$/.test(c) && c.split(' ').length > 8)) {
      // prose inside the pipes ends the table it interrupts
      flushTable();
      b.addBlock(c);
      continue;
    }
    if (isValueCell(c)) values.push(c);
    else {
      closeRow();
      texts.push(c);
    }
  }
  flushTable();
}

/** dot leaders ("Bitcoin produced ........ 496.35 BTC") separate columns like runs of spaces */
const COLS = /\t+|\s*\.{3,}\s*|\s{2,}/;
const GAP = /\S(\t|\s{2,}|\s*\.{3,}\s*)\S/;

/** A line of an aligned table: short cells separated by wide gaps, not two sentences. */
function isAlignedRow(line: string): boolean {
  const t = line.trim();
  if (!GAP.test(t)) return false;
  const cells = t.split(COLS);
  if (cells.length < 2) return false;
  if (cells[0]!.length > 100) return false;
  return cells.slice(1).every((c) => c.length <= 40);
}

/** A section caption inside an aligned table ("Bitcoin Mining", "AI Cloud"). */
const isCaption = (line: string) => {
  const t = line.trim();
  return t.length > 0 && t.length <= 50 && !/[.:;,]$/.test(t) && !/^\s*(?:[-*•●▪]|\d{1,2}[.)])\s+/.test(line);
};

const BULLET = /^\s*(?:[-*•●▪]|\d{1,2}[.)])\s+/;

/** A line that goes on in the next one: it ends mid-phrase, the next one starts in lower case, or a figure's unit follows it. */
const CONTINUES = /[a-z,;:(\-–—/&$'’]\s*$/;
const UNIT_START = /^\s*(?:bitcoins?|btc|eh\/s|ph\/s|j\/th|w\/th|mw|million|billion)\b/i;
const STARTS_LOWER = /^\s*[a-z(]/;
/** "Energized hashrate increased 64%" / "TO 60.4 EH/S IN Q3 2025": a phrase set in capitals that goes on from the line before */
const CAPS_GOES_ON = /^\s*(?:IN|TO|FOR|FROM|AT|BY|ON|OF|AS OF|VS\.?|COMPARED)\s+\S/;

/**
 * A capitalised line much longer than the one before cannot be the wrap of it, nor can any line
 * follow one longer than a wrap width: a wrapped line is cut near the width the lines before it fill ("… has deployed over 6.0 EH/s to date" / "The
 * Company purchased …" are two list items that lost their marks).
 */
const longerCapitalLine = (prev: string, line: string) =>
  /^\s*[A-Z]/.test(line) && (line.trim().length > prev.trim().length + 15 || prev.trim().length > 130 || headlineVerbLine(prev, line));

/**
 * "Achieves record annual revenue of $173.8 million" / "Increases Bitcoin holdings 100% in 2021 to
 * 5,518": headline lines, each opened by a capitalised verb, after a line that does not end mid-phrase.
 */
const headlineVerbLine = (prev: string, line: string) =>
  /^\s*(?:[A-Z][a-z]+(?:es|s|ed))\s+\S/.test(line) && !/\b(?:the|a|an|of|to|in|on|at|by|for|with|and|or|from|as|its|our|their|that|which)\s*$|,\s*$/i.test(prev);

/**
 * Lines of one paragraph, grouped into the runs that belong together. A text copied from a page
 * keeps its headline, sub-headline and dateline as lines of one paragraph ("… Update for October
 * 2023" / "At 9,113 BTC, …"): a line that ends on a figure, a date or a capitalized word and a next
 * line that starts with a capital are two statements. Hard-wrapped prose (a line ending mid-phrase,
 * or a next line in lower case) stays one run.
 */
function lineRuns(lines: readonly string[]): string[][] {
  const runs: string[][] = [];
  // a wrapped line is nearly as long as the paragraph's longest; a short one before a capital ends
  // its statement ("… beating expectations of a -$0.32 loss" / "MARA's hashrate increased …")
  const width = Math.max(0, ...lines.map((l) => l.trim().length));
  for (const line of lines) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    const shortBeforeCapital = prev !== undefined && /^\s*[A-Z]/.test(line) && prev.trim().length < 0.75 * width;
    const joined = prev !== undefined && (STARTS_LOWER.test(line) || (CAPS_GOES_ON.test(line) && /[a-z]/.test(prev) && !/[.!?:]["”’)]?\s*$/.test(prev)) || (CONTINUES.test(prev) && !/[.!?]["”’)]?\s*$/.test(prev) && !longerCapitalLine(prev, line) && !shortBeforeCapital) || (/\d\s*$/.test(prev) && !/\b(?:19|20)\d\d\s*$/.test(prev) && UNIT_START.test(line)));
    if (joined) run!.push(line);
    else runs.push([line]);
  }
  return runs;
}

function addPlain(b: DocumentBuilder, text: string): void {
  const paragraphs = text.split(/\n\s*\n/);
  let pending: string[][] | undefined;
  const flushPending = () => {
    if (pending && pending.filter((r) => r.length > 1).length >= 2) b.addTable(pending);
    else if (pending) for (const r of pending) b.addBlock(r.join('  '));
    pending = undefined;
  };
  for (const para of paragraphs) {
    const lines = para.split('\n').filter((l) => l.trim() !== '');
    if (!lines.length) continue;
    const pipeRows = lines.filter((l) => /^\s*\|.*\|\s*$/.test(l));
    if (pipeRows.length >= 2 && pipeRows.length === lines.length) {
      flushPending();
      b.addTable(markdownRows(pipeRows));
      continue;
    }
    const aligned = lines.filter(isAlignedRow).length;
    const tabular = aligned >= 1 && lines.every((l) => isAlignedRow(l) || isCaption(l)) && (aligned >= 2 || (aligned === 1 && lines.length === 1));
    if (tabular) {
      // a lone header line, a caption, and the body often sit in separate paragraphs: join them
      pending = [...(pending ?? []), ...lines.map((l) => (isAlignedRow(l) ? l.trim().split(COLS) : [l.trim()]))];
      continue;
    }
    // a lone caption between two parts of an aligned table
    if (pending && lines.length === 1 && isCaption(lines[0]!)) {
      pending.push([lines[0]!.trim()]);
      continue;
    }
    flushPending();
    // a bulleted list keeps one block per item ("- Bitcoin mined in November: 535")
    if (lines.length >= 2 && lines.every((l) => BULLET.test(l))) {
      for (const l of lines) b.addBlock(l.replace(BULLET, ''), { role: 'list-item' });
      continue;
    }
    // a list wrapped at a fixed width: each item runs from its mark to the next one; lines before
    // the first mark are the list's caption
    const marks = lines.filter((l) => /^\s*[-*•●▪]\s+\S/.test(l)).length;
    if (marks >= 2 && lines.filter((l) => BULLET.test(l)).length === marks) {
      const items: string[][] = [[]];
      for (const l of lines) {
        if (BULLET.test(l)) items.push([l.replace(BULLET, '')]);
        else items[items.length - 1]!.push(l);
      }
      // the caption may itself be several headline lines
      for (const run of lineRuns(items[0]!)) b.addBlock(run.join('\n'));
      for (const it of items.slice(1)) b.addBlock(it.join('\n'), { role: 'list-item' });
      continue;
    }
    const heading = lines.length === 1 && /^#{1,6}\s/.test(lines[0]!);
    if (heading) {
      b.addBlock(lines[0]!.replace(/^#{1,6}\s+/, ''), { role: 'heading' });
      continue;
    }
    for (const run of lineRuns(lines)) b.addBlock(run.join('\n'));
  }
  flushPending();
}
