/** EDGAR over the shared HttpClient: ticker → CIK, filing lists, folder contents, companyfacts, full-text search. */
import { NotFoundError } from '../../errors.ts';
import type { FetchResult, HttpClient } from '../http.ts';
import { documentsFromIndexJson, parseFilingIndexHtm, type FilingDocument } from './filing-index.ts';
import { readFullTextHits, type FullTextHit } from './fulltext.ts';
import { CompanyFacts, CompanyTickers, FilingColumns, FilingIndexJson, FullTextSearch, Submissions, parseJsonAs } from './schemas.ts';
import { filingsFromColumns, formMatches, readSubmissions, type FilingRef } from './submissions.ts';
import { edgarUrls, padCik } from './urls.ts';

export class EdgarClient {
  private tickers: Map<string, string> | undefined;

  constructor(readonly http: HttpClient) {}

  /** company_tickers.json as ticker → 10-digit CIK (fetched once per client, cached a day). */
  async tickerMap(): Promise<Map<string, string>> {
    if (this.tickers) return this.tickers;
    const url = edgarUrls.tickers();
    const res = await this.http.get(url, { accept: 'application/json' });
    const data = parseJsonAs(CompanyTickers, res.bytes, url);
    this.tickers = new Map(Object.values(data).map((r) => [r.ticker.toUpperCase(), padCik(r.cik_str)]));
    return this.tickers;
  }

  /** Filings of one CIK filed on/after `since` in the wanted forms, oldest first; older pages fetched only when they can matter. */
  async listFilings(cik: string, opts: { since?: string; until?: string; forms?: readonly string[] } = {}): Promise<FilingRef[]> {
    const url = edgarUrls.submissions(cik);
    const res = await this.http.get(url, { accept: 'application/json' });
    const { filings, olderPages } = readSubmissions(parseJsonAs(Submissions, res.bytes, url), opts.since);
    const all = [...filings];
    for (const name of olderPages) {
      const pageUrl = edgarUrls.submissionsPage(name);
      const page = await this.http.get(pageUrl, { accept: 'application/json' });
      all.push(...filingsFromColumns(cik, parseJsonAs(FilingColumns, page.bytes, pageUrl)));
    }
    const seen = new Set<string>();
    return all
      .filter((f) => (!opts.since || f.filingDate >= opts.since) && (!opts.until || f.filingDate <= opts.until))
      .filter((f) => !opts.forms || formMatches(f.form, opts.forms))
      .filter((f) => !seen.has(f.accession) && !!seen.add(f.accession))
      .sort((a, b) => a.filingDate.localeCompare(b.filingDate) || a.accession.localeCompare(b.accession));
  }

  /** The files of a filing with their document types: `-index.htm` (has types), else `index.json` (types guessed from names). */
  async filingDocuments(ref: Pick<FilingRef, 'cik' | 'accession'>): Promise<FilingDocument[]> {
    const htm = edgarUrls.filingIndexHtm(ref.cik, ref.accession);
    try {
      const res = await this.http.get(htm, { accept: 'text/html' });
      const docs = parseFilingIndexHtm(Buffer.from(res.bytes).toString('utf8'));
      if (docs.length) return docs;
    } catch (err) {
      // offline, a page never fetched is as good as missing: index.json may be cached
      if (!(err instanceof NotFoundError) && !this.http.offline) throw err;
    }
    const json = edgarUrls.filingIndexJson(ref.cik, ref.accession);
    const res = await this.http.get(json, { accept: 'application/json' });
    return documentsFromIndexJson(parseJsonAs(FilingIndexJson, res.bytes, json).directory.item);
  }

  documentUrl(ref: Pick<FilingRef, 'cik' | 'accession'>, name: string): string {
    return edgarUrls.document(ref.cik, ref.accession, name);
  }

  fetch(url: string): Promise<FetchResult> {
    return this.http.get(url);
  }

  /** companyfacts JSON, or undefined for a filer with no XBRL facts (404). */
  async companyFacts(cik: string): Promise<{ res: FetchResult; data: CompanyFacts } | undefined> {
    const url = edgarUrls.companyFacts(cik);
    try {
      const res = await this.http.get(url, { accept: 'application/json' });
      return { res, data: parseJsonAs(CompanyFacts, res.bytes, url) };
    } catch (err) {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    }
  }

  /** EDGAR full-text search (2001 on): files whose text contains the phrase. */
  async fullTextSearch(q: Parameters<typeof edgarUrls.fullTextSearch>[0]): Promise<FullTextHit[]> {
    const url = edgarUrls.fullTextSearch(q);
    const res = await this.http.get(url, { accept: 'application/json' });
    return readFullTextHits(parseJsonAs(FullTextSearch, res.bytes, url));
  }
}
