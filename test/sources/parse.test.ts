import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentsFromIndexJson, guessExhibitType, parseFilingIndexHtm, pickPressReleases } from '../../src/sources/edgar/filing-index.ts';
import { readFullTextHits } from '../../src/sources/edgar/fulltext.ts';
import { CompanyFacts, FilingColumns, FilingIndexJson, FullTextSearch, parseJsonAs, Submissions } from '../../src/sources/edgar/schemas.ts';
import { formMatches, readSubmissions, filingsFromColumns } from '../../src/sources/edgar/submissions.ts';
import { edgarUrls, padCik } from '../../src/sources/edgar/urls.ts';
import { classifyUnit, companyFactsToFacts } from '../../src/sources/edgar/xbrl.ts';
import { parseIrListing, parseJsonList, toIsoDate } from '../../src/sources/ir/listing.ts';
import { loadRegistry } from '../../src/registry/companies.ts';
import { ExtractedFact } from '../../src/model/fact.ts';
import { ParseError } from '../../src/errors.ts';

const EDGAR = join(import.meta.dirname, '..', 'fixtures', 'edgar');
const IR = join(import.meta.dirname, '..', 'fixtures', 'ir');
const read = (root: string, p: string) => readFileSync(join(root, p));

describe('EDGAR URLs', () => {
  it('pads CIKs for data.sec.gov and strips them for Archives folders', () => {
    expect(padCik('827876')).toBe('0000827876');
    expect(edgarUrls.submissions(827876)).toBe('https://data.sec.gov/submissions/CIK0000827876.json');
    expect(edgarUrls.filingIndexHtm('0000827876', '0001193125-25-297163')).toBe(
      'https://www.sec.gov/Archives/edgar/data/827876/000119312525297163/0001193125-25-297163-index.htm',
    );
    expect(edgarUrls.fullTextSearch({ q: '"bitcoin mining update"', forms: ['8-K'], ciks: ['827876'], startdt: '2024-01-01' })).toBe(
      'https://efts.sec.gov/LATEST/search-index?q=%22bitcoin+mining+update%22&forms=8-K&ciks=0000827876&dateRange=custom&startdt=2024-01-01',
    );
  });
});

describe('submissions', () => {
  const url = 'https://data.sec.gov/submissions/CIK0000827876.json';
  const sub = parseJsonAs(Submissions, read(EDGAR, 'data.sec.gov/submissions/CIK0000827876.json'), url);

  it('turns the parallel arrays into filings and lists older pages that can matter', () => {
    const { filings, olderPages } = readSubmissions(sub);
    expect(filings.map((f) => [f.form, f.accession, f.filingDate])).toEqual([
      ['10-K', '0001193125-25-297510', '2025-11-25'],
      ['8-K', '0001193125-25-297163', '2025-11-25'],
      ['8-K', '0000950170-24-110388', '2024-09-30'],
    ]);
    expect(filings[0]).toMatchObject({ cik: '0000827876', reportDate: '2025-09-30', primaryDocument: 'clsk-20250930.htm' });
    expect(olderPages).toEqual(['CIK0000827876-submissions-001.json']);
    // the page ends 2024-05-09: a sync since 2024-06-01 never fetches it
    expect(readSubmissions(sub, '2024-06-01').olderPages).toEqual([]);
    const page = parseJsonAs(FilingColumns, read(EDGAR, 'data.sec.gov/submissions/CIK0000827876-submissions-001.json'), 'page');
    expect(filingsFromColumns('827876', page)[0]).toMatchObject({ form: '10-Q', reportDate: '2024-03-31', primaryDocument: 'clsk-20240331.htm' });
  });

  it('matches amendments to their base form', () => {
    expect(formMatches('8-K/A', ['8-K'])).toBe(true);
    expect(formMatches('6-K', ['8-K', '10-Q'])).toBe(false);
    expect(formMatches('10-k', ['10-K'])).toBe(true);
  });

  it('names the field when the JSON has the wrong shape', () => {
    const err = (() => {
      try {
        parseJsonAs(Submissions, '{"cik":"1","filings":{}}', url);
      } catch (e) {
        return e as ParseError;
      }
    })();
    expect(err).toBeInstanceOf(ParseError);
    expect(err!.where).toMatchObject({ file: url, field: 'filings.recent' });
    expect(() => parseJsonAs(Submissions, '<html>', url)).toThrow(/expected JSON/);
  });
});

