import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';
import type { ExtractedFact } from '../../src/model/fact.ts';
import { parseHtml } from '../../src/parse/html.ts';
import { parseText } from '../../src/parse/text.ts';
import { findCompany, loadRegistry } from '../../src/registry/companies.ts';

const companies = loadRegistry();
const ctx = (ticker: string, filedDate: string, form = '8-K') => ({ company: findCompany(companies, ticker)!, companies, filedDate, form });
const pick = (facts: ExtractedFact[], metric: string) => facts.filter((f) => f.metric === metric && f.confidence >= 0.5);

describe('monthly update, label: value list', () => {
  // Figures from CleanSpark's November 2022 update,
  // https://www.globenewswire.com/news-release/2022/12/02/2566748/0/en/CleanSpark-Releases-November-2022-Bitcoin-Mining-Update.html
  const text = [
    '# November 2022 Bitcoin Mining Update',
    '- Bitcoin mined in November: 535\n- Calendar year-to-date bitcoin mined: 4,157\n- Total BTC holdings as of November 30: 281',
    'The company paid for growth by selling 544 bitcoins in November 2022 at an average of approximately $17,300 per BTC, for proceeds of approximately $9.4 million.',
    'The team expects hashrate to reach 8.7 EH/s once the new site is energized.',
  ].join('\n\n');
  const facts = extractFacts(parseText(text), ctx('CLSK', '2022-12-02'));
  it('reads month, calendar YTD and holdings', () => {
    expect(pick(facts, 'btc_produced').map((f) => [f.value, f.periodStart, f.periodEnd])).toEqual(
      expect.arrayContaining([[535, '2022-11-01', '2022-11-30'], [4157, '2022-01-01', '2022-11-30']]),
    );
    expect(pick(facts, 'btc_held')).toMatchObject([{ value: 281, asOf: '2022-11-30' }]);
  });
  it('reads the sale, its average price and proceeds', () => {
    expect(pick(facts, 'btc_sold')).toMatchObject([{ value: 544, periodStart: '2022-11-01' }]);
    expect(pick(facts, 'btc_sold_avg_price')).toMatchObject([{ value: 17300 }]);
    expect(pick(facts, 'btc_sold_proceeds')).toMatchObject([{ value: 9_400_000 }]);
  });
  it('drops targets', () => {
    expect(facts.some((f) => f.value === 8.7)).toBe(false);
  });
});

describe('monthly table with prior columns, footnotes and site rows', () => {
  // Shape and figures of Riot's August 2024 update (stored copy of the PR Newswire release,
  // https://it.advfn.com/mercati/NASDAQ/RIOT/notizie/94499759/riot-announces-august-2024-production-and-operatio)
  const html = `<p>Riot announces unaudited production and operations updates for August 2024.</p>
  <table>
  <tr><td>Metric</td><td>August 2024<sup>1</sup></td><td>July 2024<sup>1</sup></td><td>August 2023</td><td>Month/Month</td><td>Year/Year</td></tr>
  <tr><td>Bitcoin Produced</td><td>322</td><td>370</td><td>333</td><td>-13 %</td><td>-3 %</td></tr>
  <tr><td>Average Bitcoin Produced per Day</td><td>10.4</td><td>11.9</td><td>10.8</td><td>-13 %</td><td>-3 %</td></tr>
  <tr><td>Bitcoin Held 2</td><td>10,019</td><td>9,704</td><td>7,309</td><td>3 %</td><td>37 %</td></tr>
  <tr><td>Bitcoin Sold</td><td>-</td><td>-</td><td>300</td><td>N/A</td><td>N/A</td></tr>
  <tr><td>Deployed Hash Rate - Rockdale 2</td><td>14.7 EH/s</td><td>14.7 EH/s</td><td>10.3 EH/s 2</td><td>0 %</td><td>42 %</td></tr>
  <tr><td>Deployed Hash Rate - Total 2</td><td>23.5 EH/s</td><td>23.2 EH/s</td><td>10.3 EH/s</td><td>1 %</td><td>128 %</td></tr>
  <tr><td>Avg. Operating Hash Rate - Total 4</td><td>14.5 EH/s</td><td>15.5 EH/s</td><td>4.5 EH/s</td><td>-7 %</td><td>224 %</td></tr>
  <tr><td>All-in Power Cost - Rockdale 8</td><td>2.0c/kWh</td><td>3.0c/kWh</td><td>(15.8)c/kWh</td><td>-17 %</td><td>N/M</td></tr>
  </table>`;
  const facts = extractFacts(parseHtml(html), ctx('RIOT', '2024-09-05'));
  it('takes each column with its own month and skips change columns', () => {
    expect(pick(facts, 'btc_produced').map((f) => [f.periodStart, f.value]).sort()).toEqual([
      ['2023-08-01', 333],
      ['2024-07-01', 370],
      ['2024-08-01', 322],
    ]);
    expect(pick(facts, 'btc_held').find((f) => f.asOf === '2024-08-31')?.value).toBe(10019);
    expect(pick(facts, 'btc_sold').find((f) => f.periodStart === '2024-08-01')?.value).toBe(0);
  });
  it('keeps totals, not sites, and keeps the hashrate basis', () => {
    const deployed = pick(facts, 'hashrate_installed').filter((f) => f.asOf === '2024-08-31');
    expect(deployed).toMatchObject([{ value: 23.5, basis: 'deployed' }]);
    expect(pick(facts, 'hashrate_average').find((f) => f.value === 14.5)).toBeDefined();
    expect(facts.some((f) => f.metric === 'energy_cost_per_kwh')).toBe(false);
    expect(facts.some((f) => f.value === 10.4)).toBe(false);
  });
});

