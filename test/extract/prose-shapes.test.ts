import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';
import type { ExtractedFact } from '../../src/model/fact.ts';
import { parseHtml } from '../../src/parse/html.ts';
import { parseText } from '../../src/parse/text.ts';
import { findCompany, loadRegistry } from '../../src/registry/companies.ts';

/**
 * Sentence and table shapes met in real releases, news copies and filings. The wording is ours;
 * the figures are the ones the named documents print (the source is given above each case).
 */
const companies = loadRegistry();
const ctx = (ticker: string, filedDate: string, form = '8-K', periodOfReport?: string) => ({
  company: findCompany(companies, ticker)!,
  companies,
  filedDate,
  form,
  ...(periodOfReport ? { periodOfReport } : {}),
});
const pick = (facts: ExtractedFact[], metric: string) => facts.filter((f) => f.metric === metric && f.confidence >= 0.5);
const at = (f: ExtractedFact) => f.asOf ?? `${f.periodStart}..${f.periodEnd}`;

describe('precision in filings', () => {
  it('does not read a running total since inception as a month of production', () => {
    // Bit Digital 10-K for 2024: 7,280.1 bitcoins earned from February 2020 to December 31, 2024
    const text = 'Since our mining business began in February 2020 and through December 31, 2024, we have earned 7,280.1 bitcoins in total.';
    const facts = extractFacts(parseText(text), ctx('BTBT', '2025-03-20', '10-K', '2024-12-31'));
    expect(facts.filter((f) => f.metric === 'btc_produced')).toEqual([]);
  });

  it('reads no holdings from another asset’s roll-forward or a row with a dollar cell', () => {
    // Bit Digital 10-Q for June 30, 2025, USDC note: ending balance $515,242 (2025) and 340,106 (2024)
    const html = `<p>Additional information about USDC for the six months ended June 30, 2025 and 2024:</p><table>
      <tr><td></td><td>2025</td><td>2024</td></tr>
      <tr><td>Opening balance</td><td>$411,413</td><td>$405,596</td></tr>
      <tr><td>Ending balance</td><td>$515,242</td><td>340,106</td></tr></table>`;
    const facts = extractFacts(parseHtml(html), ctx('BTBT', '2025-08-14', '10-Q', '2025-06-30'));
    expect(facts.filter((f) => f.metric.startsWith('btc_held'))).toEqual([]);
  });

  it('takes a cash-flow line from the section that has it, not the dash of the other section', () => {
    // CleanSpark 10-Q for March 31, 2024 (in thousands): proceeds from sale of bitcoin 43,103 (six months 2024), 76,203 (2023)
    const html = `<p>(Unaudited, in thousands)</p><table>
      <tr><td></td><td>Six Months Ended</td></tr>
      <tr><td></td><td>March 31, 2024</td><td>March 31, 2023</td></tr>
      <tr><td>Cash Flows from Operating Activities</td><td></td><td></td></tr>
      <tr><td>Proceeds from sale of bitcoin</td><td>—</td><td>76,203</td></tr>
      <tr><td>Net cash (used in) provided by operating activities</td><td>$(82,941)</td><td>$11,876</td></tr>
      <tr><td>Cash Flows from Investing Activities</td><td></td><td></td></tr>
      <tr><td>Proceeds from sale of bitcoin</td><td>43,103</td><td>—</td></tr></table>`;
    const facts = pick(extractFacts(parseHtml(html), ctx('CLSK', '2024-05-09', '10-Q', '2024-03-31')), 'btc_sold_proceeds');
    expect(facts.map((f) => [at(f), f.value]).sort()).toEqual([
      ['2022-10-01..2023-03-31', 76_203_000],
      ['2023-10-01..2024-03-31', 43_103_000],
    ]);
  });

  it('drops coins stated as a BTC equivalent and unscaled dollars in a filing’s prose', () => {
    // Bit Digital Q2 2024 results: BTC-equivalent holdings about 2,082.1 BTC as of June 30, 2024;
    // CleanSpark 10-Q: net cash proceeds of $76,203 (thousands, no scale word)
    const facts = extractFacts(
      parseText(
        'Counting ETH and USDC as if they were converted into BTC on June 30, 2024, our holdings came to about 2,082.1 BTC equivalent.\n\nThe Company also sold bitcoin it held for a short time, for net cash proceeds of $76,203.',
      ),
      ctx('BTBT', '2024-08-14', '10-Q', '2024-06-30'),
    );
    expect(facts.filter((f) => f.value === 2082.1 || f.value === 76203)).toEqual([]);
  });
});