describe('filing index', () => {
  it('reads document types from -index.htm, through /ix?doc= links', () => {
    const html = read(EDGAR, 'www.sec.gov/Archives/edgar/data/827876/000119312525297163/0001193125-25-297163-index.htm').toString('utf8');
    expect(parseFilingIndexHtm(html)).toEqual([{ name: 'clsk-20251125.htm', type: '8-K', description: '8-K', sequence: 1 }]);
  });

  it('falls back to index.json names, guessing exhibit types and dropping the folder plumbing', () => {
    const j = parseJsonAs(FilingIndexJson, read(EDGAR, 'www.sec.gov/Archives/edgar/data/827876/000095017024110388/index.json'), 'index.json');
    const docs = documentsFromIndexJson(j.directory.item);
    expect(docs.map((d) => d.name)).toEqual(['clsk-20240930.htm', 'clsk-ex99_1.htm']);
    expect(pickPressReleases(docs).map((d) => [d.name, d.type])).toEqual([['clsk-ex99_1.htm', 'EX-99.1']]);
  });

  it('picks EX-99.x press releases in exhibit order, never the cover or graphics', () => {
    const docs = [
      { name: 'cover.htm', type: '8-K' },
      { name: 'ex992.htm', type: 'EX-99.2' },
      { name: 'logo.jpg', type: 'GRAPHIC' },
      { name: 'ex99.htm', type: 'EX-99' },
      { name: 'ex9901.htm', type: 'EX-99.01' },
      { name: 'ex101.htm', type: 'EX-10.1' },
      { name: 'deck.pdf', type: 'EX-99.3' },
    ];
    expect(pickPressReleases(docs).map((d) => d.type)).toEqual(['EX-99', 'EX-99.01', 'EX-99.2', 'EX-99.3']);
    expect(guessExhibitType('d123dex991.htm')).toBe('EX-99.1');
    expect(guessExhibitType('ea0269526ex99-1_bitdigital.htm')).toBe('EX-99.1');
    expect(guessExhibitType('clsk-20240930.htm')).toBeUndefined();
  });
});

describe('full-text search', () => {
  it('reads accession and file name from each hit', () => {
    const res = parseJsonAs(FullTextSearch, read(EDGAR, 'efts.sec.gov/LATEST/search-index'), 'efts');
    expect(readFullTextHits(res)).toEqual([
      { accession: '0000950170-24-110388', cik: '0000827876', form: '8-K', fileDate: '2024-09-30', fileName: 'clsk-ex99_1.htm', fileType: 'EX-99.1', periodEnding: '2024-09-30' },
    ]);
  });
});

describe('companyfacts → btc_held', () => {
  const cf = parseJsonAs(CompanyFacts, read(EDGAR, 'data.sec.gov/api/xbrl/companyfacts/CIK0000827876.json'), 'companyfacts');

  it('turns bitcoin-unit counts confirmed by fair value into facts with an xbrl locator', () => {
    const { facts } = companyFactsToFacts(cf);
    expect(facts.map((f) => [f.asOf, f.value, f.confidence])).toEqual([
      ['2023-09-30', 2243, 0.9],
      ['2024-03-31', 5021, 0.9],
    ]);
    for (const f of facts) {
      expect(ExtractedFact.safeParse(f).success).toBe(true);
      expect(f.locator).toEqual({ kind: 'xbrl', concept: 'us-gaap:CryptoAssetNumberOfUnits' });
      expect(f.snippet).toContain('0000950170-24-056937');
    }
  });

  /** The same real figures (CLSK 10-Q, 2024-03-31: 5,021 BTC, fair value $357,981k) under the unit spellings filers use. */
  const variant = (unit: string, val: number, fairValueUsd?: number, start?: string) =>
    CompanyFacts.parse({
      cik: 827876,
      facts: {
        'us-gaap': {
          CryptoAssetNumberOfUnits: { units: { [unit]: [{ ...(start ? { start } : {}), end: '2024-03-31', val, accn: '0000950170-24-056937', form: '10-Q', filed: '2024-05-09' }] } },
          ...(fairValueUsd ? { CryptoAssetFairValue: { units: { USD: [{ end: '2024-03-31', val: fairValueUsd, accn: '0000950170-24-056937', form: '10-Q', filed: '2024-05-09' }] } } } : {}),
        },
      },
    });

  it('classifies unit spellings', () => {
    expect(['Bitcoin', 'bitcoin', 'BTC', 'Bitcoins'].map(classifyUnit)).toEqual(['btc', 'btc', 'btc', 'btc']);
    expect(['item', 'Unit', 'pure'].map(classifyUnit)).toEqual(['ambiguous', 'ambiguous', 'ambiguous']);
    expect(classifyUnit('USD')).toBe('usd');
    expect(classifyUnit('ETH')).toBe('other');
  });

  it('doubts what it cannot cross-check and rescales a count tagged as USD ×1000', () => {
    expect(companyFactsToFacts(variant('bitcoin', 5021)).facts[0]).toMatchObject({ value: 5021, confidence: 0.75 });
    expect(companyFactsToFacts(variant('item', 5021, 357_981_000)).facts[0]).toMatchObject({ value: 5021, confidence: 0.7 });
    expect(companyFactsToFacts(variant('Unit', 5021)).facts[0]).toMatchObject({ value: 5021, confidence: 0.4 });
    const usd = companyFactsToFacts(variant('USD', 5_021_000, 357_981_000)).facts[0]!;
    expect(usd).toMatchObject({ value: 5021, confidence: 0.5 });
    expect(usd.notes).toMatch(/×1000/);
  });

  it('refuses durations, other coins, USD counts without proof, and counts whose implied price is not a bitcoin price', () => {
    // duration: BTBT tags miners sold over nine months as a count (7,900 in its 2025-09-30 10-Q)
    expect(companyFactsToFacts(variant('Bitcoins', 7900, undefined, '2025-01-01')).facts).toEqual([]);
    // BTBT's native staked ETH at 2024-12-31
    expect(companyFactsToFacts(variant('ETH', 21_568)).facts).toEqual([]);
    expect(companyFactsToFacts(variant('USD', 5_021_000)).facts).toEqual([]);
    // 5,021,000 "bitcoin" against $357,981k is $71 a coin: a scale mistake, not a holding
    const r = companyFactsToFacts(variant('Bitcoin', 5_021_000, 357_981_000));
    expect(r.facts).toEqual([]);
    expect(r.skipped[0]).toMatch(/not a bitcoin price/);
  });
});

