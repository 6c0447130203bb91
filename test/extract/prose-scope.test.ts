import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';
import type { ExtractedFact } from '../../src/model/fact.ts';
import { parseText } from '../../src/parse/text.ts';
import { findCompany, loadRegistry } from '../../src/registry/companies.ts';

/**
 * Readings an audit judged wrong: other parties' hash rate, plans, purchases, sites, averages that
 * lost their word. The wording is ours; the figures are the ones the named documents print.
 */
const companies = loadRegistry();
const ctx = (ticker: string, filedDate: string) => ({ company: findCompany(companies, ticker)!, companies, filedDate, form: '6-K' });
const confident = (facts: ExtractedFact[], prefix: string) => facts.filter((f) => f.metric.startsWith(prefix) && f.confidence >= 0.5);
const brief = (f: ExtractedFact) => `${f.metric} ${f.asOf ?? `${f.periodStart}..${f.periodEnd}`} = ${f.value}`;

describe('scope: hash rate that includes customers', () => {
  it('keeps only the self-mining part of a proprietary total', () => {
    // Bitdeer, May 2023 update: proprietary 5.4 EH/s (4.0 self-mining, 1.4 cloud), 5.7 EH/s at March 31
    const text = 'Bitdeer May 2023 update. Proprietary hash rate stood at 5.4 EH/s on May 31, 2023, with 4.0 EH/s allocated to self-mining and 1.4 EH/s to cloud hash rate. It came from 5.7 EH/s as of March 31, 2023.';
    const facts = confident(extractFacts(parseText(text), ctx('BTDR', '2023-06-01')), 'hashrate_');
    expect(facts.map(brief)).toEqual(['hashrate_installed 2023-05-31 = 4']);
  });

  it('drops capacity "managed by" or "under its operation"', () => {
    // BitFuFu: 15 EH/s under its operation at June 30, 2023; 24.7 EH/s managed at June 30, 2024
    const a = 'BitFuFu grew the hashrate under its operation from 15 EH/s as of June 30 to 23 EH/s at year end 2023.';
    const b = 'BitFuFu Q2 2024 results. Mining capacity managed by the company rose to 24.7 EH/s. With capacity at 24.7 EH/s, the company grew its scale.';
    expect(confident(extractFacts(parseText(a), ctx('FUFU', '2024-04-11')), 'hashrate_')).toEqual([]);
    expect(confident(extractFacts(parseText(b), ctx('FUFU', '2024-08-20')), 'hashrate_')).toEqual([]);
  });

  it('drops a lone figure whose label is on another line', () => {
    // Hut 8, December 2023 update: total hashrate under management 21.5 EH/s
    const text = 'Hut 8 December 2023 operations update\n\nTotal hashrate under management\n\n21.5 EH/s\n';
    expect(confident(extractFacts(parseText(text), ctx('HUT', '2024-01-05')), 'hashrate_')).toEqual([]);
  });
});

describe('plans and purchases', () => {
  it('reads no current hashrate from an expansion, a purchase or the capacity after it', () => {
    // Iris Energy, December 2023 update: 10 EH/s expansion; 1.6 EH/s of T21 miners bought
    const text = [
      'Iris Energy December 2023 monthly investor update.',
      'Mining capacity increased to 10 EH/s.',
      'Purchase of 1.6 EH/s of new T21 miners during the month, taking self-mining capacity to 10 EH/s.',
      '10 EH/s expansion fully funded.',
    ].join('\n');
    expect(confident(extractFacts(parseText(text), ctx('IREN', '2024-01-05')), 'hashrate_').map(brief)).toEqual([]);
  });

  it('reads no hashrate from an agreement to purchase machines', () => {
    // Bit Digital, April 2023 update: 3,600 S19 units with about 324 PH/s in total
    const text = 'In April 2023 the Company signed an agreement to purchase 3,600 new S19 mining units with a total maximum hash rate of approximately 324 PH/s.';
    expect(confident(extractFacts(parseText(text), ctx('BTBT', '2023-05-03')), 'hashrate_')).toEqual([]);
  });

  it('reads no company figure from a site named with its capacity', () => {
    // Iris Energy, June 2022 update: Prince George (1.4 EH/s, 50MW – BC, Canada)
    const text = 'Iris Energy June 2022 monthly investor update. Equipment installed in the substation; commissioning continues Prince George (1.4 EH/s, 50MW – BC, Canada) foundation works done.';
    expect(confident(extractFacts(parseText(text), ctx('IREN', '2022-07-07')), 'hashrate_')).toEqual([]);
  });
});

describe('averages', () => {
  it('keeps "average" from a subject far before the figure', () => {
    // MARA, June 2024 update: average operational hash rate in June 26.3 EH/s
    const text = 'MARA June 2024 production update. "Our average operational hash rate in June was twice the level of a year earlier, at 26.3 exahash," the CEO said.';
    const facts = confident(extractFacts(parseText(text), ctx('MARA', '2024-07-03')), 'hashrate_');
    expect(facts.map((f) => `${f.metric} ${f.value}`)).toEqual(['hashrate_average 26.3']);
  });

  it('reads "this figure" as the previous sentence’s average', () => {
    // Cango Q3 2025 results: average operational hash rate 44.85 EH/s in September, 46.09 EH/s in October
    const text = 'Cango Q3 2025 results. The average operational hash rate reached 44.85 EH/s in September. This figure improved further to 46.09 EH/s in October.';
    const facts = confident(extractFacts(parseText(text), ctx('CANG', '2025-12-01')), 'hashrate_');
    expect(facts.map((f) => `${f.metric} ${f.asOf ?? f.periodEnd} ${f.value}`).sort()).toEqual(['hashrate_average 2025-09-30 44.85', 'hashrate_average 2025-10-31 46.09']);
  });

  it('trusts "a high of" and "realized" hashrate less than a stated level', () => {
    // CleanSpark 10-Q for March 31, 2024: a high of 17.3 EH/s as of April 30, 2024
    const text = 'As of April 30, 2024, we operated a high of 17.3 EH/s of computing power.';
    expect(confident(extractFacts(parseText(text), ctx('CLSK', '2024-05-09')), 'hashrate_')).toEqual([]);
  });
});
