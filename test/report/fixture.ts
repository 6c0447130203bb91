/**
 * A fixed set of facts for report tests, every figure read off a real document:
 *  - Cango: /work/realdocs/CANG (press coverage of its Dec 2025 and Jan 2026 updates and of
 *    the 6-K of 2026-02-09 on the sale of 4,451 BTC for about US$305 million); URLs from
 *    /work/realdocs/index.json. The sale's period: the 6-K summary says the sale was
 *    completed on 2026-02-09, The Miner Mag says it happened over the weekend (Feb 7–8).
 *  - CleanSpark: 10-Qs in shared/corpus/sec/CLSK (labels.jsonl; labels for the company's
 *    cost lines read off the tables), May 2024 update (prnewswire).
 *  - Bit Digital: 10-Q for 2025-09-30 (EDGAR URL from shared/corpus/filing-lists/btbt.json), 10-Q 2025-06-30.
 *  - Riot: April 2025 update (cryptonewslet); Bitfarms: September 2023 update (Binance/Cointelegraph).
 * Snippets are short paraphrases in our own words carrying the document's figures.
 */
import { openDb, type Db } from '../../src/db/client.ts';
import { recordDocument, upsertCompanies } from '../../src/db/queries.ts';
import type { ExtractedFact } from '../../src/model/fact.ts';
import { loadRegistry } from '../../src/registry/companies.ts';

type F = Omit<ExtractedFact, 'locator' | 'extractor' | 'extractorVersion' | 'confidence' | 'derived'> & Partial<Pick<ExtractedFact, 'confidence' | 'derived'>>;

interface Doc {
  ticker: string;
  url?: string;
  localPath?: string;
  form: string;
  filedDate: string;
  title: string;
  facts: F[];
}

const m = (start: string, end: string) => ({ periodStart: start, periodEnd: end });