describe('news copies of monthly updates', () => {
  it('reads quoted "restricted bitcoin" after a compared holding as pledged coins of the sentence’s date', () => {
    // Riot September 2025 update: 19,287 BTC held at September 30 (19,309 at August 31), 3,300 restricted
    const text = 'On September 30, 2025 Riot held 19,287 BTC, a little below the 19,309 BTC of August, and also reported 3,300 “restricted bitcoin.”';
    const facts = extractFacts(parseText(text), ctx('RIOT', '2025-10-03'));
    expect(pick(facts, 'btc_held_pledged').map((f) => [at(f), f.value])).toEqual([['2025-09-30', 3300]]);
    expect(pick(facts, 'btc_held').find((f) => f.value === 19287)?.asOf).toBe('2025-09-30');
  });

  it('keeps each figure of a while-clause with the sentence’s month, and compared figures with theirs', () => {
    // Cango November 2025 update: mined 546.7 BTC; holdings 6,959.3 BTC (6,412.6 in October);
    // deployed 50 EH/s; average operating 44.38 EH/s (46.09 EH/s in October)
    const text = [
      'Cango mined 546.7 BTC in November 2025, 9.2% less than the 602.6 BTC of October.',
      'Daily output eased to 18.22 BTC from 19.44 BTC, while its bitcoin holdings grew to 6,959.3 BTC, against 6,412.6 BTC in October.',
      'Deployed hashrate held at 50 EH/s, but the average operating hashrate dipped to 44.38 EH/s from 46.09 EH/s.',
    ].join(' ');
    const facts = extractFacts(parseText(text), ctx('CANG', '2025-12-02'));
    expect(pick(facts, 'btc_held').map((f) => [at(f), f.value]).sort()).toEqual([
      ['2025-10-31', 6412.6],
      ['2025-11-30', 6959.3],
    ]);
    expect(pick(facts, 'hashrate_installed').map((f) => [at(f), f.value])).toEqual([['2025-11-30', 50]]);
    expect(pick(facts, 'hashrate_average').find((f) => f.value === 44.38)?.periodEnd).toBe('2025-11-30');
  });

  it('gives a compared figure printed without a unit the unit of the figure it is compared with', () => {
    // Cango October 2025 update: 602.6 BTC in October against 616.6 in September; holdings 6,412.6
    const text = 'Cango produced 602.6 Bitcoins in October, a little below 616.6 in September, and its total Bitcoin holdings increased to 6,412.6 by month-end.';
    const facts = extractFacts(parseText(text), ctx('CANG', '2025-11-04'));
    expect(pick(facts, 'btc_produced').map((f) => [at(f), f.value]).sort()).toEqual([
      ['2025-09-01..2025-09-30', 616.6],
      ['2025-10-01..2025-10-31', 602.6],
    ]);
    expect(pick(facts, 'btc_held').map((f) => [at(f), f.value])).toEqual([['2025-10-31', 6412.6]]);
  });

  it('reads the BTC half of a BTC-and-ETH pair', () => {
    // Bit Digital September 2023 update: BTC and ETH treasury 821.1 and 13,783.4
    const text = 'As of September 30, 2023, treasury holdings of BTC and ETH were 821.1 and 13,783.4, respectively.';
    const facts = extractFacts(parseText(text), ctx('BTBT', '2023-10-04'));
    expect(pick(facts, 'btc_held').map((f) => [at(f), f.value])).toEqual([['2023-09-30', 821.1]]);
  });

  it('reads a sale with its average price and proceeds written after it', () => {
    // Core Scientific, September 2022 (The Block): sold 1,576 BTC at an average $20,460, $32.2 million
    const text = 'Core Scientific mined 1,213 BTC in September.\n\nThe company sold 1,576 BTC at an average price of $20,460, totaling $32.2 million.';
    const facts = extractFacts(parseText(text), ctx('CORZ', '2022-10-05'));
    expect(pick(facts, 'btc_sold')).toMatchObject([{ value: 1576, periodStart: '2022-09-01' }]);
    expect(pick(facts, 'btc_sold_avg_price')).toMatchObject([{ value: 20460 }]);
    expect(pick(facts, 'btc_sold_proceeds')).toMatchObject([{ value: 32_200_000 }]);
  });

  it('reads power cost in cents per kilowatt-hour and leaves one site’s hashrate alone', () => {
    // Riot December 2024 update: all-in power cost 3.8 c/kWh; Rockdale 15.0 EH/s
    const text = 'Riot reported its operations for December 2024.\nBy facility:\n- Rockdale Facility: held at 15.0 EH/s.\nThe all-in power cost across its sites was 3.8 cents per kilowatt-hour.';
    const facts = extractFacts(parseText(text), ctx('RIOT', '2025-01-03'));
    expect(pick(facts, 'energy_cost_per_kwh')).toMatchObject([{ value: 0.038, periodStart: '2024-12-01' }]);
    expect(facts.some((f) => f.value === 15)).toBe(false);
  });

  it('keeps a peak hashrate as a low-confidence maximum and miners bought as no hashrate at all', () => {
    // CleanSpark September 2025: peak hashrate 50 EH/s; IREN February 2023: 4.4 EH/s of S19j Pro miners acquired
    // a peak within the month is not the fleet's level at its end (a release may also give an energized figure)
    const clsk = extractFacts(parseText('In September 2025 CleanSpark ran 241,934 machines and hit a peak hashrate of 50 EH/s.'), ctx('CLSK', '2025-10-03'));
    expect(pick(clsk, 'hashrate_installed')).toEqual([]);
    expect(clsk.filter((f) => f.metric === 'hashrate_installed' && f.confidence < 0.5)).toMatchObject([{ value: 50, basis: 'max', asOf: '2025-09-30' }]);
    const iren = extractFacts(parseText('In February 2023 the Company used US$67 million of prepayments to acquire 4.4 EH/s of new S19j Pro miners.'), ctx('IREN', '2023-03-07'));
    expect(iren.filter((f) => f.metric.startsWith('hashrate'))).toEqual([]);
  });
});

