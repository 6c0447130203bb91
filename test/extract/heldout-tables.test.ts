import { describe, expect, it } from 'vitest';
import { readRun, type GlueColumn } from '../../src/extract/_glue.ts';
import { extractFacts } from '../../src/extract/index.ts';
import type { ExtractedFact } from '../../src/model/fact.ts';
import { parseText } from '../../src/parse/text.ts';
import { findCompany, loadRegistry } from '../../src/registry/companies.ts';

/**
 * Table shapes met in a held-out set of real releases. Each fixture keeps the layout of the
 * release (pipes, footnote digits, glued cells, bullet marks) and its figures; the words around
 * the figures are written for these tests.
 */
const companies = loadRegistry();
const run = (ticker: string, filedDate: string, text: string) => extractFacts(parseText(text), { company: findCompany(companies, ticker)!, companies, filedDate });
const when = (f: ExtractedFact) => f.asOf ?? `${f.periodStart}..${f.periodEnd}`;
const sure = (facts: ExtractedFact[], metric: string, at: string) =>
  facts.filter((f) => f.metric === metric && when(f) === at && f.confidence >= 0.5).map((f) => f.value);
const any = (facts: ExtractedFact[], metric: string) => facts.filter((f) => f.metric === metric).map((f) => `${f.value}@${when(f)}`);

const P: GlueColumn = { kind: 'period' };
const MONTHLY: GlueColumn[] = [P, P, P, { kind: 'change', base: 0, against: 1 }, { kind: 'change', base: 0, against: 2 }];

describe('footnote markers set off by blanks in a flattened row', () => {
  // Riot, October 2023 update: "Bitcoin Held 1 7,345 7,327 6,825 0% 8%"
  it('skips a marker after the label and after a unit', () => {
    const held = readRun('1 7,345 7,327 6,825 0% 8%', { columns: MONTHLY, gluedToLabel: false, tableUsesGrouping: true })!;
    expect(held.best.values.slice(0, 3).map((v) => v.num)).toEqual([7345, 7327, 6825]);
    const hash = readRun('1 11.7 EH/s 2 10.9 EH/s 2 6.9 EH/s 8% 71%', { columns: MONTHLY, gluedToLabel: false, tableUsesGrouping: true })!;
    expect(hash.best.values.slice(0, 3).map((v) => v.num)).toEqual([11.7, 10.9, 6.9]);
    expect(hash.certainty.slice(0, 3)).toEqual(['sure', 'sure', 'sure']);
  });
  it('leaves a row with no spare number as it was', () => {
    const r = readRun('458 362 509 26% -10%', { columns: MONTHLY, gluedToLabel: false, tableUsesGrouping: true })!;
    expect(r.best.values.map((v) => v.num)).toEqual([458, 362, 509, 26, -10]);
  });

  const text = [
    'Operating figures for October 2023',
    '',
    'Monthly comparison Comparison (%) Metric October 2023 September 2023 October 2022 Month/Month Year/Year Bitcoin Produced 458 362 509 26% -10% Bitcoin Held 1 7,345 7,327 6,825 0% 8% Bitcoin Sold 440 340 450 29% -2% Deployed Hash Rate 1 11.7 EH/s 2 10.9 EH/s 2 6.9 EH/s 8% 71% Deployed Miners 1 106,674 2 98,694 2 65,516 8% 63% 1. Measured on the last day of the month. 2. In exahashes per second.',
  ].join('\n');
  it('reads holdings and deployed hash rate of every column of a one-line key-metrics table', () => {
    const facts = run('RIOT', '2023-11-07', text);
    expect(sure(facts, 'btc_held', '2023-10-31')).toEqual([7345]);
    expect(sure(facts, 'btc_held', '2023-09-30')).toEqual([7327]);
    expect(sure(facts, 'btc_held', '2022-10-31')).toEqual([6825]);
    expect(sure(facts, 'hashrate_installed', '2023-10-31')).toEqual([11.7]);
    expect(sure(facts, 'hashrate_installed', '2023-09-30')).toEqual([10.9]);
    expect(sure(facts, 'hashrate_installed', '2022-10-31')).toEqual([6.9]);
    // no column's figure lands on another column's date
    expect(any(facts, 'hashrate_installed').sort()).toEqual(['10.9@2023-09-30', '11.7@2023-10-31', '6.9@2022-10-31']);
    expect(sure(facts, 'btc_produced', '2023-10-01..2023-10-31')).toEqual([458]);
  });
});

