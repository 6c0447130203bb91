import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';
import { parseText } from '../../src/parse/text.ts';
import { findCompany } from '../../src/registry/companies.ts';
import { companies, confident, flows, run, stocks } from './_heldout.ts';

/**
 * Shapes met in the held-out sets T–Y (real releases and news copies, kept outside the
 * repository). Figures and dates are those of the real document named per case; every sentence
 * here is written for the test.
 */
describe('held-out prose shapes, sets T–X', () => {
  it("'6,769 self-mined Bitcoin in reserve' is a holding, not the month's output (Hut 8, April 2022)", () => {
    const text = 'Hut 8 posts its production update for April 2022\n\n6,769 self-mined Bitcoin in reserve\n\n309 Bitcoin were mined in April';
    const facts = run('HUT', '2022-05-06', text);
    expect(flows(facts, 'btc_produced')).toEqual(['2022-04-01..2022-04-30=309']);
    expect(stocks(facts, 'btc_held')).toEqual(['2022-04-30=6769']);
  });

  it("a heading line ending in ':' between two pipe-drawn lists is not part of the cell before it (Hut 8, April 2022)", () => {
    const text = [
      'Hut 8 posts its production update for April 2022.',
      'Highlights for April 2022:',
      '|·',
      '|309 Bitcoin were mined in April',
      '|·',
      '|Installed capacity currently sits at 2.58 EH/s',
      'Further notes on March 2022:',
      '|·',
      '|Some sites were curtailed for a few days',
    ].join('\n');
    const doc = parseText(text);
    expect(doc.blocks.map((b) => b.text)).toContain('Installed capacity currently sits at 2.58 EH/s');
    // "currently" in a monthly update is the day it is out, not March
    const facts = extractFacts(doc, { company: findCompany(companies, 'HUT')!, companies, filedDate: '2022-05-06' });
    expect(facts.filter((f) => f.metric === 'hashrate_installed' && f.confidence >= 0.5).map((f) => f.asOf)).toEqual(['2022-05-06']);
    // the month-end reading is kept, below 0.5
    expect(facts.filter((f) => f.metric === 'hashrate_installed' && f.confidence < 0.5).map((f) => f.asOf)).toEqual(['2022-04-30']);
  });

  it("a monthly update's 'currently holds' stays at month-end; its 'with 10 EH/s operational' is operating (Bitfarms, June 2024)", () => {
    const text = [
      'Bitfarms mined 189 BTC in June, up from 156 BTC in May.',
      'It currently holds 905 BTC in treasury, worth $55.2 million, with a total of 1,557 BTC mined year-to-date.',
      'Installed hashrate now stands at 11.4 EH/s, with 10 EH/s operational.',
    ].join('\n\n');
    const facts = run('BITF', '2024-07-01', text);
    expect(stocks(facts, 'btc_held')).toEqual(['2024-06-30=905']);
    expect(flows(facts, 'btc_produced')).toContain('2024-01-01..2024-06-30=1557');
    expect(stocks(facts, 'hashrate_installed')).toEqual(['2024-07-01=11.4']);
    expect(stocks(facts, 'hashrate_operating')).toEqual(['2024-07-01=10']);
  });

  it("'lifted its hashrate by 39% to 10.4 EH/s by the end of June' is a past level, not a target (Bitfarms, June 2024)", () => {
    const facts = run('BITF', '2024-07-01', 'Bitfarms mined 189 BTC in June.\n\nOver the month Bitfarms lifted its hashrate by 39% to 10.4 EH/s by the end of June.');
    expect(stocks(facts, 'hashrate_operating')).toEqual(['2024-06-30=10.4']);
    // the same words written before June ends are a plan
    expect(stocks(run('BITF', '2024-06-10', 'Bitfarms expects to reach 10.4 EH/s by the end of June.'), 'hashrate_operating')).toEqual([]);
  });

  it("'revenue per Bitcoin of $61,025, compared to a cost to mine of $31,482' sets two metrics of one quarter side by side (Hut 8, Q3 2024)", () => {
    const text = 'Hut 8 reports its results for the third quarter of 2024.\n\n- Mined 234 Bitcoin at an average revenue per Bitcoin mined of $61,025, compared to a cost to mine of $31,482';
    const facts = run('HUT', '2024-11-13', text);
    expect(flows(facts, 'cost_per_btc')).toEqual(['2024-07-01..2024-09-30=31482']);
    // a cost in millions is a total, not a cost per coin
    expect(flows(run('HUT', '2024-11-13', 'Hut 8 reports its results for the third quarter of 2024.\n\nIt mined 234 Bitcoin, at a cost to mine of $7.4 million.'), 'cost_per_btc')).toEqual([]);
  });

  it("'Self-mined 442 bitcoin at the Lake Mariner Facility' is one facility's coins (TeraWulf, Q3 2024: 555 in all)", () => {
    const text = [
      'TeraWulf reports its results for the third quarter of 2024.',
      '- Self-mined 442 bitcoin at the Lake Mariner Facility.',
      '- Self-mined 555 bitcoin across the Lake Mariner and Nautilus facilities, down 43.4% from Q3 2023.',
    ].join('\n');
    expect(flows(run('WULF', '2024-11-12', text), 'btc_produced')).toEqual(['2024-07-01..2024-09-30=555']);
  });

  it("'Fourth Quarter and Full Year 2024' names the fourth quarter of 2024; '… in the quarter' right after a figure beats a launch month before it (Cango, Q4 2024)", () => {
    const text = [
      'SHANGHAI, March 6, 2025 -- Cango Inc. announced its unaudited results for the fourth quarter and full year of 2024.',
      '- Revenue rose, driven by the bitcoin mining business launched in November 2024, which generated RMB653.0 million (US$89.5 million) in the quarter.',
      '- A total of 933.8 Bitcoins were mined during the quarter.',
    ].join('\n');
    const facts = run('CANG', '2025-03-06', text, 'Cango Inc. Reports Fourth Quarter and Full Year 2024 Unaudited Financial Results');
    expect(flows(facts, 'btc_produced')).toEqual(['2024-10-01..2024-12-31=933.8']);
    expect(flows(facts, 'mining_revenue')).toEqual(['2024-10-01..2024-12-31=89500000']);
  });
});