export const DOCS: Doc[] = [
  {
    ticker: 'CANG',
    url: 'https://globalfintechedge.com/news/cangos-bitcoin-bet-gets-bigger-december-output-rises-as-miner-stockpiles-7500-btc',
    form: 'press',
    filedDate: '2026-01-07',
    title: "Cango's Bitcoin Bet Gets Bigger: December Output Rises",
    facts: [
      { metric: 'btc_produced', value: 569, unit: 'BTC', ...m('2025-12-01', '2025-12-31'), snippet: 'December 2025 output: 569 BTC mined' },
      { metric: 'btc_held', value: 7528.3, unit: 'BTC', asOf: '2025-12-31', snippet: 'holdings 7,528.3 BTC at the end of December 2025' },
      { metric: 'hashrate_average', value: 43.36, unit: 'EH/s', ...m('2025-12-01', '2025-12-31'), snippet: 'average operating hashrate 43.36 EH/s in December' },
    ],
  },
  {
    ticker: 'CANG',
    url: 'https://mining-provider.com/cango-inc-reports-decrease-in-bitcoin-production-amid-operational-challenges',
    form: 'press',
    filedDate: '2026-02-16',
    title: 'Cango Inc. Reports Decrease in Bitcoin Production Amid Operational Challenges',
    facts: [{ metric: 'btc_produced', value: 496.35, unit: 'BTC', ...m('2026-01-01', '2026-01-31'), snippet: 'January 2026: 496.35 BTC produced' }],
  },
  {
    ticker: 'CANG',
    url: 'https://theminermag.com/news/2026-02-09/cango-sell-bitcoin-4451-btc',
    form: 'press',
    filedDate: '2026-02-09',
    title: 'Cango Sells 4,451 BTC, Cuts Bitcoin Reserves by 60% to Repay Loan',
    facts: [{ metric: 'btc_held', value: 7474, unit: 'BTC', asOf: '2026-01-31', snippet: 'reserves were 7,474 BTC at the end of January' }],
  },
  {
    ticker: 'CANG',
    url: 'https://www.stocktitan.net/sec-filings/CANG/6-k-cango-inc-current-report-foreign-issuer-c76390c14a64.html',
    form: '6-K',
    filedDate: '2026-02-09',
    title: 'Cango Inc. sells 4,451 Bitcoin (6-K summary)',
    facts: [
      { metric: 'btc_sold', value: 4451, unit: 'BTC', ...m('2026-02-07', '2026-02-09'), snippet: 'sold 4,451 Bitcoin on the open market' },
      { metric: 'btc_sold_proceeds', value: 305_000_000, unit: 'USD', ...m('2026-02-07', '2026-02-09'), snippet: 'about US$305 million in USDT' },
    ],
  },
  {
    ticker: 'CLSK',
    localPath: 'shared/corpus/sec/CLSK/10-Q-2024-03-31.html',
    form: '10-Q',
    filedDate: '2024-05-09',
    title: 'CleanSpark 10-Q for the quarter ended March 31, 2024',
    facts: [
      { metric: 'btc_produced', value: 2031, unit: 'BTC', ...m('2024-01-01', '2024-03-31'), snippet: 'mined 2,031 bitcoin in the three months ended March 31, 2024' },
      { metric: 'btc_produced', value: 4051, unit: 'BTC', ...m('2023-10-01', '2024-03-31'), snippet: 'six months ended March 31, 2024: 4,051 bitcoin mined' },
      { metric: 'btc_held', value: 5021, unit: 'BTC', asOf: '2024-03-31', snippet: 'Number of bitcoin held 5,021 (March 31, 2024)' },
      { metric: 'btc_held', value: 2243, unit: 'BTC', asOf: '2023-09-30', snippet: 'Number of bitcoin held 2,243 (September 30, 2023)' },
      { metric: 'hashrate_operating', value: 16.4, unit: 'EH/s', asOf: '2024-03-31', snippet: 'CleanSpark hashrate 16.4 EH/s' },
      { metric: 'fleet_efficiency', value: 24.6, unit: 'J/TH', asOf: '2024-03-31', snippet: 'average energy efficiency of 24.6 w/th' },
      { metric: 'cost_per_btc', value: 14692, unit: 'USD/BTC', ...m('2024-01-01', '2024-03-31'), basis: 'direct', basisLabel: 'Cost to mine one bitcoin - Owned facilities', snippet: 'Cost to mine one bitcoin - Owned facilities $14,692' },
      { metric: 'cost_per_btc', value: 16882, unit: 'USD/BTC', ...m('2024-01-01', '2024-03-31'), basis: 'company_defined', basisLabel: 'Weighted average cost of mining one bitcoin', snippet: 'Weighted average cost of mining one bitcoin $16,882' },
    ],
  },
  {
    ticker: 'CLSK',
    url: 'https://www.prnewswire.com/news-releases/cleanspark-releases-may-2024-bitcoin-mining-update-302162961.html',
    form: 'press',
    filedDate: '2024-06-04',
    title: 'CleanSpark Releases May 2024 Bitcoin Mining Update',
    facts: [
      { metric: 'btc_produced', value: 417, unit: 'BTC', ...m('2024-05-01', '2024-05-31'), snippet: 'mined 417 bitcoin in May' },
      { metric: 'btc_held', value: 6154, unit: 'BTC', asOf: '2024-05-31', snippet: 'total bitcoin holdings now at 6,154' },
      { metric: 'btc_sold', value: 2.43, unit: 'BTC', ...m('2024-05-01', '2024-05-31'), snippet: 'sold 2.43 bitcoin in May 2024' },
      { metric: 'btc_sold_avg_price', value: 59000, unit: 'USD/BTC', ...m('2024-05-01', '2024-05-31'), snippet: 'average price of approximately $59,000 per bitcoin' },
      { metric: 'fleet_efficiency', value: 23.05, unit: 'J/TH', asOf: '2024-05-31', snippet: 'month-end fleet efficiency 23.05 J/Th' },
    ],
  },
  {
    ticker: 'CLSK',
    localPath: 'shared/corpus/sec/CLSK/10-Q-2024-06-30.html',
    form: '10-Q',
    filedDate: '2024-08-08',
    title: 'CleanSpark 10-Q for the quarter ended June 30, 2024',
    facts: [
      { metric: 'btc_produced', value: 1580, unit: 'BTC', ...m('2024-04-01', '2024-06-30'), snippet: 'mined 1,580 bitcoin in the three months ended June 30, 2024' },
      { metric: 'btc_held', value: 6590, unit: 'BTC', asOf: '2024-06-30', snippet: 'Number of bitcoin held 6,590 (June 30, 2024)' },
      { metric: 'hashrate_operating', value: 20.4, unit: 'EH/s', asOf: '2024-06-30', snippet: 'CleanSpark hashrate 20.4 EH/s' },
      { metric: 'fleet_efficiency', value: 22.3, unit: 'J/TH', asOf: '2024-06-30', snippet: 'Miner efficiency (w/th) 22.3' },
      { metric: 'cost_per_btc', value: 26945, unit: 'USD/BTC', ...m('2024-04-01', '2024-06-30'), basis: 'direct_energy', basisLabel: 'Cost to mine one bitcoin - Direct Energy Cost - Owned facilities', snippet: 'Direct Energy Cost - Owned facilities $26,945' },
      { metric: 'cost_per_btc', value: 43906, unit: 'USD/BTC', ...m('2024-04-01', '2024-06-30'), basis: 'incl_depreciation', basisLabel: 'Direct cost to mine including non-cash depreciation and financing costs - Owned facilities', snippet: 'including non-cash depreciation and financing costs $43,906' },
    ],
  },
  {
    ticker: 'BTBT',
    localPath: 'shared/corpus/sec/BTBT/10-Q-2025-06-30.html',
    form: '10-Q',
    filedDate: '2025-08-14',
    title: 'Bit Digital 10-Q for the quarter ended June 30, 2025',
    facts: [
      { metric: 'btc_produced', value: 151.5, unit: 'BTC', ...m('2025-01-01', '2025-06-30'), snippet: 'six months ended June 30, 2025: 151.5 BTC earned' },
      { metric: 'btc_held', value: 280.4, unit: 'BTC', asOf: '2025-06-30', snippet: '280.4 BTC held at June 30, 2025' },
    ],
  },
  {
    ticker: 'BTBT',
    url: 'https://www.sec.gov/Archives/edgar/data/1710350/000121390025110383/ea0263546-10q_bitdigital.htm',
    form: '10-Q',
    filedDate: '2025-11-14',
    title: 'Bit Digital 10-Q for the quarter ended September 30, 2025',
    facts: [
      { metric: 'btc_produced', value: 216.4, unit: 'BTC', ...m('2025-01-01', '2025-09-30'), snippet: 'nine months ended September 30, 2025: 216.4 BTC earned' },
      { metric: 'btc_held', value: 6.1, unit: 'BTC', asOf: '2025-09-30', snippet: '6.1 BTC held at September 30, 2025' },
      { metric: 'hashrate_operating', value: 1.9, unit: 'EH/s', asOf: '2025-09-30', basis: 'active', snippet: 'active hash rate 1.9 EH/s' },
    ],
  },
  {
    ticker: 'RIOT',
    url: 'https://cryptonewslet.com/?p=113032',
    form: 'press',
    filedDate: '2025-05-05',
    title: 'Riot Platforms April 2025 production',
    facts: [
      { metric: 'btc_produced', value: 463, unit: 'BTC', ...m('2025-04-01', '2025-04-30'), snippet: '463 BTC mined in April 2025' },
      { metric: 'btc_held', value: 19211, unit: 'BTC', asOf: '2025-04-30', snippet: 'held 19,211 BTC at the end of April, 1,900 of them restricted' },
      { metric: 'btc_sold_proceeds', value: 38_800_000, unit: 'USD', ...m('2025-04-01', '2025-04-30'), snippet: 'net proceeds of $38.8 million from selling the month’s production' },
      { metric: 'btc_sold_avg_price', value: 81731, unit: 'USD/BTC', ...m('2025-04-01', '2025-04-30'), snippet: 'average net price per bitcoin sold $81,731' },
      { metric: 'hashrate_average', value: 29.3, unit: 'EH/s', ...m('2025-04-01', '2025-04-30'), snippet: 'average operating hash rate 29.3 EH/s' },
      { metric: 'hashrate_installed', value: 33.7, unit: 'EH/s', asOf: '2025-04-30', snippet: 'deployed hash rate 33.7 EH/s' },
      { metric: 'fleet_efficiency', value: 21.0, unit: 'J/TH', asOf: '2025-04-30', snippet: 'fleet efficiency 21.0 J/TH' },
      { metric: 'energy_cost_per_kwh', value: 0.037, unit: 'USD/kWh', ...m('2025-04-01', '2025-04-30'), basis: 'all_in', snippet: 'all-in power cost 3.7 cents per kWh' },
    ],
  },
  {
    ticker: 'BITF',
    url: 'https://www.binance.com/en/news/flash/7818517',
    form: 'press',
    filedDate: '2023-10-02',
    title: 'Bitfarms September 2023 (Cointelegraph via Binance)',
    facts: [
      { metric: 'btc_produced', value: 411, unit: 'BTC', ...m('2023-09-01', '2023-09-30'), snippet: 'mined 411 bitcoin in September 2023' },
      { metric: 'btc_produced', value: 3692, unit: 'BTC', ...m('2023-01-01', '2023-09-30'), snippet: '3,692 BTC mined year-to-date' },
      { metric: 'btc_sold', value: 362, unit: 'BTC', ...m('2023-09-01', '2023-09-30'), snippet: 'sold 362 BTC' },
      { metric: 'btc_sold_proceeds', value: 9_500_000, unit: 'USD', ...m('2023-09-01', '2023-09-30'), snippet: 'total proceeds of $9.5 million' },
      { metric: 'btc_held', value: 703, unit: 'BTC', asOf: '2023-09-30', snippet: 'holds 703 BTC' },
      { metric: 'power_capacity', value: 233, unit: 'MW', asOf: '2023-09-30', snippet: 'operating capacity of 233 MW' },
    ],
  },
];

let sha = 0;
/** Records DOCS (plus any extra documents) into a fresh in-memory database. */
export function fixtureDb(extra: Doc[] = [], opts: { path?: string; without?: (d: Doc) => boolean } = {}): Db {
  const db = openDb(opts.path ?? ':memory:');
  upsertCompanies(db, loadRegistry());
  for (const d of [...DOCS, ...extra].filter((x) => !opts.without?.(x))) {
    sha++;
    recordDocument(
      db,
      {
        sha256: `${sha.toString(16).padStart(64, '0')}`,
        companyTicker: d.ticker,
        sourceUrl: d.url ?? null,
        localPath: d.localPath ?? null,
        form: d.form,
        filedDate: d.filedDate,
        title: d.title,
        mediaType: 'html',
        sizeBytes: 1,
        fetchedAt: '2026-01-01T00:00:00Z',
        parseStatus: 'parsed',
      },
      d.facts.map((f, i) => ({
        ...f,
        companyTicker: d.ticker,
        locator: { kind: 'text' as const, offset: i, length: 1 },
        extractor: 'fixture',
        extractorVersion: '1',
        confidence: f.confidence ?? 0.9,
        derived: f.derived ?? false,
      })),
    );
  }
  return db;
}

export type { Doc };