describe('a stacked "Three Months Ended" header over glued cells', () => {
  // TeraWulf, Q2 2023 results: "Bitcoin Self-Mined253390870%" = footnote 2, Q1 533, Q2 908, change 70%
  const text = [
    'Quarterly operating figures are below.',
    '',
    'Operating Measures1',
    'Three Months',
    'Ended Q1 2023',
    '',
    'Three Months',
    'Ended Q2 2023',
    '',
    '',
    '% Change',
    ' ',
    'Bitcoin Self-Mined253390870%',
    'Power Cost ($M)5$5.7$7.938%',
  ].join('\n');
  it('splits the glued run by the header\'s three columns and dates both quarters', () => {
    const facts = run('WULF', '2023-08-14', text);
    expect(sure(facts, 'btc_produced', '2023-01-01..2023-03-31')).toEqual([533]);
    expect(sure(facts, 'btc_produced', '2023-04-01..2023-06-30')).toEqual([908]);
    expect(any(facts, 'btc_produced').sort()).toEqual(['533@2023-01-01..2023-03-31', '908@2023-04-01..2023-06-30']);
  });
  it('gives no sure figure when the run has no change column to decide the split', () => {
    const noChange = text.replace('% Change', '').replace('253390870%', '2533908').replace('$7.938%', '$7.9');
    const facts = run('WULF', '2023-08-14', noChange);
    expect(facts.filter((f) => f.metric === 'btc_produced' && f.confidence >= 0.5 && ![533, 908].includes(f.value))).toEqual([]);
  });
});

describe('bullets drawn as a two-column table', () => {
  // Marathon, FY2023 results: every highlight is "- | sentence |"
  const text = [
    'Annual Results 2023',
    '- | Coin Output Up 210% to 12,852 in 2023 |',
    'Miami, FL – February 28, 2024 – The miner gave its fourth quarter and full year 2023 results.',
    'Full Year 2023 Highlights',
    '- | Energized hash rate grew 253% to 24.7 EH/s in 2023 from 7.0 EH/s in 2022 |',
    '- | Bitcoin production grew 210% to a record 12,852 BTC in 2023 from 4,144 BTC in 2022 |',
    '- | Revenues grew 229% to $387.5 million in 2023 from $117.8 million in 2022 |',
    '- | Fleet efficiency improved 21% to 24.5 J/TH (joules per terahash) from 30.9 J/TH |',
  ].join('\n');
  it('parses each bullet as a list item, not a table row', () => {
    const doc = parseText(text);
    expect(doc.tables).toEqual([]);
    const items = doc.blocks.filter((b) => b.role === 'list-item').map((b) => b.text);
    expect(items).toContain('Energized hash rate grew 253% to 24.7 EH/s in 2023 from 7.0 EH/s in 2022');
    expect(items.every((t) => !t.includes('|'))).toBe(true);
  });
  it('keeps a real two-cell row a table row', () => {
    const doc = parseText(['- | Bitcoin Produced | 1,000 |', '- | Bitcoin Held | 2,000 |', '- | Bitcoin Sold | 300 |'].join('\n'));
    expect(doc.blocks.filter((b) => b.role === 'list-item')).toEqual([]);
  });
  it('reads the bullets as prose', () => {
    const facts = run('MARA', '2024-02-28', text);
    expect(sure(facts, 'btc_produced', '2023-01-01..2023-12-31')).toEqual([12852]);
    expect(sure(facts, 'btc_produced', '2022-01-01..2022-12-31')).toEqual([4144]);
    expect(sure(facts, 'hashrate_installed', '2023-12-31')).toEqual([24.7]);
    expect(sure(facts, 'hashrate_installed', '2022-12-31')).toEqual([7]);
    expect(sure(facts, 'fleet_efficiency', '2023-12-31')).toEqual([24.5]);
  });
});