describe('quarterly results wording', () => {
  // Cango Q3 2025 results: revenue $224.6 million, mining $220.9 million; 1,930.8 BTC in the quarter;
  // cost $81,072 per BTC excluding depreciation, $99,383 per BTC in total
  const text = [
    'Cango Reports Results for the Third Quarter of 2025',
    'Total revenues reached $224.6 million for Q3 2025, of which bitcoin mining contributed about $220.9 million.',
    'The company mined 1,930.8 BTC in the quarter.',
    'The average cost of mining, excluding the depreciation of machines, came to $81,072 per BTC, with a total cost of $99,383 per BTC.',
  ].join('\n\n');
  const facts = extractFacts(parseText(text), ctx('CANG', '2025-12-01', '6-K'));
  it('reads mining revenue, the quarter’s production and both cost bases', () => {
    expect(pick(facts, 'mining_revenue')).toMatchObject([{ value: 220_900_000, periodStart: '2025-07-01', periodEnd: '2025-09-30' }]);
    expect(pick(facts, 'btc_produced')).toMatchObject([{ value: 1930.8, periodStart: '2025-07-01' }]);
    const costs = pick(facts, 'cost_per_btc').map((f) => [f.basis, f.value]).sort();
    expect(costs).toEqual([
      ['direct', 81072],
      ['incl_depreciation', 99383],
    ]);
  });
});

describe('monthly investor update with other reports named in its opening', () => {
  it('takes the month the update is for', () => {
    // IREN (Iris Energy) February 2023 monthly investor update: 156 BTC mined, 1,730 PH/s average
    const text = [
      'Iris Energy Limited, February 2023 Monthly Investor Update',
      'Published financial results for the three and six months ended December 31, 2022.',
      'Operations (for the month of February 2023):',
      '| \n• | \n156 Bitcoin mined (-9% vs. January)\n• | \nAverage operating hashrate of 1,730 PH/s (+10% vs. January)',
    ].join('\n\n');
    const facts = extractFacts(parseText(text), ctx('IREN', '2023-03-07', '6-K'));
    expect(pick(facts, 'btc_produced')).toMatchObject([{ value: 156, periodStart: '2023-02-01', periodEnd: '2023-02-28' }]);
    expect(pick(facts, 'hashrate_average')).toMatchObject([{ value: 1.73 }]);
  });
});

describe('units and periods written the short way', () => {
  it('reads "FY25 Q3", "3.9c/kWh" and "$/MWh", and leaves an amount of energy alone', () => {
    // IREN FY25 Q3 (quarter ended March 31, 2025): 1,514 BTC mined; Riot December 2024: all-in power
    // cost 3.8c/kWh; Bitdeer Q3 2024: average cost of electricity $41/MWh; Core Scientific September
    // 2022: 8,774 MWh curtailed
    const iren = extractFacts(parseText('In FY25 Q3 the company mined 1,514 BTC.'), ctx('IREN', '2025-05-15', '6-K'));
    expect(pick(iren, 'btc_produced')).toMatchObject([{ value: 1514, periodStart: '2025-01-01', periodEnd: '2025-03-31' }]);
    const riot = extractFacts(parseText('Across all sites the all-in power cost was 3.8c/kWh in December 2024. Curtailment saved 8,774 MWh.'), ctx('RIOT', '2025-01-03'));
    expect(pick(riot, 'energy_cost_per_kwh')).toMatchObject([{ value: 0.038, periodStart: '2024-12-01' }]);
    expect(riot.some((f) => f.value === 8774 || f.value === 8.774)).toBe(false);
    const btdr = extractFacts(parseText('Electricity cost Bitdeer an average of $41/MWh in the third quarter of 2024.'), ctx('BTDR', '2024-11-18', '6-K'));
    expect(pick(btdr, 'energy_cost_per_kwh')).toMatchObject([{ value: 0.041, periodStart: '2024-07-01', periodEnd: '2024-09-30' }]);
  });
});