describe('PH/s and US$000 headers', () => {
  // IREN April 2024 monthly investor update key metrics (https://markets.businessinsider.com/news/stocks/april-2024-monthly-investor-update-1033332786)
  const html = `<p>IREN published a monthly investor update for April 2024.</p><table>
  <tr><td>Bitcoin Mining</td><td>Apr-24</td><td>Mar-24</td><td>Feb-24</td></tr>
  <tr><td>Average operating hashrate (PH/s)</td><td>8,238</td><td>7,107</td><td>6,299</td></tr>
  <tr><td>Bitcoin mined</td><td>358</td><td>353</td><td>310</td></tr>
  <tr><td>Mining revenue (US$'000)</td><td>23,691</td><td>23,705</td><td>15,212</td></tr>
  <tr><td>Electricity cost per Bitcoin (US$)</td><td>19,569</td><td>20,343</td><td>20,158</td></tr>
  </table>`;
  const facts = extractFacts(parseHtml(html), ctx('IREN', '2024-05-06', '6-K'));
  it('normalizes to EH/s and USD', () => {
    expect(pick(facts, 'hashrate_average').find((f) => f.value === 8.238)).toBeDefined();
    expect(pick(facts, 'mining_revenue').find((f) => f.periodStart === '2024-04-01')?.value).toBe(23_691_000);
    expect(pick(facts, 'cost_per_btc').find((f) => f.periodStart === '2024-04-01')).toMatchObject({ value: 19569, basis: 'electricity' });
    expect(pick(facts, 'btc_produced').find((f) => f.periodStart === '2024-03-01')?.value).toBe(353);
  });
});

describe('traps', () => {
  it('hardware sales are not BTC sold', () => {
    // Bit Digital 10-K FY2024: "sold 5,606 bitcoin miners"
    const facts = extractFacts(parseText('For the year ended December 31, 2024, the Company sold 5,606 bitcoin miners for a total consideration of $1.2 million.'), ctx('BTBT', '2025-03-15', '10-K'));
    expect(facts.filter((f) => f.metric.startsWith('btc_'))).toEqual([]);
  });
  it('treasury sale release: weekend period and proceeds in the next sentence', () => {
    // Cango, Feb 9, 2026: 4,451 BTC for about US$305 million
    const text = 'February 9, 2026 -- The company said it sold 4,451 Bitcoin on the open market over the past weekend. Settlement was in USDT, with net proceeds of approximately US$305 million.';
    const facts = extractFacts(parseText(text), ctx('CANG', '2026-02-09', '6-K'));
    expect(pick(facts, 'btc_sold')).toMatchObject([{ value: 4451, periodStart: '2026-02-07', periodEnd: '2026-02-08' }]);
    expect(pick(facts, 'btc_sold_proceeds')).toMatchObject([{ value: 305_000_000, periodStart: '2026-02-07' }]);
  });
  it('comparison clauses keep their own period; deltas and network figures are dropped', () => {
    // CleanSpark 10-Q for March 31, 2024, MD&A
    const text = 'During the three months ended March 31, 2024, we mined 2,031 bitcoin with an average bitcoin price of $55,029 as compared to 1,871 bitcoin during the three months ended March 31, 2023. Global hashrate was 566.0 EH/s.';
    const facts = extractFacts(parseText(text), ctx('CLSK', '2024-05-09', '10-Q'));
    expect(pick(facts, 'btc_produced').map((f) => [f.periodStart, f.value]).sort()).toEqual([
      ['2023-01-01', 1871],
      ['2024-01-01', 2031],
    ]);
    expect(facts.some((f) => f.metric.startsWith('hashrate'))).toBe(false);
  });
  it('attributes figures in a multi-company article', () => {
    // Benzinga piece on CleanSpark and Riot's December 2024 updates (moomoo.com copy)
    const text = 'CleanSpark mined 668 Bitcoin in December. Riot also published its December figures on Monday. The company said it mined 516 Bitcoin in December.';
    const facts = extractFacts(parseText(text), { companies, filedDate: '2025-01-06' });
    const produced = pick(facts, 'btc_produced').map((f) => [f.company, f.value]);
    expect(produced).toEqual(expect.arrayContaining([['CLSK', 668], ['RIOT', 516]]));
  });
});