describe('a pipe stream with a metric caption over its own and customers\' rows', () => {
  // BitFuFu, Q2 2024 results: "BTC Produced" over a self-mining row and a cloud-mining customers' row
  const text = [
    'Operating figures for the quarter:',
    'Metric |',
    'As of June 30, |',
    '2024 |',
    '2023 |',
    'Hosting capacity (MW) |',
    '522 |',
    '374 |',
    '|',
    'Three Months Ended June 30, |',
    '2024 |',
    '2023 |',
    'BTC Produced |',
    '|',
    '|',
    'From the company\'s self-mining operations |',
    '780 |',
    '1,014 |',
    'By customers from cloud-mining solutions 3 |',
    '1,272 |',
    '1,797 |',
    'Average BTC produced per day by customers and the company |',
    '22.5 |',
    '30.9 |',
    '|',
  ].join('\n');
  it('takes the self-mining row under the caption, for both quarters', () => {
    const facts = run('FUFU', '2024-08-20', text);
    expect(sure(facts, 'btc_produced', '2024-04-01..2024-06-30')).toEqual([780]);
    expect(sure(facts, 'btc_produced', '2023-04-01..2023-06-30')).toEqual([1014]);
    expect(any(facts, 'btc_produced').sort()).toEqual(['1014@2023-04-01..2023-06-30', '780@2024-04-01..2024-06-30']);
  });
  it('takes no row under a caption that does not say it is the company\'s own', () => {
    const sites = text.replace("From the company's self-mining operations", 'From the Texas site');
    const facts = run('FUFU', '2024-08-20', sites);
    expect(any(facts, 'btc_produced')).toEqual([]);
  });
});

describe('a wrapped bulleted list', () => {
  it('gives one block per item, continuation lines joined', () => {
    const doc = parseText(['Quarter Highlights', '- Revenue from self-mining was US$51.1', 'million in the quarter.', '- Cost to mine averaged', 'US$51,887 per BTC.'].join('\n'));
    expect(doc.blocks.map((b) => [b.text, b.role ?? ''])).toEqual([
      ['Quarter Highlights', ''],
      ['Revenue from self-mining was US$51.1 million in the quarter.', 'list-item'],
      ['Cost to mine averaged US$51,887 per BTC.', 'list-item'],
    ]);
  });

  it('a table scraped one cell per line, with captions above its header, is read by columns (Riot, April 2025)', () => {
    const cells = [
      'Riot gives its April 2025 production figures.',
      'Production and Operations for April 2025',
      'Change (%)',
      'Metric', 'April 2025 1', 'March 2025 1', 'April 2024', 'Month/Month', 'Year/Year',
      'Bitcoin Produced', '463', '533', '375', '-13 %', '23 %',
      // footnote 3 glued to April's holdings (19,211 BTC): a last digit group one digit too long
      'Bitcoin Held 2', '19,2113', '19,223', '8,872', '0 %', '117 %',
      'Bitcoin Sold', '475', '-', '-', 'N/A', 'N/A',
      'Average Net Price per Bitcoin Sold', '$81,731', 'N/A', 'N/A', 'N/A', 'N/A',
      'Avg. Operating Hash Rate - Total 4', '29.3 EH/s', '30.3 EH/s', '8.8 EH/s', '-3 %', '234 %',
      'Fleet Efficiency 2', '21.0 J/TH', '21.0 J/TH', '27.0 J/TH', '0 %', '-22 %',
      'Footnotes: unaudited and estimated, as of month-end, averaged over the month.',
    ];
    // as scraped out of a JSON field: line breaks written as the two characters "\\n"
    const facts = run('RIOT', '2025-05-05', cells.join('\\n'));
    expect(sure(facts, 'btc_produced', '2025-04-01..2025-04-30')).toEqual([463]);
    expect(sure(facts, 'btc_produced', '2025-03-01..2025-03-31')).toEqual([533]);
    expect(sure(facts, 'btc_sold', '2025-04-01..2025-04-30')).toEqual([475]);
    expect(sure(facts, 'btc_sold_avg_price', '2025-04-01..2025-04-30')).toEqual([81731]);
    expect(sure(facts, 'hashrate_average', '2025-04-01..2025-04-30')).toEqual([29.3]);
    expect(sure(facts, 'fleet_efficiency', '2024-04-30')).toEqual([27]);
    expect(sure(facts, 'btc_held', '2025-03-31')).toEqual([19223]);
    expect(sure(facts, 'btc_held', '2025-04-30')).toEqual([19211]);
  });
});

