import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';
import type { ExtractedFact } from '../../src/model/fact.ts';
import { parseText } from '../../src/parse/text.ts';
import { findCompany, loadRegistry } from '../../src/registry/companies.ts';

/**
 * Shapes met in releases nobody tuned on (realdocs2). Figures are those of the real releases
 * named per case; labels and sentences are written for these tests.
 */
const companies = loadRegistry();
const run = (ticker: string, filedDate: string, text: string) => {
  const company = findCompany(companies, ticker)!;
  return extractFacts(parseText(text), { company, companies, filedDate });
};
const at = (facts: ExtractedFact[], metric: string, when: string) =>
  facts.filter((f) => f.metric === metric && (f.asOf ?? f.periodEnd) === when);
const sure = (facts: ExtractedFact[], metric: string, when: string) => at(facts, metric, when).filter((f) => f.confidence >= 0.5).map((f) => f.value);

describe('flat table: footnotes glued to header years, dashes, site rows', () => {
  // Riot, May 2024 production update (GlobeNewswire, 2024-06-04)
  const text = [
    'Riot Platforms reports its unaudited production and operations figures for May 2024.',
    'Metric May 20241,2 April 20242 May 2023 Month/Month Year/Year Bitcoin Produced 215 375 676 -43% -68% Bitcoin Held3 9,084 8,872 7,190 2% 26% Bitcoin Sold - - 600 N/A N/A Bitcoin Sales - Net Proceeds - - $16.5 million N/A N/A Average Net Price per Bitcoin Sold N/A N/A $27,568 N/A N/A Deployed Hash Rate - Rockdale3 11.5 EH/s 12.4 EH/s 10.5 EH/s -7% 10% Deployed Hash Rate - Corsicana3 3.1 EH/s 0.2 EH/s - 1,742% N/A Deployed Hash Rate - Total3 14.7 EH/s 12.6 EH/s 10.5 EH/s 17% 39% Avg. Operating Hash Rate - Rockdale4 7.4 EH/s 8.6 EH/s 7.3 EH/s -14% 1% Avg. Operating Hash Rate - Total4 8.8 EH/s 8.8 EH/s 7.3 EH/s -0% 20%',
  ].join('\n\n');
  const facts = run('RIOT', '2024-06-04', text);
  it('reads the header and every column', () => {
    expect(sure(facts, 'btc_produced', '2024-05-31')).toEqual([215]);
    expect(sure(facts, 'btc_produced', '2024-04-30')).toEqual([375]);
    expect(sure(facts, 'btc_produced', '2023-05-31')).toEqual([676]);
    expect(sure(facts, 'btc_held', '2024-05-31')).toEqual([9084]);
  });
  it('keeps dashes as columns: the proceeds belong to May 2023', () => {
    expect(sure(facts, 'btc_sold_proceeds', '2023-05-31')).toEqual([16_500_000]);
    expect(at(facts, 'btc_sold_proceeds', '2024-05-31').map((f) => f.value)).not.toContain(16_500_000);
    expect(sure(facts, 'btc_sold_avg_price', '2023-05-31')).toEqual([27568]);
  });
  it('takes the total row, never a site row', () => {
    expect(sure(facts, 'hashrate_installed', '2024-05-31')).toEqual([14.7]);
    expect(sure(facts, 'hashrate_average', '2024-05-31')).toEqual([8.8]);
    const hash = facts.filter((f) => f.metric.startsWith('hashrate_')).map((f) => f.value);
    for (const site of [11.5, 12.4, 3.1, 7.4, 8.6]) expect(hash).not.toContain(site);
  });
});

describe('pipe table: a footnote number cut loose as a last cell, split currency cells', () => {
  // Core Scientific, December 2023 update (SEC EX-99.2, 2024-01-05)
  const text = [
    'Core Scientific released its December 2023 operations update.',
    '|',
    'Metric',
    '|December 2023',
    '|November 2023',
    '|',
    'Self-Mining Bitcoin Produced1',
    '|1,177',
    '|954',
    '|',
    'Bitcoin Sales Proceeds ($USD)',
    '|Appx. $',
    '|51.2 million',
    '|Appx. $',
    '|36.9 million',
    '|',
    'Average Self-Mining Fleet Efficiency (J/TH)5',
    '|27.94',
    '|28.77',
    '|1',
    '|',
  ].join('\n');
  const facts = run('CORZ', '2024-01-05', text);
  it('does not shift the row by the stray cell', () => {
    expect(sure(facts, 'fleet_efficiency', '2023-12-31')).toEqual([27.94]);
    expect(sure(facts, 'fleet_efficiency', '2023-11-30')).toEqual([28.77]);
  });
  it('joins "Appx. $" with its number', () => {
    expect(sure(facts, 'btc_sold_proceeds', '2023-12-31')).toEqual([51_200_000]);
    expect(sure(facts, 'btc_sold_proceeds', '2023-11-30')).toEqual([36_900_000]);
  });
});

