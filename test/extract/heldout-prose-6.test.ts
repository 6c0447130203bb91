import { describe, expect, it } from 'vitest';
import { flows, run, stocks } from './_heldout.ts';

/**
 * Shapes left over from held-out sets Z1–Z3 (kept outside the repository). Figures and dates are
 * those of the real document named per case; every sentence here is written for the test.
 */
describe('held-out shapes fixed in 0.9.8', () => {
  // Bitfarms' October 2022 update (November 1, 2022): a KPI table scraped one cell per line, where
  // the "BTC" that opens a label ("BTC/ Avg EH", "BTC Sold") lands right after the row before
  const kpi = [
    'Bitfarms gives its production figures for October 2022.',
    'Key Performance Indicators |',
    'Oct. 2022 |',
    'Sept. 2022 |',
    'Oct. 2021 |',
    'Total BTC Mined |', '486 |', '481 |', '343 |',
    'Month End Operating Hashrate |', '4.2 |', '4.2 |', '1.8 |',
    'BTC/ Avg EH |', '115 |', '122 |', '199 |',
    'Watts/TH Efficiency |', '40 |', '40 |', '45 |',
    'BTC Sold |', '486 |', '544 |', '8 |',
    'Our Chief Operating Officer commented on the sites we are building.',
  ].join('\n');

  it("'… Hashrate 4.2 4.2 1.8 BTC/ Avg EH …': the trailing 'BTC' belongs to the next label, so the hashrate row and the 'BTC Sold' row are read", () => {
    const facts = run('BITF', '2022-11-01', kpi);
    expect(stocks(facts, 'hashrate_operating').sort()).toEqual(['2021-10-31=1.8', '2022-09-30=4.2', '2022-10-31=4.2']);
    expect(flows(facts, 'btc_sold').sort()).toEqual(['2021-10-01..2021-10-31=8', '2022-09-01..2022-09-30=544', '2022-10-01..2022-10-31=486']);
  });

  it("'486 | 544 | 8': values set off by blanks are read as printed, not as '54' with a footnote '4'", () => {
    const facts = run('BITF', '2022-11-01', kpi);
    expect(facts.filter((f) => f.metric === 'btc_sold' && f.value === 54)).toEqual([]);
  });

  it("a unit in the prose before a table ('per terahash/second (TH/s)') does not scale the table's hashrate to nothing", () => {
    const text = kpi.replace('Key Performance Indicators |', 'Difficulty rose, lowering US$ revenue per terahash/second (TH/s).\n\nKey Performance Indicators |');
    expect(stocks(run('BITF', '2022-11-01', text), 'hashrate_operating')).toContain('2022-10-31=4.2');
  });

  it("'in the first ten months of 2022 … 4,219 BTC, up from 2,750 BTC in the first 10 months of 2021': January to October of each year (same release)", () => {
    const text = 'Bitfarms gives its production figures for October 2022.\n\nBitfarms says it mined 4,219 BTC in the first ten months of 2022, up 53% from 2,750 BTC in the first 10 months of 2021.';
    expect(flows(run('BITF', '2022-11-01', text), 'btc_produced').sort()).toEqual(['2021-01-01..2021-10-31=2750', '2022-01-01..2022-10-31=4219']);
  });

  it("'3,692 BTC year-to-date, while last year it mined 3,733 BTC over the same period': the same span a year back, not the month of the article (Bitfarms, news of October 2, 2023)", () => {
    const text = 'Bitfarms mined 411 bitcoins in September 2023.\n\nThe miner has produced 3,692 BTC year-to-date, while last year it mined 3,733 BTC over the same period.';
    const got = flows(run('BITF', '2023-10-02', text), 'btc_produced').sort();
    expect(got).toEqual(['2022-01-01..2022-09-30=3733', '2023-01-01..2023-09-30=3692', '2023-09-01..2023-09-30=411']);
  });

  it("'over the same period' with no 'last year' before it names no year back", () => {
    const text = 'Bitfarms mined 411 bitcoins in September 2023.\n\nThe miner has produced 3,692 BTC year-to-date and sold 3,000 BTC over the same period.';
    const facts = run('BITF', '2023-10-02', text);
    expect(flows(facts, 'btc_produced').filter((x) => x.startsWith('2022'))).toEqual([]);
    expect(flows(facts, 'btc_sold').filter((x) => x.startsWith('2022'))).toEqual([]);
  });

  it("'Owned and managed 724 megawatts of infrastructure' is the power capacity at the quarter's end (Core Scientific, Q4 2023 results of March 12, 2024)", () => {
    const text = 'Core Scientific Announces Fourth Quarter 2023 Results\n\nFourth quarter 2023 highlights:\n\n- Owned and managed 724 megawatts of infrastructure, more than any other listed miner in its region';
    expect(stocks(run('CORZ', '2024-03-12', text), 'power_capacity')).toEqual(['2023-12-31=724']);
  });

  it("'expanded its power capacity to an industry-leading 760MW' is the level reached; capacity to be built is not (IREN, fiscal 2023, article of September 14, 2023)", () => {
    const text = 'IREN mined 3,259 Bitcoin during fiscal year 2023. The company also expanded its power capacity to an industry-leading 760MW.';
    expect(stocks(run('IREN', '2023-09-14', text), 'power_capacity')).toEqual(['2023-06-30=760']);
    const planned = 'IREN mined 3,259 Bitcoin during fiscal year 2023. The company plans additional power capacity of 600MW.';
    expect(stocks(run('IREN', '2023-09-14', planned), 'power_capacity')).toEqual([]);
  });

  it("'the sale of $208.3 million worth of bitcoin in the first quarter of 2026' is the quarter's sale proceeds (Core Scientific, news of May 7, 2026)", () => {
    const text = 'Core Scientific and its bitcoin\n\nCore Scientific raised cash through the sale of $208.3 million worth of bitcoin in the first quarter of 2026. It sold 2,385 bitcoins in all.';
    const facts = run('CORZ', '2026-05-07', text);
    expect(flows(facts, 'btc_sold_proceeds')).toEqual(['2026-01-01..2026-03-31=208300000']);
    // money raised by selling something else is not coin proceeds
    const shares = run('CORZ', '2026-05-07', 'Core Scientific raised cash through the sale of $208.3 million worth of shares in the first quarter of 2026.');
    expect(flows(shares, 'btc_sold_proceeds')).toEqual([]);
  });

  it("'$156 million compared to the $184 million registered the year before' dates the second figure a year back (Riot, 2022, article of March 3, 2023)", () => {
    const text = 'Riot mined 5,554 BTC in 2022. Its BTC mining revenue in 2022 stood at $156 million compared to the $184 million registered the year before.';
    expect(flows(run('RIOT', '2023-03-03', text), 'mining_revenue').sort()).toEqual(['2021-01-01..2021-12-31=184000000', '2022-01-01..2022-12-31=156000000']);
  });

  it("for a company whose fiscal year ends in September, 'the first quarter of the calendar year' is January to March; a bare 'first quarter' that could be either is not dated (CleanSpark, March 2023, article of April 4, 2023)", () => {
    const calendar = 'CleanSpark update\n\nCleanSpark mined 598 BTC in March 2023, taking the total mined in the first quarter of the calendar year to 1,871 BTC.';
    expect(flows(run('CLSK', '2023-04-04', calendar), 'btc_produced').sort()).toEqual(['2023-01-01..2023-03-31=1871', '2023-03-01..2023-03-31=598']);
    const bare = 'CleanSpark update\n\nCleanSpark mined 598 BTC in March 2023. It mined 1,871 BTC in the first quarter, the company said.';
    expect(flows(run('CLSK', '2023-04-04', bare), 'btc_produced').filter((x) => !x.endsWith('=598'))).toEqual([]);
    // a fiscal marker keeps the company's own quarter (October to December for fiscal 2023)
    const fiscal = 'CleanSpark update\n\nCleanSpark mined 598 BTC in March 2023. It mined 1,400 BTC in the first quarter of its fiscal year, the company said.';
    expect(flows(run('CLSK', '2023-04-04', fiscal), 'btc_produced').filter((x) => !x.endsWith('=598'))).toEqual(['2022-10-01..2022-12-31=1400']);
  });
});
