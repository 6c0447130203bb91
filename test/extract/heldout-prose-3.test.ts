import { describe, expect, it } from 'vitest';
import { confident, flows, run, stocks } from './_heldout.ts';

/**
 * Shapes met in held-out set Z1 (real releases and news copies of CANG, CLSK, IREN, MARA and RIOT,
 * kept outside the repository). Figures and dates are those of the real document named per case;
 * every sentence here is written for the test.
 */
describe('held-out prose shapes, set Z1', () => {
  it("a non-breaking hyphen ('third\u2011quarter 2025'), an unspaced em-dash aside and 'a 37.5% increase over the 1,404.4 BTC' (Cango Q3 2025, news copy)", () => {
    const text = [
      'Cango reported a strong third\u2011quarter 2025, with revenue up from the $139.8 million it booked in Q2.',
      'Mining output for the quarter came to 1,930.8 BTC\u2014about 21 BTC a day\u2014a 37.5% increase over the 1,404.4 BTC mined in Q2.',
    ].join('\n\n');
    const facts = run('CANG', '2025-12-02', text);
    expect(flows(facts, 'btc_produced').sort()).toEqual(['2025-04-01..2025-06-30=1404.4', '2025-07-01..2025-09-30=1930.8']);
  });

  it("a cost compared with the prior quarter is the quarter's, not the month the sentence before named (Cango Q3 2025, news copy)", () => {
    const text = [
      'Cango reported a strong third-quarter 2025.',
      'Its fleet of 50 EH/s ran at an average operating hashrate of 46.09 EH/s in October.',
      'Costs improved too: the cash cost per Bitcoin eased to $81,072 (down from $83,091 in Q2).',
    ].join('\n\n');
    const facts = run('CANG', '2025-12-02', text);
    expect(flows(facts, 'cost_per_btc').sort()).toEqual(['2025-04-01..2025-06-30=83091', '2025-07-01..2025-09-30=81072']);
  });

  it("'Revenue from the bitcoin mining business in the third quarter of 2025 was US$220.9 million' is mining revenue (Cango Q3 2025)", () => {
    const text = 'Cango reports results for the third quarter of 2025\n\nRevenue from the bitcoin mining business in the third quarter of 2025 was US$220.9 million.';
    expect(flows(run('CANG', '2025-12-01', text), 'mining_revenue')).toEqual(['2025-07-01..2025-09-30=220900000']);
  });

  it("coins listed after a cash balance ('exited the quarter with … $124.9 million in unrestricted cash and cash equivalents and 11,466 bitcoin') are held (MARA, March 2023)", () => {
    const text = [
      'Marathon mined 825 bitcoins in March 2023.',
      'Its chief executive noted that Marathon "exited the quarter with approximately $124.9 million in unrestricted cash and cash equivalents and 11,466 bitcoin".',
    ].join('\n\n');
    expect(stocks(run('MARA', '2023-04-04', text), 'btc_held')).toEqual(['2023-03-31=11466']);
  });

  it("'currently has a deployed fleet of approximately 42,919 miners, with a hash rate capacity of 4.3 EH/s' is dated at publication (Riot, March 2022)", () => {
    const text = 'Riot posts its production update for March 2022\n\nRiot produced 511 BTC in March 2022.\n\nRiot currently has a deployed fleet of approximately 42,919 miners, with a hash rate capacity of 4.3 EH/s.';
    expect(stocks(run('RIOT', '2022-04-05', text), 'hashrate_installed')).toEqual(['2022-04-05=4.3']);
  });

  it("'(the figure was 3.1 EH/s as of December 31, 2021)' is a compared figure in parentheses (Riot FY2022, news copy)", () => {
    const text = 'Riot reported its results for 2022.\n\nThe chief executive pointed to a record hash rate capacity of 9.7 EH/s in 2022 (the figure was 3.1 EH/s as of December 31, 2021).';
    expect(stocks(run('RIOT', '2023-03-03', text), 'hashrate_installed').sort()).toEqual(['2021-12-31=3.1', '2022-12-31=9.7']);
  });

  it("inside a plan, the level moved from is today's ('increasing … operating capacity from 2.0 EH/s to 5.5 EH/s over the coming months'); guidance moved is not (IREN, Feb 2023 and Aug 2022)", () => {
    const plan = 'Iris Energy Monthly Investor Update for February 2023\n\nThe new miners, still to be installed, lift self-mining operating capacity from 2.0 EH/s to 5.5 EH/s over the coming months.';
    const facts = run('IREN', '2023-03-07', plan);
    expect(stocks(facts, 'hashrate_operating')).toEqual(['2023-03-07=2']);
    const guidance = 'Iris Energy mined 301 bitcoins in August 2022.\n\nIts operating capacity guidance increased from 4.3 EH/s to 4.7 EH/s by the end of Q4 2022.';
    expect(confident(run('IREN', '2022-09-07', guidance), 'hashrate_operating')).toEqual([]);
  });

  it("a bullet 'Improves overall fleet efficiency from 29.5 J/TH to 24.8 J/TH' under an expansion is not the fleet's level (IREN, December 2023)", () => {
    const text = [
      'Iris Energy Monthly Investor Update for December 2023',
      '- Expansion from 5.6 EH/s to 10 EH/s:',
      '- Miners arrive in stages from January 2024',
      '- Improves overall fleet efficiency from 29.5 J/TH to 24.8 J/TH',
    ].join('\n');
    expect(confident(run('IREN', '2024-01-05', text), 'fleet_efficiency').map((f) => f.value)).not.toContain(24.8);
  });

  it("'compared to 1,399 Bitcoin in the previous fiscal year' is the fiscal year before (IREN FY2023, news copy; its year ends June 30)", () => {
    const text = [
      'Iris Energy reported results for the fiscal year ended June 30, 2023.',
      'It mined 3,259 Bitcoin during fiscal year 2023, compared to 1,399 Bitcoin in the previous fiscal year.',
      'Other costs rose to $38.3 million from $21.8 million in fiscal year 2022, reflecting a business larger than the existing 5.6 EH/s.',
    ].join('\n\n');
    const facts = run('IREN', '2023-09-14', text);
    expect(flows(facts, 'btc_produced').sort()).toEqual(['2021-07-01..2022-06-30=1399', '2022-07-01..2023-06-30=3259']);
    expect(stocks(facts, 'hashrate_operating')).not.toContain('2022-06-30=5.6');
  });

  it("'a 96% jump from just 154 in July' is July's output (IREN, August 2022, news copy)", () => {
    const text = 'Iris Energy produced 301 bitcoins in August 2022, a 96% jump from just 154 in July.';
    expect(flows(run('IREN', '2022-09-07', text), 'btc_produced').sort()).toEqual(['2022-07-01..2022-07-31=154', '2022-08-01..2022-08-31=301']);
  });
});