describe('held-out prose shapes, set Y', () => {
  it("a level named before a target ('~7.7 EH/s and on track to reach ~9.3 EH/s by end of Third Quarter 2024') keeps its own date (Cipher, Q1 2024 update)", () => {
    const text = 'Cipher Mining gives its business update for the first quarter of 2024.\n\nCurrent self-mining hash rate of ~7.7 EH/s and on track to reach ~9.3 EH/s by end of Third Quarter 2024';
    expect(stocks(run('CIFR', '2024-05-07', text), 'hashrate_operating')).toEqual(['2024-05-07=7.7']);
  });

  it("'Increased hash rate to 7.4 EH/s in First Quarter 2024', written in March, is the level on the day it is out (Cipher, March 2024)", () => {
    const text = 'Cipher Mining gives its business update for the fourth quarter of 2023.\n\nIncreased hash rate to 7.4 EH/s in First Quarter 2024 and on track for 9.3 EH/s by end of Third Quarter 2024.';
    expect(stocks(run('CIFR', '2024-03-05', text), 'hashrate_operating')).toEqual(['2024-03-05=7.4']);
    // without a past-tense verb the quarter under way is a plan
    expect(stocks(run('CIFR', '2024-03-05', 'Cipher Mining gives its business update for the fourth quarter of 2023.\n\nHash rate of 7.4 EH/s in First Quarter 2024.'), 'hashrate_operating')).toEqual([]);
  });

  it("a power price 'at the sites under contract' is a contract's price, not the cost paid (Cipher, Q1 2023: 2.7 c/kWh)", () => {
    const text = 'Cipher Mining gives its business update for the first quarter of 2023.\n\nThe weighted average power price at the sites currently under contract is about 2.7 c/kWh.';
    expect(confident(run('CIFR', '2023-05-09', text), 'energy_cost_per_kwh')).toEqual([]);
  });
});
