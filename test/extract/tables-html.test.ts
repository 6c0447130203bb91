import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors.ts';
import { findPeriods } from '../../src/extract/dates.ts';
import { extractFacts } from '../../src/extract/index.ts';
import { readCell } from '../../src/extract/tables.ts';
import { mergeFragments, parseHtml } from '../../src/parse/html.ts';
import { parseText } from '../../src/parse/text.ts';

/** Shapes of the companies' own HTML exhibits (EX-99.1 monthly updates); figures from test/fixtures/*\/ex99. */

describe('html tables', () => {
  it('joins "Appx. $" with the figure in the next cell', () => {
    expect(mergeFragments(['Bitcoin Sales Proceeds ($USD)', 'Appx. $', '51.2 million', '', 'Appx. $', '36.9 million'])).toEqual([
      'Bitcoin Sales Proceeds ($USD)',
      'Appx. $51.2 million',
      'Appx. $36.9 million',
    ]);
    expect(mergeFragments(['Electricity cost (per Bitcoin)', '($', '24,683', ')'])).toEqual(['Electricity cost (per Bitcoin)', '($24,683)']);
  });

  it('reads an "Appx." cell', () => {
    expect(readCell('Appx. $22.2 million')?.num.value).toBe(22_200_000);
  });

  it('stops past 1,000 nested elements', () => {
    expect(() => parseHtml('<div>'.repeat(5000) + 'x')).toThrow(ParseError);
    expect(() => parseHtml('<table><tr><td>' + '<span>'.repeat(3000) + '1</td></tr></table>')).toThrow(/more than 1,000 deep/);
    expect(parseHtml('<div>'.repeat(900) + 'x' + '</div>'.repeat(900)).text).toBe('x');
  });
});

describe('table column headers', () => {
  it('a scraped copy of that table keeps its period caption in the label column', () => {
    // the same BTDR table as pipe-separated text: caption, heading, then the bare years
    const rows = ['Metrics', '2024', '2023', 'Bitcoin mined (self-mining only)', '511', '1,085', 'Average miner efficiency (J/TH)', '31.4', '32.4'];
    const text = `Bitdeer results for the quarter ended September 30, 2024.\n|\nThree Months Ended Sep 30,\n|\n||\n${rows.join('\n|\n')}\n|\nSite\n`;
    const got = extractFacts(parseText(text), { filedDate: '2024-11-18' }).map((f) => [f.metric, f.periodEnd ?? f.asOf, f.value]);
    expect(got).toContainEqual(['btc_produced', '2024-09-30', 511]);
    expect(got).toContainEqual(['btc_produced', '2023-09-30', 1085]);
    expect(got).toContainEqual(['fleet_efficiency', '2023-09-30', 32.4]);
    expect(got).not.toContainEqual(['fleet_efficiency', '2024-09-30', 32.4]);
  });

  it('a row-spanning "Metrics" heading beside one period caption does not take a column', () => {
    // shape of BTDR's Q3 2024 6-K operating table (test/fixtures/BTDR/6-K): spans are not expanded
    const html = `<p>Bitdeer results for the quarter ended September 30, 2024.</p><table>
      <tr><th rowspan="2">Metrics</th><th colspan="2">Three Months Ended Sep 30,</th></tr>
      <tr><th>2024</th><th>2023</th></tr>
      <tr><td>Bitcoin mined (self-mining only)</td><td>511</td><td>1,085</td></tr>
      <tr><td>Average cost of electricity ($/MWh)</td><td>41</td><td>32</td></tr></table>`;
    const facts = extractFacts(parseHtml(html), { filedDate: '2024-11-18' });
    const got = facts.map((f) => [f.metric, f.periodEnd, f.value]);
    expect(got).toContainEqual(['btc_produced', '2024-09-30', 511]);
    expect(got).toContainEqual(['btc_produced', '2023-09-30', 1085]);
    expect(got).toContainEqual(['energy_cost_per_kwh', '2024-09-30', 0.041]);
    expect(got).toContainEqual(['energy_cost_per_kwh', '2023-09-30', 0.032]);
  });

  it.each([
    ['First Qtr. 2024', '2024-01-01', '2024-03-31'],
    ['Third Qtr. 2024', '2024-07-01', '2024-09-30'],
    ['Q1-24', '2024-01-01', '2024-03-31'],
  ])('%s', (text, start, end) => {
    expect(findPeriods(text, { ref: '2025-01-01' })[0]?.period).toEqual({ kind: 'flow', start, end, grain: 'quarter' });
  });

  it('FYTD is fiscal year-to-date', () => {
    expect(findPeriods('FYTD 2025', { ref: '2025-03-01' })[0]?.ytd).toBe('fiscal');
  });
});

describe('self-mining vs customers rows (Core Scientific, Dec 2023 exhibit)', () => {
  const html = `<p>Key Metrics Summary</p><table>
<tr><td>Metric</td><td colspan="2">December 2023</td><td colspan="2">November 2023</td></tr>
<tr><td>Self-Mining Bitcoin Produced<sup>1</sup></td><td colspan="2">1,177</td><td colspan="2">954</td></tr>
<tr><td>Colocation Bitcoin Produced<sup>2</sup></td><td colspan="2">449</td><td colspan="2">406</td></tr>
<tr><td>Self-Mining Energized Hash rate<sup>3</sup></td><td colspan="2">16.9</td><td colspan="2">15.2</td></tr>
<tr><td>Colocation Energized Hash rate<sup>4</sup></td><td colspan="2">6.3</td><td colspan="2">6.4</td></tr>
<tr><td>Total Energized Hash rate</td><td colspan="2">23.2</td><td colspan="2">21.6</td></tr>
<tr><td>Bitcoin Sales Proceeds ($USD)</td><td>Appx. $</td><td>51.2 million</td><td>Appx. $</td><td>36.9 million</td></tr>
</table>`;
  const facts = extractFacts(parseHtml(html), { filedDate: '2024-01-05' });
  const at = (metric: string, value: number) => facts.filter((f) => f.metric === metric && f.value === value && f.confidence >= 0.5);

  it('keeps the company rows', () => {
    expect(at('btc_produced', 1177)).toHaveLength(1);
    expect(at('hashrate_installed', 16.9)).toHaveLength(1);
    expect(at('btc_sold_proceeds', 51_200_000)).toHaveLength(1);
  });

  it('drops the customers rows and the total over them', () => {
    expect(at('btc_produced', 449)).toHaveLength(0);
    expect(at('hashrate_installed', 6.3)).toHaveLength(0);
    expect(at('hashrate_installed', 23.2)).toHaveLength(0);
  });
});

describe('footnote markers styled as superscript', () => {
  it('drops a vertical-align:super span after a figure (Bitdeer "895" + footnote 3)', () => {
    const doc = parseHtml('<table><tr><td>Total electrical capacity</td><td>895<span style="font-size:70%; vertical-align: super">3</span></td></tr></table>');
    expect(doc.tables[0]?.rows).toEqual([['Total electrical capacity', '895']]);
  });
});