describe('IR listings', () => {
  const registry = loadRegistry();
  const feedOf = (t: string) => registry.find((c) => c.ticker === t)!.irFeeds[0]!;

  it('normalizes listing dates', () => {
    expect(toIsoDate('Jun 04, 2024')).toBe('2024-06-04');
    expect(toIsoDate('Fri, 06 Dec 2024 08:00:00 -0500')).toBe('2024-12-06');
    expect(toIsoDate('December 2, 2022')).toBe('2022-12-02');
    expect(toIsoDate('06/04/2024')).toBe('2024-06-04');
    expect(toIsoDate('2025-11-03T07:00:00Z')).toBe('2025-11-03');
    expect(toIsoDate('soon')).toBeUndefined();
  });

  it('reads the CleanSpark news page with the registry selectors and title filter', () => {
    const feed = feedOf('CLSK');
    expect(feed.kind).toBe('html-list');
    const items = parseIrListing(read(IR, 'cleanspark/news-events/press-releases'), feed, 'https://investors.cleanspark.com/news-events/press-releases');
    expect(items).toEqual([
      { url: 'https://investors.cleanspark.com/news-releases/news-release-details/cleanspark-releases-may-2024-bitcoin-mining-update', title: 'CleanSpark Releases May 2024 Bitcoin Mining Update', date: '2024-06-04' },
      { url: 'https://investors.cleanspark.com/news-releases/news-release-details/cleanspark-releases-november-2022-bitcoin-mining-update', title: 'CleanSpark Releases November 2022 Bitcoin Mining Update', date: '2022-12-02' },
    ]);
  });

  it('reads the IREN and Cango RSS feeds', () => {
    const iren = parseIrListing(read(IR, 'iren/rss/news-releases.xml'), feedOf('IREN'));
    expect(iren.map((i) => [i.date, i.title])).toEqual([['2024-12-06', 'IREN November 2024 Monthly Investor Update']]);
    expect(iren[0]!.url).toBe('https://investors.iren.com/news-releases/news-release-details/iren-november-2024-monthly-investor-update');
    const cango = parseIrListing(read(IR, 'cango/rss/news-releases.xml'), feedOf('CANG'));
    expect(cango.map((i) => i.date)).toEqual(['2025-11-03']);
  });

  it('reads a JSON list (Q4-style GetPressReleaseListResult)', () => {
    const json = JSON.stringify({ GetPressReleaseListResult: [{ Headline: 'May 2024 Bitcoin Mining Update', LinkToDetailPage: '/news/may-2024', PressReleaseDate: '06/04/2024 08:00:00' }] });
    expect(parseJsonList(json, 'https://ir.example.com/feed')).toEqual([{ url: 'https://ir.example.com/news/may-2024', title: 'May 2024 Bitcoin Mining Update', date: '2024-06-04' }]);
  });
});