describe('a highlights panel copied with " |" closing every line', () => {
  it('is read as prose, a capitalised "TO …" / "IN Q3 2025" line going on from the one before (MARA, Q3 2025 shareholder letter)', () => {
    const lines = [
      'MARA shareholder letter, third quarter 2025',
      'Highlights |',
      'Energized hashrate grew 64% |',
      'TO 60.4 EH/S IN Q3 2025 |',
      'from 36.9 EH/s a year before, in Q3 2024. |',
      'Bitcoin held rose 98% |',
      'TO 52,850 BTC |',
      'Mined 2,144 BTC and bought 2,257 BTC |',
      'IN Q3 2025. |',
    ];
    const doc = parseText(lines.join('\n'));
    expect(doc.tables).toEqual([]);
    const facts = run('MARA', '2025-11-04', lines.join('\n'));
    expect(sure(facts, 'hashrate_installed', '2025-09-30')).toEqual([60.4]);
    expect(sure(facts, 'btc_produced', '2025-07-01..2025-09-30')).toEqual([2144]);
    expect(sure(facts, 'btc_purchased', '2025-07-01..2025-09-30')).toEqual([2257]);
  });
});

describe('a cell with a worded alternative', () => {
  it("'12,581 (10,168 adj)3' in a one-cell-per-line table is 12,581 (IREN, November 2022 electricity cost per bitcoin)", () => {
    const text = ['IREN monthly investor update for November 2022', 'Key metrics', '|', 'Nov-22', '|', 'Bitcoin mined', '|', '151', '|', 'Electricity costs per Bitcoin (US$)', '|', '12,581 (10,168 adj)3', '|'].join('\n');
    const facts = run('IREN', '2022-12-13', text);
    expect(sure(facts, 'btc_produced', '2022-11-01..2022-11-30')).toEqual([151]);
    expect(sure(facts, 'cost_per_btc', '2022-11-01..2022-11-30')).toEqual([12581]);
  });
});

describe('a table copied with each label run onto the line before its values', () => {
  it('is cut into cells and read by columns (Riot, June 2024)', () => {
    const text = [
      'Riot gives its production and operations figures for June 2024.',
      '',
      'Operations for June 2024',
      '',
      'Comparison (%) Metric',
      '',
      'June 2024 1 May 2024 1 June 2023',
      '',
      'Month/Month Year/Year Bitcoin Produced',
      '',
      '255 215 460',
      '',
      '19 % -45 % Bitcoin Held 2',
      '',
      '9,334 9,084 7,250',
      '',
      '3 % 29 % Bitcoin Sold',
      '',
      '- - 400',
      '',
      'N/A N/A Avg. Operating Hash Rate - Total 3',
      '',
      '11.4 EH/s 8.8 EH/s 6.0 EH/s',
      '',
      '30 % 90 % All-in power cost - Total 6',
      '',
      '2.6c/kWh 1.9c/kWh 1.0c/kWh',
      '',
      '34 % 158 %',
      '',
      'Footnotes: unaudited; as of month-end; averaged over the month.',
    ].join('\n');
    const facts = run('RIOT', '2024-07-03', text);
    expect(sure(facts, 'btc_produced', '2024-06-01..2024-06-30')).toEqual([255]);
    expect(sure(facts, 'btc_produced', '2024-05-01..2024-05-31')).toEqual([215]);
    expect(sure(facts, 'btc_held', '2024-06-30')).toEqual([9334]);
    expect(sure(facts, 'btc_held', '2023-06-30')).toEqual([7250]);
    expect(sure(facts, 'btc_sold', '2023-06-01..2023-06-30')).toEqual([400]);
    expect(sure(facts, 'hashrate_average', '2024-06-01..2024-06-30')).toEqual([11.4]);
    expect(sure(facts, 'energy_cost_per_kwh', '2024-06-01..2024-06-30')).toEqual([0.026]);
  });
});
