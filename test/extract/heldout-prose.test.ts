import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';
import { parseText } from '../../src/parse/text.ts';
import { findCompany } from '../../src/registry/companies.ts';
import { companies, flows, run, stocks } from './_heldout.ts';

/**
 * Prose shapes met in a held-out set of real releases (realdocs3, kept outside the repository).
 * Figures and dates are those of the real release named per case; every sentence here is written
 * for the test.
 */

describe('held-out prose shapes', () => {
  it("a rise 'over September's production' is October's figure (Riot, October 2023: 458 BTC)", () => {
    const facts = run('RIOT', '2023-11-07', 'Riot Platforms gives its production update for October 2023.\n\nThe company produced 458 Bitcoin in the month, up 26% over September\'s output.');
    expect(flows(facts, 'btc_produced')).toEqual(['2023-10-01..2023-10-31=458']);
  });

  it("'the number of bitcoins held … at the end of March was 2,474.8' (Cango, March 2025)", () => {
    const facts = run('CANG', '2025-04-01', 'Cango published its production figures for March 2025.\n\nCango mined 530.1 bitcoins in March. The number of bitcoins held by the company at the close of March was 2,474.8.');
    expect(stocks(facts, 'btc_held')).toEqual(['2025-03-31=2474.8']);
    expect(flows(facts, 'btc_produced')).toEqual(['2025-03-01..2025-03-31=530.1']);
  });

  it('a hard-wrapped sentence and a contrast after block-reward words (CleanSpark, quarter to June 30, 2024: 1,583 BTC)', () => {
    const text = [
      'CleanSpark reports results for its fiscal third quarter ended June 30, 2024.',
      '"During the quarter the halving took half of every block reward, but we\nstill grew the business by mining 1,583 bitcoin\nin the quarter," the CFO said.',
    ].join('\n\n');
    expect(flows(run('CLSK', '2024-08-09', text), 'btc_produced')).toEqual(['2024-04-01..2024-06-30=1583']);
  });

  it("a headline 'Bitcoin production grew to 1,957' takes the quarter reported on (CleanSpark, quarter to March 31, 2025)", () => {
    const text = ['CleanSpark Reports Second Quarter Fiscal 2025 Results', 'Bitcoin production grew to 1,957 in the period', 'CleanSpark today reported its financial results for the quarter ended March 31, 2025.'].join('\n\n');
    expect(flows(run('CLSK', '2025-05-08', text), 'btc_produced')).toEqual(['2025-01-01..2025-03-31=1957']);
  });

  it("'Third Quarter FY24', 'the three and nine months ended', and bullets whose line breaks were lost (IREN, quarter to March 31, 2024)", () => {
    const text = [
      'IREN Reports Third Quarter FY24 Results',
      'IREN today gave its results for the three and nine months ended March 31, 2024. Third Quarter FY24 Results Bitcoin mining revenue of $53.4 million, against $42.0 million in the second quarter of fiscal year 2024, on more hashrate AI cloud revenue of $0.6 million from GPUs serving a customer Mined 1,003 Bitcoin, as compared to 1,144 Bitcoin in the second quarter of fiscal year 2024.',
    ].join('\n\n');
    const facts = run('IREN', '2024-05-15', text);
    expect(flows(facts, 'btc_produced').sort()).toEqual(['2023-10-01..2023-12-31=1144', '2024-01-01..2024-03-31=1003']);
    expect(flows(facts, 'mining_revenue').sort()).toEqual(['2023-10-01..2023-12-31=42000000', '2024-01-01..2024-03-31=53400000']);
  });

  it("a release that splits self-mining from colocated machines: an unscoped total stays below 0.5 (Core Scientific, July 2022: 19.3 EH/s over about 195,000 servers)", () => {
    const text = [
      'Core Scientific gives its July 2022 updates.',
      '- About 195,000 owned and colocated ASIC servers in operation',
      'At the end of the month the Company ran roughly 195,000 ASIC servers, representing 19.3 EH/s, across its data centers.',
      'Self-Mining',
      'Its self-mining operations produced 1,221 bitcoins in July.',
    ].join('\n\n');
    const facts = run('CORZ', '2022-08-05', text);
    expect(facts.filter((f) => f.metric.startsWith('hashrate_') && f.confidence >= 0.5)).toEqual([]);
    expect(flows(facts, 'btc_produced')).toEqual(['2022-07-01..2022-07-31=1221']);
  });

  it("classes of machines ('sub-30 w/TH miners', '30-40 w/TH machines') are not the fleet's efficiency (Bitfarms, September 2023)", () => {
    const text = 'Bitfarms reports its September 2023 production update.\n\nNew S19 Pro+ units in Argentina almost doubled the count of sub-30 w/TH miners; the fleet is now 23% sub-30 w/TH miners, 58% 30-40 w/TH machines and 19% 40-45 w/TH machines.';
    expect(stocks(run('BITF', '2023-10-02', text), 'fleet_efficiency')).toEqual([]);
  });

  it("a 'negative' power cost is not stated as a positive one (IREN, August 2023: ~US$0.08/kWh at Childress)", () => {
    const text = 'IREN August 2023 Monthly Investor Update\n\n- Power at Childress was free in August\n- Negative realized\nelectricity costs of ~US$0.08/kWh';
    expect(flows(run('IREN', '2023-09-07', text), 'energy_cost_per_kwh')).toEqual([]);
  });

  it("'well on our way towards achieving 50 EH/s' is a goal (CleanSpark, February 2025)", () => {
    const text = 'CleanSpark reports its fiscal first quarter 2025 results.\n\n"We are well on our way towards achieving 50 EH/s in the first half of 2025," the CEO said.';
    expect(run('CLSK', '2025-02-06', text).filter((f) => f.metric.startsWith('hashrate_') && f.confidence >= 0.5)).toEqual([]);
  });

  it("headline bullets set off by '– … –' and 'from Q1 2024' as the compared quarter (Bitfarms, Q2 2024)", () => {
    const text = 'Bitfarms Reports Second Quarter 2024 Results\n\n– Revenue of $42 million, down 16% Q/Q –\n– Hashrate now 11.1 EH/s, up from 6.5 EH/s in Q1 2024 –\n– Efficiency now 25 w/TH, a 26% improvement from Q1 2024 –';
    const facts = run('BITF', '2024-08-08', text);
    expect(stocks(facts, 'hashrate_operating')).toContain('2024-03-31=6.5');
    expect(stocks(facts, 'fleet_efficiency').filter((x) => x.startsWith('2024-03-31'))).toEqual([]);
  });

  it("'from 10.3 EH/s to 10.9 EH/s' states the figure moved to (Core Scientific, July 2022)", () => {
    const text = 'Core Scientific gives its July 2022 updates.\n\nThe Company grew its hashrate by 6%, from 10.3 EH/s to 10.9 EH/s over the month before.';
    expect(stocks(run('CORZ', '2022-08-05', text), 'hashrate_operating')).toEqual(['2022-07-31=10.9']);
  });

  it("'lowered its guidance from 6.0 EH/s to 5.0 EH/s' stays a plan (Bitfarms, October 2022)", () => {
    const text = 'Bitfarms gives its October 2022 production update.\n\nThe CEO also cut the December 31, 2022 corporate guidance from 6.0 EH/s to 5.0 EH/s given conditions in Argentina.';
    expect(run('BITF', '2022-11-01', text).filter((f) => f.metric.startsWith('hashrate_') && f.confidence >= 0.5)).toEqual([]);
  });

  it("'in the same period of 2023' and 'YoY' after a figure date it a year back (BitFuFu, Q3 2024 and Q1 2025)", () => {
    const q3 = run('FUFU', '2024-11-05', 'BitFuFu reports results for the three months ended September 30, 2024.\n\nSelf-mining output fell 34.0% to 340 BTCs from 515 BTCs in the same period of 2023.');
    expect(flows(q3, 'btc_produced').sort()).toEqual(['2023-07-01..2023-09-30=515', '2024-07-01..2024-09-30=340']);
    const q1 = run('FUFU', '2025-06-05', 'BitFuFu reports results for the three months ended March 31, 2025.\n\nSelf-mining output fell sharply to 186 BTCs from 1,103 BTCs YoY. Total hashrate fell 28% YoY to 20.6 EH/s.');
    expect(flows(q1, 'btc_produced').sort()).toEqual(['2024-01-01..2024-03-31=1103', '2025-01-01..2025-03-31=186']);
    expect(stocks(q1, 'hashrate_operating').filter((x) => x.startsWith('2024'))).toEqual([]);
  });

  it("'revenue from bitcoin self-mining' and a comparison 'from US$28.2 million' (BitFuFu, Q2 2024)", () => {
    const text = 'BitFuFu reports results for the three months ended June 30, 2024.\n\nRevenue from Bitcoin self-mining operations came to US$51.1 million, up 81.0% from US$28.2\nmillion in the same period of 2023.';
    expect(flows(run('FUFU', '2024-08-20', text), 'mining_revenue').sort()).toEqual(['2023-04-01..2023-06-30=28200000', '2024-04-01..2024-06-30=51100000']);
  });

  it("a bitcoin 'inventory' is holdings (Cipher, March 2024: about 1,741 BTC)", () => {
    const text = 'Cipher Mining gives its March 2024 operational update.\n\nIts bitcoin inventory, now at approximately 1,741 BTC, keeps growing.';
    expect(stocks(run('CIFR', '2024-04-01', text), 'btc_held')).toEqual(['2024-03-31=1741']);
  });

  it("'per bitcoin for the quarter' is the report's quarter, not a month named before (CleanSpark, quarter to December 31, 2024)", () => {
    const text = 'CleanSpark reported financial results for the quarter ended December 31, 2024.\n\n"We passed 40 EH/s in January," the CEO said. "Revenue came at a marginal cost to mine of approximately $34,000 per bitcoin for the\nquarter."';
    expect(flows(run('CLSK', '2025-02-06', text), 'cost_per_btc')).toEqual(['2024-10-01..2024-12-31=34000']);
  });

  it("one metric listed over periods: '825 BTC in March 2023 and a record 2,195 BTC in Q1 2023', '… and 9,812 BTC year-to-date' (MARA)", () => {
    const march = run('MARA', '2023-04-03', 'MARA announces March 2023 production and mining operation updates.\n\n- Output up 21% on the month, producing a record 825 BTC in March 2023 and a record 2,195 BTC in Q1 2023');
    expect(flows(march, 'btc_produced').sort()).toEqual(['2023-01-01..2023-03-31=2195', '2023-03-01..2023-03-31=825']);
    const october = run('MARA', '2023-11-03', 'MARA announces October 2023 production and mining operation updates.\n\n- Produced 1,202 BTC in October 2023 and 9,812 BTC year-to-date');
    expect(flows(october, 'btc_produced').sort()).toEqual(['2023-01-01..2023-10-31=9812', '2023-10-01..2023-10-31=1202']);
  });

  it("'2.3 exahashes online in Abu Dhabi' is one place's figure (MARA, October 2023)", () => {
    const text = 'MARA announces October 2023 production and mining operation updates.\n\nThe company now has 2.3 exahashes online in Abu Dhabi at its second, larger facility.';
    expect(run('MARA', '2023-11-03', text).filter((f) => f.metric.startsWith('hashrate_') && f.confidence >= 0.5)).toEqual([]);
  });

  it("a compared figure in parentheses keeps its own period: '1,514 Bitcoin mined (1,347 Bitcoin in Q2 FY25)' (IREN, quarter to March 31, 2025)", () => {
    const text = 'IREN reports results for the quarter ended March 31, 2025.\n\n- 1,514 Bitcoin mined (1,347 Bitcoin in Q2 FY25)';
    expect(flows(run('IREN', '2025-05-14', text), 'btc_produced').sort()).toEqual(['2024-10-01..2024-12-31=1347', '2025-01-01..2025-03-31=1514']);
  });

  it("'earns 1,172 BTC and grows treasury by 154 BTC to 703 BTC' (Bitfarms, Q3 2023)", () => {
    const facts = run('BITF', '2023-11-07', 'Bitfarms reports its results for the three months ended September 30, 2023.\n\n- Earns 1,172 BTC and grows its treasury by 154 BTC to 703 BTC');
    expect(flows(facts, 'btc_produced')).toEqual(['2023-07-01..2023-09-30=1172']);
    expect(stocks(facts, 'btc_held')).toEqual(['2023-09-30=703']);
  });

  it("self-mined bitcoin 'held in custody' or 'reserves' is holdings, not production (Hut 8: 9,133 BTC at March 31, 2023; 9,113 BTC in October 2023)", () => {
    const q1 = run('HUT', '2023-05-15', 'Hut 8 reports results for the quarter ended March 31, 2023.\n\nThe company had 9,133 self-mined Bitcoin held in custody on March 31, 2023.');
    expect(stocks(q1, 'btc_held')).toEqual(['2023-03-31=9133']);
    expect(flows(q1, 'btc_produced')).toEqual([]);
    const text = 'EXHIBIT 99.1\nHut 8 Mining Production and Operations Update for October 2023\nWith 9,113 BTC, Hut 8 keeps one of the largest self-mined Bitcoin reserves among listed miners';
    expect(flows(run('HUT', '2023-11-06', text), 'btc_produced')).toEqual([]);
  });

  it("a total 'consisting of' self-mining and hosting gives way to the self-mining part (Core Scientific, December 31, 2024: 20.1 = 19.1 + 1.0 EH/s)", () => {
    const text = 'Core Scientific reports results for the fourth quarter of 2024.\n\n- Ran 20.1 EH/s, consisting of 19.1 EH/s self-mining and 1.0 EH/s hosting, as of December 31, 2024';
    expect(stocks(run('CORZ', '2025-02-26', text), 'hashrate_operating')).toEqual(['2024-12-31=19.1']);
  });

  it("a section heading's quarter dates the bullets under it, over a title naming the full year (Core Scientific, Q4 2024: 974 BTC at a cash cost of $51,035)", () => {
    const text = 'Core Scientific Announces Fourth Quarter and Full Year 2024 Results\n\nFourth Quarter 2024 Highlights\n\n- Earned 974 self-mined bitcoin with an average cash cost to self-mine one bitcoin of $51,035';
    const facts = run('CORZ', '2025-02-26', text);
    expect(flows(facts, 'btc_produced')).toEqual(['2024-10-01..2024-12-31=974']);
    expect(flows(facts, 'cost_per_btc')).toEqual(['2024-10-01..2024-12-31=51035']);
  });

  it("a closing parenthesis ends the compared figure inside it (IREN, quarter to March 31, 2025: 29.4 EH/s average)", () => {
    const text = 'IREN reports results for the quarter ended March 31, 2025.\n\n- Net power costs rose to $36.5 million ($28.9 million in Q2 FY25), mainly on higher average operating hashrate (29.4 EH/s average operating hashrate for the quarter)';
    expect(flows(run('IREN', '2025-05-14', text), 'hashrate_average')).toEqual(['2025-01-01..2025-03-31=29.4']);
  });

  it("a target 'achieved' is a fact (Riot, September 2024: 28.2 EH/s deployed)", () => {
    const text = 'Riot Produces 412 Bitcoin in September 2024 and Achieves Q3 Hash Rate Target, with 28.2 EH/s Deployed';
    expect(stocks(run('RIOT', '2024-10-03', text), 'hashrate_installed')).toEqual(['2024-09-30=28.2']);
  });

  it("figures listed under one plan stay a plan (Bitfarms, March 2024: 21 EH/s, 391 MW and 23 w/TH targeted for 2024)", () => {
    const text = 'Bitfarms reports fourth quarter and full year 2023 results.\n\n"Our 2024 plan aims at tripling our hashrate to 21 EH/s, lifting operating capacity at least 63% to 391 MW, and improving fleet efficiency by 34% to 23 w/TH."';
    const facts = run('BITF', '2024-03-07', text);
    expect(facts.filter((f) => ['fleet_efficiency', 'power_capacity'].includes(f.metric) || f.metric.startsWith('hashrate_')).filter((f) => f.confidence >= 0.5)).toEqual([]);
  });

  it("'an 8.9% increase over Q4 2023, on a total installed hashrate of 8.0 EH/s' dates the hashrate by the quarter reported (TeraWulf, Q1 2024)", () => {
    const text = 'TeraWulf reports results for the first quarter of 2024.\n\n- Self-mined 1,057 bitcoin in Q1 2024, up 8.9% over Q4 2023, on a total installed hashrate of 8.0 EH/s';
    const facts = run('WULF', '2024-05-13', text);
    expect(stocks(facts, 'hashrate_installed')).toEqual(['2024-03-31=8']);
    expect(flows(facts, 'btc_produced')).toEqual(['2024-01-01..2024-03-31=1057']);
  });

  it("'a ~15 EH/s colocation partnership' is customers' machines (Hut 8, Q3 2024)", () => {
    const text = 'Hut 8 reports results for the third quarter of 2024.\n\n"Steps such as a ~15 EH/s colocation partnership with a hardware maker set up the next year," the CEO said.';
    expect(run('HUT', '2024-11-13', text).filter((f) => f.metric.startsWith('hashrate_') && f.confidence >= 0.5)).toEqual([]);
  });

  it("coins the parent company pledged are not the filer's (American Bitcoin 10-Q note: 968 BTC pledged by its parent, December 2024)", () => {
    const text = 'American Bitcoin reports for the quarter ended September 30, 2025.\n\nIn December 2024, under a purchase agreement with a hardware maker, Parent pledged 968 bitcoin as security.';
    expect(run('ABTC', '2025-11-14', text).filter((f) => f.metric.startsWith('btc_held') && f.confidence >= 0.5)).toEqual([]);
  });

  it("a level reached 'mid-month' has no date to stand on (IREN, April 2025: 40 EH/s)", () => {
    const text = 'IREN April 2025 Monthly Investor Update\n\n- Mining capability rose to 40 EH/s mid-month';
    expect(run('IREN', '2025-05-06', text).filter((f) => f.metric.startsWith('hashrate_') && f.confidence >= 0.5)).toEqual([]);
  });

  it("'grows HODL 114 BTC to 549 BTC': the change is not the holdings (Bitfarms, Q2 2023)", () => {
    const text = 'Bitfarms reports results for the three months ended June 30, 2023.\n\n- Mines 1,223 BTC and grows HODL 114 BTC to 549 BTC in Q2 2023';
    expect(stocks(run('BITF', '2023-08-08', text), 'btc_held').filter((x) => x.endsWith('=114'))).toEqual([]);
  });

  it("proceeds whose scale word was cut off ('approximately $7.7') are not stated as $7.70 (Riot, August 2022)", () => {
    const text = 'Riot announces August 2022 production and operations updates.\n\nIn August the company sold 400 bitcoin, for net proceeds of approximately $7.7';
    expect(flows(run('RIOT', '2022-09-06', text), 'btc_sold_proceeds')).toEqual([]);
  });

  it("a total split into self-mining and clients' cloud mining is not production (BitFuFu, Q2 2025: 1,060 = 143 + 917)", () => {
    const text = 'BitFuFu reports results for the three months ended June 30, 2025.\n\nIn all 1,060 Bitcoins were produced in the quarter, with 143 from self mining and 917 from client cloud mining.';
    expect(flows(run('FUFU', '2025-08-15', text), 'btc_produced').filter((x) => x.endsWith('=1060'))).toEqual([]);
  });

  it("a keyword after a comma belongs to the next phrase (Riot, December 2021: 3,812 BTC mined in 2021, not bought)", () => {
    const text = 'Riot produces 425 Bitcoin in December 2021 and 3,812 Bitcoin in 2021, Signs Several Miner Purchase Agreements';
    expect(flows(run('RIOT', '2022-01-05', text), 'btc_purchased')).toEqual([]);
  });

  it("'32,000 miners (c. 3.2 EH/s) were energized during October' is a batch, not the fleet (MARA, October 2022)", () => {
    const text = 'Marathon announces October 2022 production update.\n\nAs of November 1 the operating fleet was about 69,000 miners producing about 7.0 EH/s, after some 32,000 miners (c. 3.2 EH/s) were energized during October 2022.';
    expect(run('MARA', '2022-11-03', text).filter((f) => f.metric.startsWith('hashrate_') && f.value === 3.2 && f.confidence >= 0.5)).toEqual([]);
  });

  it("'despite the sale of 8.06 Bitcoin during the month' is the report's month (CleanSpark, June 2024)", () => {
    const text = 'CleanSpark releases its June 2024 bitcoin mining update.\n\nBitcoin holdings rose to 6,591 in June from 6,154 in May, despite the sale of 8.06 Bitcoin during the month.';
    expect(flows(run('CLSK', '2024-07-03', text), 'btc_sold')).toEqual(['2024-06-01..2024-06-30=8.06']);
  });

  it("'At 30 EH/s, nameplate fleet efficiency of 16 J/TH' is what a larger fleet would do (IREN, May 2024)", () => {
    const text = 'IREN May 2024 Monthly Investor Update\n\nAt 30 EH/s, nameplate fleet efficiency of 16 J/TH and electricity cost per BTC of $17k';
    expect(stocks(run('IREN', '2024-06-06', text), 'fleet_efficiency')).toEqual([]);
  });

  it("one site's capacity ('at the Lake Mariner Facility is 8.8 EH/s') stays below 0.5; a 'current' figure in a quarter's results published weeks later is dated at publication (TeraWulf Q2 2024, Bitfarms Q4 2024)", () => {
    const wulf = run('WULF', '2024-08-01', 'TeraWulf reports results for the three months ended June 30, 2024.\n\nThe self-mining hash rate capacity at the Lake Mariner Facility is 8.8 EH/s as of June 30, 2024.');
    expect(wulf.filter((f) => f.metric.startsWith('hashrate_') && f.confidence >= 0.5)).toEqual([]);
    const bitf = run('BITF', '2025-03-27', 'Bitfarms Reports Fourth Quarter 2024 Results\n\n- Current efficiency of 19 w/TH, a 45% improvement from Q4 2023 -');
    expect(stocks(bitf, 'fleet_efficiency')).toEqual(['2025-03-27=19']);
  });

  it("holdings stated with a growth rate or 'of BTC were', a year's output 'for the fiscal year' (Hut 8 Q2 2022: 7,406; Bit Digital Q4 2021: 808.2; CleanSpark FY2023: 6,903)", () => {
    const hut = run('HUT', '2022-08-11', 'Hut 8 reports results for the three months ended June 30, 2022.\n\nBitcoin holdings increased 14.6% to 7,406 in Q2.');
    expect(stocks(hut, 'btc_held')).toEqual(['2022-06-30=7406']);
    const btbt = run('BTBT', '2022-03-15', 'Bit Digital reports results for the three months ended December 31, 2021.\n\nTreasury holdings of BTC were 808.2 at the end of the quarter.');
    expect(stocks(btbt, 'btc_held')).toEqual(['2021-12-31=808.2']);
    const clsk = run('CLSK', '2023-12-14', 'CleanSpark reports fiscal year 2023 results for the year ended September 30, 2023.\n\nIt reported 6,903 bitcoin mined for the fiscal year.');
    expect(flows(clsk, 'btc_produced')).toEqual(['2022-10-01..2023-09-30=6903']);
  });

  it("network words before a semicolon do not disqualify the company's own figure after it (CleanSpark FY2023: 6,903 BTC)", () => {
    const text = 'CleanSpark reports results for its fiscal year ended September 30, 2023.\n\n"We kept up with the network\'s fast-rising hashrate; our reward was a record 6,903 bitcoin mined for the fiscal year, almost doubling what we mined the year before."';
    expect(flows(run('CLSK', '2023-11-30', text), 'btc_produced')).toEqual(['2022-10-01..2023-09-30=6903']);
  });

  it("'as of the date of this press release' is the publication date (Bit Digital, 2022-03-15: 0.511 EH/s)", () => {
    const text = 'Bit Digital gives its fourth quarter 2021 production update.\n\nAs of the date of this press release, its miners represent a hash rate of about 0.511 EH/s.';
    expect(stocks(run('BTBT', '2022-03-15', text), 'hashrate_operating')).toEqual(['2022-03-15=0.511']);
  });

  it("a goal surpassed is still the goal's number, a balance 'with a market value', and a balance an aside interrupts (Hut 8, Q2 and Q3 2021)", () => {
    const q3 = run('HUT', '2021-11-11', 'Hut 8 reports results for the three months ended September 30, 2021.\n\n"We surpassed our goal of 5,000 Bitcoin held in reserve," the CFO said. As of September 30, 2021, the Company had a total Bitcoin balance of 4,729 with a market value of $263.8 million.');
    expect(stocks(q3, 'btc_held')).toEqual(['2021-09-30=4729']);
    const nov = run('HUT', '2021-11-11', 'Hut 8 reports results for the three months ended September 30, 2021.\n\nIts Bitcoin balance as of November 10, 2021, including 2,000 Bitcoin loaned under its fiat yield programme, is approximately 5,053 Bitcoin.');
    expect(stocks(nov, 'btc_held')).toEqual(['2021-11-10=5053']);
    expect(stocks(nov, 'btc_held_loaned')).toEqual(['2021-11-10=2000']);
  });

  it("'all-in electricity cost per Bitcoin' is an electricity cost (Cipher, Q1 2025: $23,379)", () => {
    const text = 'Cipher Mining reports results for the three months ended March 31, 2025.\n\nCipher reported an all-in electricity cost per Bitcoin of $23,379 in the quarter.';
    const costs = run('CIFR', '2025-05-01', text).filter((f) => f.metric === 'cost_per_btc' && f.confidence >= 0.5);
    expect(costs.map((f) => `${f.basis}=${f.value}`)).toEqual(['electricity=23379']);
  });

  it("'11.4 EH/s installed and 10.4 EH/s operational': each figure takes the word after it (Bitfarms, June 2024)", () => {
    const text = 'Bitfarms provides its June 2024 production update.\n\nBitfarms closed June with 11.4 exahashes per second (EH/s) installed and 10.4 EH/s operational.';
    const facts = run('BITF', '2024-07-01', text);
    expect(stocks(facts, 'hashrate_installed')).toEqual(['2024-06-30=11.4']);
    expect(stocks(facts, 'hashrate_operating')).toEqual(['2024-06-30=10.4']);
  });

  it("'no Bitcoins were sold during the month' is a sale of zero (Cango, March 2025)", () => {
    const text = 'Cango published its production figures for March 2025.\n\nIts holdings at the close of March were 2,474.8 bitcoins, and no Bitcoins were sold during the month.';
    expect(flows(run('CANG', '2025-04-01', text), 'btc_sold')).toEqual(['2025-03-01..2025-03-31=0']);
  });

  it("the metric named before 'from X to Y' (TeraWulf, Q2 2023: power cost per bitcoin $8,624 → $7,197)", () => {
    const text = 'TeraWulf reports results for the three months ended June 30, 2023.\n\n- Power cost per Bitcoin fell 15% quarter-over-quarter, from $8,624 in 1Q23 to $7,197 in 2Q23';
    expect(flows(run('WULF', '2023-08-14', text), 'cost_per_btc').sort()).toEqual(['2023-01-01..2023-03-31=8624', '2023-04-01..2023-06-30=7197']);
  });

  it("'in 2023' before a bullet's closing dash is still the year (Bitfarms, Q4 2023: 1,236 BTC in Q4 and 4,928 BTC in 2023)", () => {
    const text = 'Bitfarms Reports Fourth Quarter and Full Year 2023 Results\n\n- Earned 1,236 BTC in Q4 2023 and 4,928 BTC in 2023 -';
    expect(flows(run('BITF', '2024-03-07', text), 'btc_produced').sort()).toEqual(['2023-01-01..2023-12-31=4928', '2023-10-01..2023-12-31=1236']);
  });

  it("a Markdown table under a caption line, site lines 'Place, ST: …', and self-mined bitcoin 'on balance sheet' (MARA January 2024, Hut 8 Q2 2024)", () => {
    const text = [
      'Marathon gives its January 2024 production update.',
      'Operating metrics (January 2024 against earlier periods)\n| Metric | Jan 2024 | Dec 2023 | % Change | Jan 2023 | % Change (YoY) |\n|---|---|---|---|---|---|\n| Bitcoin Produced | 1,084 | 1,853 | -42% | 687 | +58% |\n| Energized Hash Rate (EH/s) | 26.4 | 24.7 | +7% | 7.3 | +262% |\nBy site:\n- McCamey, TX: 82% utilization (7.7 EH/s).',
    ].join('\n\n');
    const mara = run('MARA', '2024-02-02', text);
    expect(flows(mara, 'btc_produced').sort()).toEqual(['2023-01-01..2023-01-31=687', '2023-12-01..2023-12-31=1853', '2024-01-01..2024-01-31=1084']);
    expect(stocks(mara, 'hashrate_installed').sort()).toEqual(['2023-01-31=7.3', '2023-12-31=24.7', '2024-01-31=26.4']);
    expect(mara.filter((f) => f.value === 7.7 && f.confidence >= 0.5)).toEqual([]);
    const hut = run('HUT', '2024-08-13', 'Hut 8 reports results for the three months ended June 30, 2024.\n\n- 9,102 self-mined Bitcoin on balance sheet as of quarter end');
    expect(stocks(hut, 'btc_held')).toEqual(['2024-06-30=9102']);
    expect(flows(hut, 'btc_produced')).toEqual([]);
  });

  it("'A and B … in June and May, respectively' pairs each figure with its period (CleanSpark, June and May 2024)", () => {
    const text = [
      'CleanSpark looks back over its June 2024 operations.',
      'The company mined 445 and 417 bitcoin in June and May 2024, respectively. It held 6,591 and 6,154 bitcoin as of June 30 and May 31, 2024, respectively.',
    ].join('\n\n');
    const facts = run('CLSK', '2024-07-02', text);
    expect(flows(facts, 'btc_produced').sort()).toEqual(['2024-05-01..2024-05-31=417', '2024-06-01..2024-06-30=445']);
    expect(stocks(facts, 'btc_held').sort()).toEqual(['2024-05-31=6154', '2024-06-30=6591']);
  });

  it("'respectively' over two companies is not a pair of periods (CleanSpark 493, Riot 412 BTC in September 2024)", () => {
    const facts = run('CLSK', '2024-10-03', 'CleanSpark and Riot mined 493 and 412 bitcoin in September 2024, respectively.');
    expect(flows(facts, 'btc_produced').filter((f) => f.endsWith('=412'))).toEqual([]);
  });

  it('a page scraped with its line breaks written as "\\n" is read line by line (Riot, September 2024: 412 BTC)', () => {
    const text = 'Riot Platforms September 2024 update\\n\\nProduction\\nRiot produced 412 bitcoin in September 2024.\\nBitcoin Production and Mining Operations\\n';
    expect(flows(run('RIOT', '2024-10-03', text), 'btc_produced')).toEqual(['2024-09-01..2024-09-30=412']);
  });

  it('a decimal broken by a stray space ("7. 8 EH/s") gives no figure at all (Bitdeer, quarter to September 30, 2024: 7.8 EH/s)', () => {
    const text = 'Bitdeer reports its third quarter of 2024.\n\nSelf-mining revenue rose on a higher average self-mining hash rate of 7. 8 EH/s during the quarter ended September 30, 2024.';
    const facts = run('BTDR', '2024-11-19', text);
    expect(facts.filter((f) => f.metric.startsWith('hashrate') && f.confidence >= 0.5 && f.value === 8)).toEqual([]);
  });

  it("BTC and WBTC 'respectively', with a total in 'BTC equal', keeps the BTC figure only (Bit Digital, September 30, 2021: 526.1 BTC)", () => {
    const text = 'Bit Digital gives its third quarter 2021 update.\n\nAs of September 30, 2021, treasury holdings of BTC and WBTC have been 526.1 and 101.0, respectively, for a total of 627.1 BTC equal.';
    expect(stocks(run('BTBT', '2021-11-17', text), 'btc_held')).toEqual(['2021-09-30=526.1']);
  });

  it("'about 18,800 Bitcoin Miners (approx. 2.2 EH/s)' energized in a month is a batch, not the fleet (Marathon, February 2023)", () => {
    const text = 'Marathon gives its February 2023 update.\n\nThe month added energy to approx. 18,800 Bitcoin Miners (approx. 2.2 EH/s) in February 2023.';
    const facts = run('MARA', '2023-03-02', text);
    expect(facts.filter((f) => f.metric.startsWith('hashrate') && f.confidence >= 0.5 && f.value === 2.2)).toEqual([]);
  });

  it("a sentence that names only a registry site gives that site's hashrate, not the fleet's (IREN, Canal Flats: 870 PH/s)", () => {
    // the site figure is the release's; the fleet's own figures are left out of this case
    const text = 'IREN gives its monthly investor update for May 2024.\n\nCanal Flats achieved a record hashrate of 870 PH/s in the month.';
    const facts = run('IREN', '2024-06-06', text);
    expect(facts.filter((f) => f.metric.startsWith('hashrate') && f.confidence >= 0.5 && f.value === 0.87)).toEqual([]);
  });

  it("a release's own figure dated over a year before it is out is a misprinted year or a recap, kept below 0.5 (Hut 8, December 2023: 453 BTC)", () => {
    // the year is misprinted on purpose, as a 2022 Hut 8 release did with its quarter
    const wrongYear = run('HUT', '2024-01-08', 'Hut 8 gives its December update.\n\nHut 8 mined 453 bitcoin in the month ended December 31, 2022.');
    expect(flows(wrongYear, 'btc_produced')).toEqual([]);
    const right = run('HUT', '2024-01-08', 'Hut 8 gives its December update.\n\nHut 8 mined 453 bitcoin in the month ended December 31, 2023, compared to 390 in November.');
    expect(flows(right, 'btc_produced')).toContain('2023-12-01..2023-12-31=453');
  });

  it("'BTC held at year end' in a full-year report is held at the fiscal year's end (Core Scientific, 2021: 5,296 BTC)", () => {
    const text = 'Core Scientific reports its results for fiscal year 2021.\n\n5,296 BTC held at year end';
    expect(stocks(run('CORZ', '2022-03-29', text), 'btc_held')).toEqual(['2021-12-31=5296']);
    // a monthly update that is not the fiscal year's last month has no "year end" of its own
    const monthly = 'Core Scientific gives its update for October 2021.\n\n5,296 BTC held at year end';
    expect(stocks(run('CORZ', '2021-11-03', monthly), 'btc_held')).toEqual([]);
  });

  it("a new figure after a comparison (', with mining costs rising to $48,992 per bitcoin') keeps the report's quarter (Riot, Q2 2025)", () => {
    const text = 'Riot reports its second quarter 2025 results.\n\nRiot mined 1,426 bitcoin in the quarter, compared to 844 in Q2 2024, with mining costs rising to $48,992 per bitcoin.';
    const facts = run('RIOT', '2025-07-31', text);
    expect(flows(facts, 'cost_per_btc')).toEqual(['2025-04-01..2025-06-30=48992']);
    expect(flows(facts, 'btc_produced').sort()).toEqual(['2024-04-01..2024-06-30=844', '2025-04-01..2025-06-30=1426']);
  });

  it("'focus on expanding … to 5.4 EH/s' is a plan (IREN, November 2022)", () => {
    const text = 'IREN gives its November 2022 update.\n\nThe team keeps its focus on expanding capacity to 5.4 EH/s.';
    expect(run('IREN', '2022-12-13', text).filter((f) => f.metric.startsWith('hashrate') && f.confidence >= 0.5)).toEqual([]);
  });

  it("bullets run together after a date (' … as of March 31, 2024 - Current efficiency …') are cut apart; 'current' in the quarter's results is the publication date (Bitfarms, Q1 2025: 19 w/TH)", () => {
    const text = 'Bitfarms reports its results for the first quarter of 2025.\n\n- Hashrate has tripled from a year before, as of March 31, 2024 - Current efficiency of 19 w/TH, a 44% gain on 34 w/TH';
    expect(stocks(run('BITF', '2025-05-14', text), 'fleet_efficiency')).toEqual(['2025-05-14=19']);
  });

  it("'Bitcoin holdings increased 13.3% in Q3 to 8,388': a quarter between the words and the figure (Hut 8, Q3 2022)", () => {
    const text = 'Hut 8 reports its results for Q3 2022.\n\nBitcoin holdings increased 13.3% in Q3 to 8,388 as of September 30, 2022';
    expect(stocks(run('HUT', '2022-11-10', text), 'btc_held')).toEqual(['2022-09-30=8388']);
  });

  it("'annual' in a full-year report is the report's year (Riot, 2025: 5,686 BTC)", () => {
    const text = 'Riot Platforms reports full year 2025 results.\n\n- Record annual revenue, with 5,686 bitcoin mined\n\nRiot reported results for the twelve months ended December 31, 2025.';
    expect(flows(run('RIOT', '2026-03-02', text), 'btc_produced')).toEqual(['2025-01-01..2025-12-31=5686']);
  });

  it("a treasury purchase 'on Dec. 19' is a one-day flow; 'brings holdings up to' with no date is the holdings at publication (Hut 8, December 19, 2024: 990 and 10,096 BTC)", () => {
    const text = 'Hut 8 adds to its bitcoin reserve\n\nThe company said on Dec. 19 that it acquired 990 BTC.\n\nThe purchase brings its BTC holdings up to 10,096 BTC.';
    const facts = run('HUT', '2024-12-19', text);
    expect(flows(facts, 'btc_purchased')).toEqual(['2024-12-19..2024-12-19=990']);
    expect(stocks(facts, 'btc_held')).toEqual(['2024-12-19=10096']);
  });

  it("hashrate that hosting agreements support is customers' (Bitfarms, Q3 2024: about 4 EH/s)", () => {
    const text = 'Bitfarms reports its third quarter 2024 results.\n\nAt the acquired sites it signed two hosting agreements for 20,000 miners, supporting approximately 4 EH/s.';
    expect(run('BITF', '2024-11-13', text).filter((f) => f.metric.startsWith('hashrate') && f.confidence >= 0.5)).toEqual([]);
  });

  it("'EHuM' (Bitfarms' exahash under management) is a hashrate unit (Bitfarms, Q1 2025: 19.5 and 6.5 EHuM)", () => {
    const text = 'Bitfarms reports its first quarter 2025 results.\n\n- Current hashrate of 19.5 EHuM, triple the 6.5 EHuM of March 31, 2024';
    const facts = run('BITF', '2025-05-14', text);
    expect(stocks(facts, 'hashrate_operating')).toContain('2025-05-14=19.5');
  });

  it("'by 32% over April, resulting in the production of 616 Bitcoin' is May's output; a month's peak hashrate is not its level (Marathon, May 2024)", () => {
    const text = 'Marathon gives its May 2024 update.\n\nIn May, Marathon grew its block wins by 32% over April, resulting in the production of 616 Bitcoin.\n\nThe company hit a peak overall hash rate of 28.1 EH/s during the month.';
    const facts = run('MARA', '2024-06-05', text);
    expect(flows(facts, 'btc_produced')).toEqual(['2024-05-01..2024-05-31=616']);
    expect(facts.filter((f) => f.metric.startsWith('hashrate') && f.confidence >= 0.5)).toEqual([]);
  });

  it("'$67.2 million in self-mining revenue, $3.8 million in hosted mining revenue': each figure is named by the words after it (Core Scientific, Q1 2025)", () => {
    const text = 'Core Scientific reports its first quarter 2025 results.\n\nRevenue for the first quarter of 2025 was $79.5 million: $67.2 million in digital asset self-mining revenue, $3.8 million in digital asset hosted mining revenue and $8.6 million in colocation revenue.';
    expect(flows(run('CORZ', '2025-05-07', text), 'mining_revenue')).toEqual(['2025-01-01..2025-03-31=67200000']);
  });

  it("a CEO's quarter: 'over the same quarter in 2023' and 'in-line with' compare; 'this quarter', 'to produce', 'ended the quarter' are the report's own (Riot, Q3 2024: 28 EH/s, 1,104 and 10,427 BTC)", () => {
    const text = [
      'Riot reports its results for the third quarter of 2024.',
      '"Revenue this quarter was 65% higher over the same quarter in 2023, driven by a 159% year-over-year rise in deployed hash rate to 28 EH/s at the end of the quarter. That growth allowed us to produce 1,104 Bitcoin this quarter, in-line with our output in the third quarter of 2023.',
      'We ended the quarter with a strong balance sheet and 10,427 Bitcoin held."',
    ].join('\n\n');
    const facts = run('RIOT', '2024-10-30', text);
    expect(stocks(facts, 'hashrate_installed')).toEqual(['2024-09-30=28']);
    expect(flows(facts, 'btc_produced')).toEqual(['2024-07-01..2024-09-30=1104']);
    expect(stocks(facts, 'btc_held')).toEqual(['2024-09-30=10427']);
  });

  it("'a new 10.5 EH/s purchase of miners' and '15 J/TH at 30 EH/s' are not the fleet's; '28 EH/s (15 J/TH) installed capacity' keeps its basis past the aside (IREN, August and November 2024)", () => {
    const aug = run('IREN', '2024-09-05', 'IREN publishes its monthly investor update for August 2024.\n\n- A new 10.5 EH/s purchase of S21 XP miners lifts efficiency from 16 J/TH to 15 J/TH at 30 EH/s');
    expect(aug.filter((f) => (f.metric.startsWith('hashrate') || f.metric === 'fleet_efficiency') && f.confidence >= 0.5)).toEqual([]);
    const nov = run('IREN', '2024-12-06', 'IREN publishes its monthly investor update for November 2024.\n\n- 28 EH/s (15 J/TH) installed capacity at month-end');
    expect(stocks(nov, 'hashrate_installed')).toEqual(['2024-11-30=28']);
  });

  it("'self-hosted' machines are the company's own (Bitdeer, Q2 2024: 628 BTC)", () => {
    const text = 'Bitdeer reports its second quarter of 2024.\n\nIts proprietary self-hosted business mined 628 Bitcoins during the quarter.';
    expect(flows(run('BTDR', '2024-09-09', text), 'btc_produced')).toEqual(['2024-04-01..2024-06-30=628']);
  });

  it("'increased its Bitcoin holdings by 416 BTC …, bringing its total to 4,783 BTC': the level, not the change (American Bitcoin, December 8, 2025)", () => {
    const text = 'American Bitcoin adds to its reserve.\n\nAmerican Bitcoin increased its Bitcoin holdings by 416 BTC in the week ending December 8, bringing its total to 4,783 BTC.';
    expect(stocks(run('ABTC', '2025-12-09', text), 'btc_held')).toEqual(['2025-12-08=4783']);
  });

  it("a total 'earned in our data centers' followed by the part 'by self-mining' is not the company's output (Core Scientific, 2023: 19,274 and 13,762 BTC)", () => {
    const text = 'Core Scientific reports its results for fiscal year 2023.\n\n- In all, 19,274 bitcoin earned in our data centers; 13,762 bitcoin by self-mining for our own account.';
    expect(flows(run('CORZ', '2024-03-12', text), 'btc_produced')).toEqual(['2023-01-01..2023-12-31=13762']);
  });

  it("'grew from approximately 1,034 BTC in Q1 2025 to 1,063 BTC by the end of Q2 2025': each figure keeps its own quarter (Cipher, Q2 2025)", () => {
    const text = 'Cipher Mining presents its second quarter 2025 slides.\n\nIts bitcoin holdings grew from approximately 1,034 BTC in Q1 2025 to 1,063 BTC by the end of Q2 2025.';
    expect(stocks(run('CIFR', '2025-08-07', text), 'btc_held').sort()).toEqual(['2025-03-31=1034', '2025-06-30=1063']);
  });

  it("'direct cost of production per BTC*** of $12,500' and 'average BTC sales price of $22,500' (Bitfarms, Q1 2023)", () => {
    const text = 'Bitfarms reports its first quarter 2023 results.\n\nIn Q1 2023 the direct cost of production per BTC*** of $12,500 stayed low, well under the average BTC sales price of $22,500 in Q1 2023.';
    const facts = run('BITF', '2023-05-15', text);
    expect(facts.filter((f) => f.metric === 'cost_per_btc' && f.confidence >= 0.5).map((f) => `${f.basis}=${f.value}`)).toEqual(['direct=12500']);
    expect(flows(facts, 'btc_sold_avg_price')).toEqual(['2023-01-01..2023-03-31=22500']);
  });

  it("'approximately 40,000 [miners], representing 3.9 exahashes per second' is a batch, not the fleet (Marathon, Q2 2022)", () => {
    const text = 'Marathon reports its second quarter 2022 results.\n\nOf the 68,000 miners going in at the Texas facility, approximately 40,000, representing 3.9 exahashes per second, are in place.';
    expect(run('MARA', '2022-08-08', text).filter((f) => f.metric.startsWith('hashrate') && f.confidence >= 0.5)).toEqual([]);
  });

  it("a headline's 'Third Quarter' with no year dates the article, ahead of an earlier quarter it mentions; 'revenue from BitFuFu's self-mining business', 'cost per mined Bitcoin' (BitFuFu, Q3 2024)", () => {
    const text = [
      '# BitFuFu Grows Third Quarter Revenue',
      'Back in the second quarter, BitFuFu had revenue of $129.4 million.',
      'Revenue from BitFuFu’s self-mining business rose to $20.5 million. During the quarter, the cost per mined Bitcoin rose to $59,452.',
    ].join('\n\n');
    const facts = run('FUFU', '2024-11-18', text);
    expect(flows(facts, 'mining_revenue')).toEqual(['2024-07-01..2024-09-30=20500000']);
    expect(flows(facts, 'cost_per_btc')).toEqual(['2024-07-01..2024-09-30=59452']);
  });

  it("an electricity cost of a site being bought is not the company's (BitFuFu, October 2024: about 3.6 cents per kWh in Ethiopia)", () => {
    const text = 'BitFuFu gives an October 2024 update.\n\nIn October BitFuFu agreed to buy a majority stake in an 80-megawatt site in Ethiopia, with an electricity cost of around 3.6 cents per kilowatt hour.';
    expect(run('FUFU', '2024-11-18', text).filter((f) => (f.metric === 'energy_cost_per_kwh' || f.metric === 'power_capacity') && f.confidence >= 0.5)).toEqual([]);
  });

  it("two list items that lost their marks are not one wrapped sentence: a plan in the second does not take the first's words (Cipher, Q1 2023: 7.2 EH/s expected in Q3)", () => {
    const text = [
      'Cipher Mining gives its first quarter 2023 business update.',
      '',
      'Across its four data centers, Cipher has deployed over 6.0 EH/s to date',
      'The Company bought 11,000 more rigs expected to finish the Odessa buildout in Q3, growing the fleet to over 70,000 rigs capable of producing 7.2 EH/s of hash rate',
      'The weighted average power price at its sites under contract is about 2.7 c/kWh',
    ].join('\n');
    const doc = parseText(text);
    expect(doc.blocks.map((b) => b.text.slice(0, 20))).toContain('Across its four data');
    expect(run('CIFR', '2023-05-09', text).filter((f) => f.metric.startsWith('hashrate') && f.value === 7.2 && f.confidence >= 0.5)).toEqual([]);
  });

  it("a hashrate 'in its Bhutan mining datacenter' is that facility's (Bitdeer, Q2 2024: 7.3 EH/s)", () => {
    const text = 'Bitdeer reports its second quarter 2024.\n\nSelf-mining hashrate soared to 7.3 EH/s from 3.8 EH/s in its Bhutan mining datacenter as of June 30, 2024.';
    expect(run('BTDR', '2024-09-09', text).filter((f) => f.metric.startsWith('hashrate') && f.confidence >= 0.5)).toEqual([]);
  });

  it("'21.9 exahashes or 22.4 exahashes including a joint venture's share' gives neither reading with confidence (Marathon, December 2023)", () => {
    const text = 'Marathon gives its December 2023 update.\n\nAverage operational hash rate grew 18% to 21.9 exahashes or 22.4 exahashes including its joint venture share in December.';
    expect(run('MARA', '2024-01-04', text).filter((f) => f.metric.startsWith('hashrate') && f.confidence >= 0.5)).toEqual([]);
  });

  it("'1,259 bitcoin during the period, a 556% increase from the prior-year quarter' is the report's quarter (Marathon, Q1 2022)", () => {
    const text = 'Marathon reports its results for the quarter ended March 31, 2022.\n\nBitcoin production rose to 1,259 bitcoin during the period, a 556% increase from the prior-year quarter.';
    expect(flows(run('MARA', '2022-05-12', text), 'btc_produced')).toEqual(['2022-01-01..2022-03-31=1259']);
  });

  it("headline lines opened by a capitalised verb, above a wrapped list, stay apart (Hut 8, 2021: 5,518 BTC held)", () => {
    const text = [
      'Hut 8 Reports Results for 2021',
      'Achieves record annual revenue of $173.8 million',
      'Increases Bitcoin holdings 100% in 2021 to 5,518',
      '- Revenue for the year ended December 31, 2021 was a record, with most of it from self-mining and the',
      'rest from hosting.',
      '- The Company listed its shares on the Nasdaq on June 15, 2021.',
    ].join('\n');
    expect(stocks(run('HUT', '2022-03-17', text), 'btc_held')).toEqual(['2021-12-31=5518']);
  });

  it("'pushing BTC holdings to 9,086 to hedge …' and 'sold 300 BTC for a total of about $6.1 million'; a past month the article recalls is not its period (Hut 8 2022, Riot September 2022)", () => {
    const hut = run('HUT', '2023-01-06', 'Hut 8 reports its December 2022 update.\n\nHut 8 kept all 3,568 BTC it mined in 2022, pushing BTC holdings to 9,086 to hedge against the bear market.');
    expect(stocks(hut, 'btc_held')).toEqual(['2022-12-31=9086']);
    const riot = run('RIOT', '2022-10-04', ['Riot grows hashrate by 16.7% in September', '- The company sold 300 BTC for a total of about $6.1 million.', 'In June, the company said it earned more in power credits than in mining revenues.'].join('\n\n'));
    expect(flows(riot, 'btc_sold')).toEqual(['2022-09-01..2022-09-30=300']);
    expect(flows(riot, 'btc_sold_proceeds')).toEqual(['2022-09-01..2022-09-30=6100000']);
  });

  it("', as our hashrate at quarter end was 2.7 EH/s' after a comparison with the network is the company's (Bitfarms, Q1 2022)", () => {
    const text = 'Bitfarms reports its first quarter 2022 results.\n\n"We grew faster than the BTC network, as our hashrate at quarter end was 2.7 EH/s," the COO said.';
    expect(stocks(run('BITF', '2022-05-16', text), 'hashrate_operating')).toEqual(['2022-03-31=2.7']);
  });

  it("'in the first nine months of 2022' is the year so far, not the year compared after it (Bitfarms, Q3 2022: 3,733 BTC)", () => {
    const text = 'Bitfarms reports its third quarter 2022 results.\n\nAs a result, we mined 3,733 BTC in the first nine months of 2022, more than the 3,453 BTC mined in all of 2021.';
    expect(flows(run('BITF', '2022-11-14', text), 'btc_produced').sort()).toEqual(['2021-01-01..2021-12-31=3453', '2022-01-01..2022-09-30=3733']);
  });

  it("', and reduced the average cost … to $6,900/BTC' after a comparison is the quarter's own (Bitfarms, Q3 2021)", () => {
    const text = 'Bitfarms reports its third quarter 2021 results.\n\nDuring Q3 2021, Bitfarms mined 1,051 BTC, up 38% from 759 BTC in Q2 2021, and reduced the average cost of BTC production* to $6,900/BTC, down 23% from $9,000/BTC in Q2 2021.';
    const facts = run('BITF', '2021-11-15', text);
    expect(flows(facts, 'cost_per_btc').sort()).toEqual(['2021-04-01..2021-06-30=9000', '2021-07-01..2021-09-30=6900']);
  });

  it("'newly minted bitcoins', and a statement after ';' that keeps its own year so far (Marathon, Q2 2021: 654 and 846 BTC)", () => {
    const text = 'Marathon reports its second quarter 2021 results.\n\n- Produced 654 newly minted bitcoins in the second quarter of 2021; as of June 30, 2021, produced 846 newly minted bitcoins in 2021';
    expect(flows(run('MARA', '2021-08-13', text), 'btc_produced').sort()).toEqual(['2021-01-01..2021-06-30=846', '2021-04-01..2021-06-30=654']);
  });

  it("'Quarter ended with 4.2 EH/s' and 'Bitcoin (BTC-USD) holdings totaled 10,670' (Bitfarms Q3 2022, Marathon September 2022)", () => {
    const bitf = run('BITF', '2022-11-14', 'Bitfarms reports results for the quarter ended September 30, 2022.\n\n- Quarter ended with 4.2 EH/s, up 17% from June 30, 2022 -');
    expect(stocks(bitf, 'hashrate_operating')).toEqual(['2022-09-30=4.2']);
    const mara = run('MARA', '2022-10-06', 'Marathon gives its September 2022 production.\n\nBitcoin (BTC-USD) holdings totaled 10,670 as of September 30.');
    expect(stocks(mara, 'btc_held')).toEqual(['2022-09-30=10670']);
  });

  it("', the company mined just 372 Bitcoin' after a 'while … from … in 2024' clause is the quarter's; 'did not sell any of its Bitcoin' is zero sold (TeraWulf Q1 2025, Marathon February 2025)", () => {
    const wulf = run('WULF', '2025-05-09', 'TeraWulf reports its first quarter 2025.\n\nWhile the average bitcoin price rose to $92,600 in Q1 2025 from $53,750 in 2024, the company mined just 372 Bitcoin, down from 1,051 in Q1 2024.');
    expect(flows(wulf, 'btc_produced').sort()).toEqual(['2024-01-01..2024-03-31=1051', '2025-01-01..2025-03-31=372']);
    const mara = run('MARA', '2025-03-04', 'Marathon gives its February 2025 production.\n\nThe company did not sell any of its Bitcoin production during February 2025.');
    expect(flows(mara, 'btc_sold')).toEqual(['2025-02-01..2025-02-28=0']);
  });

  it('a short line before a capitalised one ends its statement, in a summary of lines without marks (MARA, Q4 2024: 53.2 EH/s)', () => {
    const text = [
      'MARA reports record fourth quarter 2024 revenue of $214.4 million, up 37% from a year before, after the halving',
      'Net income grew, and earnings per share beat analyst expectations',
      'MARA’s hashrate rose 115% to 53.2 EH/s while it mined 2,492 BTC',
    ].join('\n');
    expect(stocks(run('MARA', '2025-02-27', text), 'hashrate_operating')).toEqual(['2024-12-31=53.2']);
  });

  it("'Between April and May, Cango mined a total of 954.5 Bitcoin' spans the two months (Cango, 2025)", () => {
    const text = 'Cango gives its May 2025 production.\n\nBetween April and May, Cango mined a total of 954.5 Bitcoin.';
    expect(flows(run('CANG', '2025-06-05', text), 'btc_produced')).toEqual(['2025-04-01..2025-05-31=954.5']);
  });

  it("bullets run together after citation marks ('… estimate [1][9] - The company mined 689 bitcoins …'), and '7,362 in unencumbered Bitcoin' (Cipher Q3 2025, Riot December 2023)", () => {
    const cifr = run('CIFR', '2025-11-04', 'Cipher Mining third quarter 2025 earnings\n\nKey points - The loss per share beat the consensus estimate [1][9] - The company mined 689 bitcoins in Q3 2025, up 35% from 509 BTC in Q2 2025 [3][9]');
    expect(flows(cifr, 'btc_produced').sort()).toEqual(['2025-04-01..2025-06-30=509', '2025-07-01..2025-09-30=689']);
    const riot = run('RIOT', '2024-01-03', 'Riot gives its December 2023 update.\n\n- Ended the year with about $590 million in cash and 7,362 in unencumbered Bitcoin on the balance sheet, as of the end of 2023');
    expect(stocks(riot, 'btc_held')).toEqual(['2023-12-31=7362']);
  });

  it("another metric inside a comparison clause, after a verb no rule knows, keeps no confident period (Bitfarms, Q3 2021 shape: $6,900 per BTC)", () => {
    const text = 'Bitfarms reports its third quarter 2021 results.\n\nDuring Q3 2021, Bitfarms mined 1,051 BTC, up 38% from 759 BTC in Q2 2021, and slashed the average cost of BTC production to $6,900/BTC.';
    expect(flows(run('BITF', '2021-11-15', text), 'cost_per_btc').filter((f) => f.startsWith('2021-04-01'))).toEqual([]);
  });

  it("words after a comma are another statement: '50 EH/s of operational hashrate in June, managing 5.8% of global hashrate' (CleanSpark, fiscal Q3 2025)", () => {
    const text = 'CleanSpark reports its fiscal third quarter 2025 results.\n\nMilestones include reaching 50 EH/s of operational hashrate in June, managing 5.8% of global hashrate.';
    expect(stocks(run('CLSK', '2025-08-07', text), 'hashrate_operating')).toEqual(['2025-06-30=50']);
  });

  it("'on top of our existing 8.7 EH/s' and 'current installed hashrate of approximately 1.2 EH' inside a plan are today's level (Bitdeer Q4 2024, Hut 8 June 2021)", () => {
    const btdr = run('BTDR', '2025-02-25', 'Bitdeer reports its fourth quarter 2024 results.\n\nIn 2025 we plan to energize 28 EH/s of new rigs on top of our existing 8.7 EH/s of self-mining hashrate.');
    expect(btdr.filter((f) => f.metric.startsWith('hashrate') && f.confidence >= 0.5).map((f) => `${f.asOf}=${f.value}`)).toEqual(['2025-02-25=8.7']);
    const hut = run('HUT', '2021-06-28', 'Hut 8 gives a corporate update.\n\nThe Company anticipates growing its current installed hashrate of approximately 1.2 EH to approximately 2.5 EH by the end of 2021.');
    expect(stocks(hut, 'hashrate_installed')).toEqual(['2021-06-28=1.2']);
  });

  it("a place's or a country's hashrate, and one delivered 'with single site expansion', are not the fleet's (Marathon December 2023 and August 2023, Hut 8 December 2022, IREN November 2024)", () => {
    const hashrates = (ticker: string, date: string, text: string) => run(ticker, date, text).filter((f) => f.metric.startsWith('hashrate') && f.confidence >= 0.5);
    expect(hashrates('MARA', '2024-01-04', 'Marathon gives its December 2023 update.\n\nOutside the US, work went on in Abu Dhabi, where we now have 2.7 exahashes online.')).toEqual([]);
    expect(hashrates('MARA', '2023-09-06', 'Marathon gives its August 2023 update.\n\nThe US operational hash rate rose 2% in August 2023 to 19.1 exahashes.')).toEqual([]);
    expect(hashrates('HUT', '2023-01-06', 'Hut 8 gives its December 2022 update.\n\nThe firm raised its Alberta capacity from 2.44 EH/s to 2.5 EH/s in December.')).toEqual([]);
    expect(hashrates('IREN', '2024-12-06', 'IREN publishes its monthly investor update for November 2024.\n\n- A team of 500+ delivering 50 EH/s with single site expansion')).toEqual([]);
  });

  it("a sale or purchase an announcement names without its days is dated the day it is published, trusted less (Riot, January 16, 2026: about 1,080 BTC sold; December 13, 2024: 5,117 BTC bought)", () => {
    const sale = run('RIOT', '2026-01-16', 'Riot announces it has bought the land of a site\n\nThe land deal was funded entirely by the sale of approximately 1,080 bitcoin from Riot’s balance sheet.');
    expect(sale.filter((f) => f.metric === 'btc_sold').map((f) => `${f.periodStart}..${f.periodEnd}=${f.value}`)).toEqual(['2026-01-16..2026-01-16=1080']);
    const buy = run('RIOT', '2024-12-13', 'Riot adds to its bitcoin holdings.\n\nRiot purchased 5,117 BTC at an average price of $99,669 per bitcoin.');
    expect(flows(buy, 'btc_purchased')).toEqual(['2024-12-13..2024-12-13=5117']);
  });

  it("a milestone release with no period of its own: 'has surpassed … 10 EH/s' and 'is estimated at 27.8 J/TH' are the levels on its day (CleanSpark, October 27, 2023)", () => {
    const text = 'CleanSpark passes a hashrate milestone\n\nCleanSpark today announced it has surpassed 10 EH/s of total hashrate.\n\nIts fleet wide efficiency is estimated at 27.8 joules per terahash (J/TH).';
    const facts = run('CLSK', '2023-10-27', text);
    expect(stocks(facts, 'hashrate_operating')).toEqual(['2023-10-27=10']);
    expect(stocks(facts, 'fleet_efficiency')).toEqual(['2023-10-27=27.8']);
    // a bound that is not a milestone passed stays below 0.5
    const over = run('CLSK', '2023-10-27', 'CleanSpark passes a hashrate milestone\n\nCleanSpark today runs over 10 EH/s of total hashrate.');
    expect(stocks(over, 'hashrate_operating')).toEqual([]);
  });

  it("'Current hashrate surpasses 12.5 EH/s' in a quarter's results is the level at publication; with no date known it stays below 0.5 (CleanSpark, fiscal Q1 2024)", () => {
    const text = 'CleanSpark reports its fiscal first quarter 2024 results for the quarter ended December 31, 2023.\n\n- Current hashrate surpasses 12.5 EH/s';
    expect(stocks(run('CLSK', '2024-02-08', text), 'hashrate_operating')).toEqual(['2024-02-08=12.5']);
    const undated = extractFacts(parseText(text), { company: findCompany(companies, 'CLSK')!, companies });
    expect(undated.filter((f) => f.metric.startsWith('hashrate') && f.confidence >= 0.5)).toEqual([]);
  });

  it("'achieving its efficiency target of 21 w/TH three months ahead of schedule' is the quarter's level (Bitfarms, Q3 2024)", () => {
    const text = 'Bitfarms reports its third quarter 2024 results.\n\nThe fleet upgrade went on, adding 5,400 miners during the quarter and achieving its efficiency target of 21 w/TH three months ahead of schedule.';
    expect(stocks(run('BITF', '2024-11-13', text), 'fleet_efficiency')).toEqual(['2024-09-30=21']);
    // a target still to be met stays a plan
    const plan = run('BITF', '2024-08-08', 'Bitfarms reports its second quarter 2024 results.\n\nThe fleet upgrade is on track to reach its efficiency target of 21 w/TH during the quarter ahead.');
    expect(stocks(plan, 'fleet_efficiency')).toEqual([]);
  });

  it("'470 BTC were mined in April, followed by 484.5 BTC in May': 'followed by' lists the next month, it is not a change (Cango, 2025)", () => {
    const text = 'Cango gives its May 2025 production.\n\nIt mined 470 BTC in April, followed by 484.5 BTC in May.';
    expect(flows(run('CANG', '2025-06-05', text), 'btc_produced').sort()).toEqual(['2025-04-01..2025-04-30=470', '2025-05-01..2025-05-31=484.5']);
  });

  it("'Going from 5.6 EH/s to 10 EH/s improves fleet efficiency from 29.5 J/TH to 24.8 J/TH' is a plan's arithmetic, not the fleet (IREN, December 2023)", () => {
    const text = 'IREN publishes its monthly investor update for December 2023.\n\nGoing from 5.6 EH/s to 10 EH/s improves fleet efficiency from 29.5 J/TH to 24.8 J/TH.';
    expect(run('IREN', '2024-01-05', text).filter((f) => (f.metric === 'fleet_efficiency' || f.metric.startsWith('hashrate')) && f.confidence >= 0.5)).toEqual([]);
  });
});
