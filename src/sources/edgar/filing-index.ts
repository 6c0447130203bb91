import * as cheerio from 'cheerio';

/** A file in a filing folder; `type` is the EDGAR document type (8-K, EX-99.1, GRAPHIC…) when known. */
export interface FilingDocument {
  name: string;
  type?: string;
  description?: string;
  sequence?: number;
}

/**
 * `{accession}-index.htm`: the "Document Format Files" table (Seq, Description, Document,
 * Type, Size). Inline XBRL documents link through `/ix?doc=…` and carry an "iXBRL" suffix.
 */
export function parseFilingIndexHtm(html: string): FilingDocument[] {
  const $ = cheerio.load(html);
  const out: FilingDocument[] = [];
  $('table.tableFile').first().find('tr').each((_, tr) => {
    const cells = $(tr).find('td');
    if (cells.length < 4) return;
    const link = cells.eq(2).find('a').first();
    const href = link.attr('href') ?? '';
    const fromHref = href.replace(/^.*[?&]doc=/, '').split('/').pop() ?? '';
    const name = (fromHref || link.text().trim().split(/\s+/)[0] || '').trim();
    if (!name) return;
    const seq = Number(cells.eq(0).text().trim());
    const doc: FilingDocument = { name };
    const type = cells.eq(3).text().trim();
    if (type) doc.type = type;
    const description = cells.eq(1).text().trim();
    if (description) doc.description = description;
    if (Number.isFinite(seq) && seq > 0) doc.sequence = seq;
    out.push(doc);
  });
  return out;
}

/** Folder entries that are never documents: the index pages, XBRL plumbing, images, the full submission .txt. */
const NOT_A_DOCUMENT = /-index(-headers)?\.html?$|\.(json|xml|xsd|jpg|jpeg|gif|png|zip|css|js|xlsx)$|^R\d+\.htm$|^\d{10}-\d{2}-\d{6}\.txt$/i;

/** `index.json` names only; the exhibit type is guessed from names like `ex99-1`, `dex991`, `ex99_01`. */
export function documentsFromIndexJson(items: readonly { name: string }[]): FilingDocument[] {
  return items
    .filter((i) => !NOT_A_DOCUMENT.test(i.name))
    .map((i) => {
      const type = guessExhibitType(i.name);
      return type ? { name: i.name, type } : { name: i.name };
    });
}

export function guessExhibitType(name: string): string | undefined {
  const m = /(?:^|[^a-z])d?(?:exhibit|ex)-?99(?:[._-]?(\d{1,2}))?(?=[^\d]|$)/i.exec(name);
  if (!m) return undefined;
  return m[1] ? `EX-99.${m[1]}` : 'EX-99';
}

const PRESS_RELEASE_TYPE = /^EX-99(?:\.(\d+))?[A-Z]?$/i;
const READABLE = /\.(htm|html|txt|pdf)$/i;

/**
 * The press releases of an 8-K/6-K: EX-99, EX-99.1, EX-99.01, EX-99.2 … in exhibit order,
 * readable formats only. The primary document of such a filing is only its cover.
 */
export function pickPressReleases(docs: readonly FilingDocument[], max = 5): FilingDocument[] {
  return docs
    .filter((d) => d.type && PRESS_RELEASE_TYPE.test(d.type.trim()) && READABLE.test(d.name))
    .sort((a, b) => exhibitNumber(a.type!) - exhibitNumber(b.type!) || (a.sequence ?? 0) - (b.sequence ?? 0))
    .slice(0, max);
}

function exhibitNumber(type: string): number {
  const m = PRESS_RELEASE_TYPE.exec(type.trim());
  return m?.[1] ? Number(m[1]) : 0;
}
