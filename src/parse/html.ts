import * as cheerio from 'cheerio';
import { DomHandler, type AnyNode, type Document, type Element } from 'domhandler';
import { Parser } from 'htmlparser2';
import { ParseError } from '../errors.ts';
import type { ParsedDocument } from '../model/parsed.ts';
import { DocumentBuilder, cleanText } from './_build.ts';

const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'br', 'hr', 'center', 'body', 'html', 'form', 'figure',
  'figcaption', 'address', 'nav',
]);
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'ix:header', 'svg', 'iframe', 'object']);
/** footnote markers in superscript ("Held<sup>1</sup>") would glue onto the figure beside them */
const BULLET = /^([●•·▪■◦‣∙*–—-]|\(?[0-9a-z]{1,2}[.)])$/i;
const FOOTNOTE_MARK = /^[\s(]*[0-9*†‡§a-z]{1,3}[\s)]*$/i;
/** Real filings nest a few dozen levels; past this the walk would only risk the stack. */
export const MAX_DEPTH = 1000;

/** <sup>, or the styled span filing agents use instead ("<span style=\"vertical-align:super\">3</span>") */
function isSuperscript(el: Element): boolean {
  if (el.name.toLowerCase() === 'sup') return true;
  const style = el.attribs?.style;
  return !!style && /vertical-align\s*:\s*super\b/i.test(style);
}

/** A superscript footnote marker ("1", "(a)", "*"); read without recursion so a deep sup cannot blow the stack. */
function isFootnoteSup(sup: Element): boolean {
  let text = '';
  const stack: AnyNode[] = [...sup.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') text += (n as unknown as { data: string }).data;
    else if (n.type === 'tag') stack.push(...[...(n as Element).children].reverse());
    // a marker is a few characters; anything longer is text
    if (text.length > 200 || (text.length > 12 && text.replace(/\s+/g, '').length > 12)) return false;
  }
  return FOOTNOTE_MARK.test(text);
}

function tooDeep(): ParseError {
  return new ParseError('the document nests elements more than 1,000 deep');
}

/** Counts open elements while building the DOM, so a hostile nest stops at 1,000 instead of costing the parser quadratic time. */
class DepthGuard extends DomHandler {
  private depth = 0;
  override onopentag(name: string, attribs: Record<string, string>): void {
    if (++this.depth > MAX_DEPTH) throw tooDeep();
    super.onopentag(name, attribs);
  }
  override onclosetag(): void {
    this.depth--;
    super.onclosetag();
  }
}

/** The DOM cheerio would build with `xml: { xmlMode: false }` (htmlparser2), depth-guarded. */
function parseDom(html: string): Document {
  const options = { xmlMode: false, decodeEntities: true, lowerCaseTags: true };
  const handler = new DepthGuard(undefined, options);
  new Parser(handler, options).end(html);
  return handler.root;
}

/**
 * HTML and inline-XBRL → blocks and tables. Layout tables (one cell of text per row, as some
 * filing agents wrap paragraphs) become blocks; data tables keep rows of cells, with currency
 * and parenthesis fragments merged into the number beside them ("$", "1,234", ")").
 */
export function parseHtml(html: string): ParsedDocument {
  const $ = cheerio.load(parseDom(html), { xml: { xmlMode: false, decodeEntities: true, lowerCaseTags: true } });
  const b = new DocumentBuilder();
  let buf = '';
  const flush = (role?: 'heading' | 'list-item') => {
    if (buf.trim()) b.addBlock(buf, role ? { role } : {});
    buf = '';
  };

  const isHidden = (el: Element): boolean => {
    const style = el.attribs?.style;
    return !!style && /display\s*:\s*none/i.test(style);
  };

  const cellText = (el: Element, depth0: number): string => {
    let out = '';
    const walkCell = (n: AnyNode, depth: number) => {
      if (depth > MAX_DEPTH) throw tooDeep();
      if (n.type === 'text') out += (n as unknown as { data: string }).data;
      else if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
        const e = n as Element;
        const name = e.name.toLowerCase();
        if (SKIP_TAGS.has(name) || isHidden(e)) return;
        if (isSuperscript(e) && isFootnoteSup(e)) return;
        if (name === 'br' || BLOCK_TAGS.has(name)) out += ' ';
        for (const c of e.children) walkCell(c, depth + 1);
        if (BLOCK_TAGS.has(name)) out += ' ';
      }
    };
    walkCell(el, depth0);
    return cleanText(out);
  };

  const handleTable = (table: Element, depth: number) => {
    const rows: string[][] = [];
    $(table)
      .find('tr')
      .each((_, tr) => {
        // nested tables' rows belong to the nested table
        if ($(tr).closest('table')[0] !== table) return;
        const cells: string[] = [];
        $(tr)
          .children('td,th')
          .each((__, td) => {
            cells.push(cellText(td as Element, depth + 2));
          });
        rows.push(mergeFragments(cells));
      });
    const nonEmpty = rows.filter((r) => r.length > 0);
    // bullets laid out as two-cell rows ("●" | sentence) are prose, not data
    const prose = nonEmpty.map((r) => r.filter((c) => !BULLET.test(c)));
    const layout = nonEmpty.length > 0 && prose.every((r) => r.length <= 1);
    if (layout) {
      prose.forEach((r, i) => {
        if (r[0]) b.addBlock(r[0], nonEmpty[i]!.length > 1 ? { role: 'list-item' } : {});
      });
    } else {
      b.addTable(nonEmpty);
    }
  };

  const walk = (n: AnyNode, depth: number) => {
    if (depth > MAX_DEPTH) throw tooDeep();
    if (n.type === 'text') {
      buf += (n as unknown as { data: string }).data;
      return;
    }
    if (n.type !== 'tag' && n.type !== 'script' && n.type !== 'style' && n.type !== 'root') return;
    const el = n as Element;
    const name = (el.name ?? '').toLowerCase();
    if (SKIP_TAGS.has(name) || (el.attribs && isHidden(el))) return;
    if (name === 'table') {
      flush();
      handleTable(el, depth);
      return;
    }
    if (isSuperscript(el) && isFootnoteSup(el)) return;
    const isBlock = BLOCK_TAGS.has(name);
    const isHeading = /^h[1-6]$/.test(name);
    if (isBlock) flush();
    for (const c of el.children ?? []) walk(c, depth + 1);
    if (isBlock) flush(isHeading ? 'heading' : name === 'li' ? 'list-item' : undefined);
    else if (name === 'td' || name === 'th') buf += ' ';
  };

  const root = $.root()[0];
  if (root) for (const c of root.children) walk(c, 1);
  flush();
  const title = $('title').first().text();
  return b.build('html', title || undefined);
}

/**
 * Filing agents split "$ 1,234" and "(1,234 )" across cells; join the fragments and drop empty
 * cells so a row reads label, value, value….
 */
export function mergeFragments(cells: string[]): string[] {
  const out: string[] = [];
  for (const raw of cells) {
    const c = cleanText(raw);
    if (!c) continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && /^(?:(?:appx\.?|approx\.?|approximately|~)\s*)?(?:[$€£¥]|US\$)$|^\($|^\(\$$|^\$\($/i.test(prev)) {
      out[out.length - 1] = /\s$|[a-z.]\s*\$$/i.test(prev) ? `${prev} ${c}`.replace(/\$\s+/, '$') : prev + c;
    } else if (prev !== undefined && /^(\)|%|\)%|%\))$/.test(c) && /\d/.test(prev)) {
      out[out.length - 1] = prev + c;
    } else {
      out.push(c);
    }
  }
  return out;
}