describe('prose: each figure takes its own words', () => {
  it('a year-to-date phrase belongs to the figure it follows', () => {
    // Core Scientific, May 2024 (447 self-mined in May, 4,076 year to date)
    const facts = run('CORZ', '2024-06-04', 'Core Scientific published its May 2024 update. In May 2024 the company mined 447 self-mined bitcoins, totaling 4,076 bitcoins year-to-date, while its hosting customers mined 128 bitcoins.');
    const ytd = facts.filter((f) => f.metric === 'btc_produced' && f.periodStart === '2024-01-01' && f.periodEnd === '2024-05-31');
    expect(ytd.map((f) => f.value)).not.toContain(447);
  });
  it('a cost basis named before the figure is not overridden by the next figure\'s', () => {
    // Cango, Q2 2025 (US$83,091 excluding depreciation, US$98,636 all-in)
    const facts = run('CANG', '2025-09-05', 'Cango reported results for the second quarter of 2025. For the quarter, mining cost, excluding depreciation of the machines, came to US$83,091 per Bitcoin, with all-in costs of US$98,636 per Bitcoin.');
    const costs = facts.filter((f) => f.metric === 'cost_per_btc');
    expect(costs.find((f) => f.value === 83091)?.basis).toBe('direct');
    expect(costs.find((f) => f.value === 98636)?.basis).toBe('all_in');
  });
  it('reads a power price whose unit comes before it', () => {
    // Hut 8, Q3 2024 ($28.83 per MWh)
    const facts = run('HUT', '2024-11-13', 'Hut 8 reported third quarter 2024 results. For the three months ended September 30, 2024, energy cost per MWh of $28.83 was lower than a year earlier.');
    expect(sure(facts, 'energy_cost_per_kwh', '2024-09-30')).toEqual([0.02883]);
  });
});

describe('prose: moved-to figures, totals, revised cells', () => {
  it('the figure a metric moved to is the same metric', () => {
    // Core Scientific, May 2024 (proceeds about $55.8 million in April, $29.4 million in May)
    const facts = run('CORZ', '2024-06-04', 'Core Scientific published its May 2024 update. Its bitcoin sales proceeds dropped from approximately $55.8 million in April to $29.4 million in May.');
    expect(sure(facts, 'btc_sold_proceeds', '2024-05-31')).toEqual([29_400_000]);
    expect(sure(facts, 'btc_sold_proceeds', '2024-04-30')).toEqual([55_800_000]);
  });
  it('"N total bitcoin holdings" is a count of coins', () => {
    // CleanSpark, November 2024 (9,297 BTC held on November 30)
    const facts = run('CLSK', '2024-12-03', 'CleanSpark reported November 2024 figures. The miner had 9,297 total bitcoin holdings as of November 30, 2024.');
    expect(sure(facts, 'btc_held', '2024-11-30')).toEqual([9297]);
  });
  it('"at month-end" is the report\'s month, not a month named in the sentence before', () => {
    // IREN, November 2024 update (15 J/TH fleet efficiency at the end of November)
    const facts = run('IREN', '2024-12-02', 'IREN November 2024 Monthly Update.\n\nThe Oct-24 electricity cost per Bitcoin was restated to $18,896 after power credits received after Oct-24 month-end. The fleet reached 28 EH/s (15 J/TH) of installed capacity at month-end.');
    expect(at(facts, 'fleet_efficiency', '2024-10-31')).toEqual([]);
    expect(sure(facts, 'fleet_efficiency', '2024-11-30')).toEqual([15]);
  });
  it('a revised-figure mark after a cell does not hide it', () => {
    // IREN, November 2024 update (October electricity cost per bitcoin revised to $18,896)
    const text = ['IREN November 2024 monthly update.', '| Bitcoin Mining | Nov-24 | Oct-24* |', '| --- | --- | --- |', '| Electricity cost (per Bitcoin) | ($22,575) | ($18,896)* |'].join('\n');
    const facts = run('IREN', '2024-12-02', text);
    expect(sure(facts, 'cost_per_btc', '2024-10-31')).toEqual([18896]);
  });
});

describe('table labels that name the hash rate by its unit', () => {
  // Bitfarms, March 2024 (6.5 EH/s at month end, 5.7 EH/s average)
  const text = [
    'Bitfarms reports March 2024 production.',
    '| Key Performance Indicators | March 2024 | March 2023 |',
    '| --- | --- | --- |',
    '| Month end operating EH/s | 6.5 | 4.8 |',
    '| BTC/avg. EH/s | 50 | 91 |',
    '| Average operating EH/s | 5.7 | 4.6 |',
  ].join('\n');
  const facts = run('BITF', '2024-04-01', text);
  it('reads operating and average hash rate, not BTC per EH/s', () => {
    expect(sure(facts, 'hashrate_operating', '2024-03-31')).toEqual([6.5]);
    expect(sure(facts, 'hashrate_average', '2024-03-31')).toEqual([5.7]);
    expect(facts.map((f) => f.value)).not.toContain(50);
  });
});
