import { describe, expect, it } from 'vitest';
import { buildEnv, extractFacts } from '../../src/extract/index.ts';
import { readFlatRows } from '../../src/extract/flat-rows.ts';
import { readRun, type GlueColumn } from '../../src/extract/_glue.ts';
import type { ExtractedFact } from '../../src/model/fact.ts';
import { parseText } from '../../src/parse/text.ts';
import { findCompany, loadRegistry } from '../../src/registry/companies.ts';

/**
 * Tables that lost their cells on the way to text. Figures are those of real releases (sources
 * cited per case); the label wording and surrounding sentences are written for these tests.
 */
const companies = loadRegistry();
const run = (ticker: string, filedDate: string, text: string) => {
  const company = findCompany(companies, ticker)!;
  return extractFacts(parseText(text), { company, companies, filedDate });
};
const at = (facts: ExtractedFact[], metric: string, when: string) =>
  facts.filter((f) => f.metric === metric && (f.asOf ?? f.periodEnd) === when);
const sure = (facts: ExtractedFact[], metric: string, when: string) => at(facts, metric, when).filter((f) => f.confidence >= 0.5).map((f) => f.value);

const P: GlueColumn = { kind: 'period' };

describe('readRun: glued values', () => {
  // Riot, September 2023 (https://stocktitan.net/news/RIOT/riot-announces-september-2023-production-and-operations-8ksikh265yu6.html)
  const riot: GlueColumn[] = [P, P, P, { kind: 'change', base: 0, against: 1 }, { kind: 'change', base: 0, against: 2 }];
  it('splits digits with no separators using the change columns', () => {
    const r = readRun('3623333559%2%', { columns: riot, gluedToLabel: true, tableUsesGrouping: true })!;
    expect(r.best.values.map((v) => v.num)).toEqual([362, 333, 355, 9, 2]);
    expect(r.certainty.slice(0, 3).every((c) => c === 'sure' || c === 'checked')).toBe(true);
  });
  it('drops a footnote digit in front of a grouped number', () => {
    const r = readRun('17,3277,3096,7660%8%', { columns: riot, gluedToLabel: true, tableUsesGrouping: true })!;
    expect(r.best.values.slice(0, 3).map((v) => v.num)).toEqual([7327, 7309, 6766]);
  });
  it('drops footnote digits after units', () => {
    const r = readRun('110.9 EH/s210.7 EH/s25.6 EH/s2%95%', { columns: riot, gluedToLabel: true, tableUsesGrouping: true })!;
    expect(r.best.values.slice(0, 3).map((v) => v.num)).toEqual([10.9, 10.7, 5.6]);
  });
  // IREN, February 2025 (https://goldea.capital/iren-february-2025-monthly-update)
  it('prefers the reading of similar magnitude across columns', () => {
    const r = readRun('3459 BTC521 BTC529 BTC', { columns: [P, P, P], gluedToLabel: true, tableUsesGrouping: true })!;
    expect(r.best.values.map((v) => v.num)).toEqual([459, 521, 529]);
  });
  // IREN, December 2023 (http://business.pawtuckettimes.com/pawtuckettimes/article/gnwcq-2024-1-5-iris-energy-announces-monthly-investor-update-for-december-2023)
  it('calls a single glued column ambiguous', () => {
    const r = readRun('399', { columns: [P], gluedToLabel: true, tableUsesGrouping: true })!;
    expect(r.best.values[0]!.num).toBe(399);
    expect(r.certainty[0]).toBe('ambiguous');
  });
  it('reads spaced values with a footnote glued to the label', () => {
    const r = readRun('6 7.2 EH/s 7.3 EH/s', { columns: [P, P], gluedToLabel: true, tableUsesGrouping: true })!;
    expect(r.best.values.map((v) => v.num)).toEqual([7.2, 7.3]);
    expect(r.certainty).toEqual(['sure', 'sure']);
  });
});

describe('flat tables in text', () => {
  // Riot, September 2023 (https://stocktitan.net/news/RIOT/riot-announces-september-2023-production-and-operations-8ksikh265yu6.html)
  it('reads a Riot-style monthly table with no cell separators', () => {
    const text = [
      'Riot monthly operations update for September 2023.',
      'Summary: deployed hash rate went up 2% to 110.9 EH/s during the month.',
      'Change (%) MetricSeptember 2023August 2023September 2022Month/MonthYear/Year Bitcoin Produced3623333559%2% Bitcoin Held17,3277,3096,7660%8% Bitcoin Sold34030030013%13% Deployed Hash Rate110.9 EH/s210.7 EH/s25.6 EH/s2%95%',
    ].join('\n\n');
    const facts = run('RIOT', '2023-10-04', text);
    expect(sure(facts, 'btc_produced', '2023-09-30')).toEqual([362]);
    expect(sure(facts, 'btc_produced', '2023-08-31')).toEqual([333]);
    expect(sure(facts, 'btc_produced', '2022-09-30')).toEqual([355]);
    expect(sure(facts, 'btc_held', '2023-09-30')).toEqual([7327]);
    expect(sure(facts, 'btc_held', '2022-09-30')).toEqual([6766]);
    expect(sure(facts, 'btc_sold', '2023-08-31')).toEqual([300]);
    expect(sure(facts, 'hashrate_installed', '2023-09-30')).toEqual([10.9]);
    expect(sure(facts, 'hashrate_installed', '2023-08-31')).toEqual([10.7]);
    expect(facts.some((f) => f.value === 110.9 && f.confidence >= 0.5)).toBe(false);
  });

  // IREN, February 2025 (https://goldea.capital/iren-february-2025-monthly-update)
  it('reads an IREN-style table with glued month headers, captions and costs in parentheses', () => {
    const text = [
      'IREN monthly update for February 2025.',
      'Key MetricsFeb 25*Jan 25Dec 24 Bitcoin Mining Average operating hashrate28.7 EH/s29.0 EH/s28.1 EH/s Bitcoin mined3459 BTC521 BTC529 BTC Revenue (per Bitcoin)$95,570$99,789$98,524 Electricity cost (per Bitcoin)1($28,341) ($24,683)($22,799) Revenue$43.9m$52.0m$52.1m AI Cloud Services Revenue$1.2m$0.8m$0.8m',
      '* February had fewer days than January.',
    ].join('\n\n');
    const facts = run('IREN', '2025-03-06', text);
    expect(sure(facts, 'btc_produced', '2025-02-28')).toEqual([459]);
    expect(sure(facts, 'btc_produced', '2025-01-31')).toEqual([521]);
    expect(sure(facts, 'hashrate_average', '2024-12-31')).toEqual([28.1]);
    expect(sure(facts, 'mining_revenue', '2025-02-28')).toEqual([43_900_000]);
    expect(sure(facts, 'cost_per_btc', '2025-01-31')).toEqual([24_683]);
    // the AI cloud section's revenue is another business
    expect(facts.some((f) => f.metric === 'mining_revenue' && f.value === 1_200_000)).toBe(false);
  });

  // Hut 8, December 2023 (https://hut8.com/2024/01/05/hut-8-operations-update-for-december-2023/)
  it('reads spaced two-column rows and leaves managed figures alone', () => {
    const text = [
      'Hut 8 operations update for December 2023.',
      'December 2023 November 2023 Total hashrate under management 21.5 EH/s3 21.6 EH/s3 Deployed miners5 73,943 75,078 Deployed hashrate6 7.2 EH/s 7.3 EH/s Bitcoin produced 453 BTC 390 BTC',
    ].join('\n\n');
    const facts = run('HUT', '2024-01-05', text);
    expect(sure(facts, 'hashrate_installed', '2023-12-31')).toEqual([7.2]);
    expect(sure(facts, 'hashrate_installed', '2023-11-30')).toEqual([7.3]);
    expect(sure(facts, 'btc_produced', '2023-12-31')).toEqual([453]);
    expect(sure(facts, 'btc_produced', '2023-11-30')).toEqual([390]);
    expect(facts.some((f) => (f.value === 21.5 || f.value === 21.6) && f.metric === 'hashrate_installed')).toBe(false);
  });

  // Iris Energy, June 2022 (https://6ix.com/company/iris-energy-ltd/news/iris-energy-limited-announces-monthly-investor-update-for-june-2022-2022-07-07)
  it('keeps a single glued column below 0.5 unless related rows confirm it', () => {
    const alone = run('IREN', '2022-07-07', 'Monthly update for June 2022.\n\nKey metrics2Jun-22 Bitcoin mined3148 Hashrate up on the month.');
    const guess = at(alone, 'btc_produced', '2022-06-30');
    expect(guess.every((f) => f.confidence < 0.5)).toBe(true);
    const withRevenue = run(
      'IREN',
      '2022-07-07',
      "Monthly update for June 2022.\n\nKey metrics2Jun-22 Average operating hashrate (PH/s)1,164 Bitcoin mined3148 Mining revenue (US$'000)3,546 Revenue per Bitcoin (US$)23,925 Corporate: guidance unchanged.",
    );
    expect(sure(withRevenue, 'btc_produced', '2022-06-30')).toEqual([148]);
    expect(sure(withRevenue, 'mining_revenue', '2022-06-30')).toEqual([3_546_000]);
    expect(sure(withRevenue, 'hashrate_average', '2022-06-30')).toEqual([1.164]);
  });

  // Core Scientific, September 2024 (https://au.advfn.com/stock-market/NASDAQ/CORZ/stock-news/94677236/core-scientific-announces-september-2024-productio)
  it('follows the header order when columns run oldest first', () => {
    const text = 'Production update for September 2024.\n\nMetric July 2024 August 2024 September 2024 Self-Mining Bitcoin Earned1 411 358 345 Self-Mining Energized Hash rate3 20.1 20.5 20.4';
    const facts = run('CORZ', '2024-10-03', text);
    expect(sure(facts, 'btc_produced', '2024-09-30')).toEqual([345]);
    expect(sure(facts, 'btc_produced', '2024-07-31')).toEqual([411]);
    expect(sure(facts, 'hashrate_installed', '2024-08-31')).toEqual([20.5]);
  });

  it('does not take prose for a header', () => {
    const doc = parseText('Output rose from 333 BTC in August 2023 to 362 BTC in September 2023, the company said.');
    const company = findCompany(companies, 'RIOT')!;
    const env = buildEnv(doc, { company, companies, filedDate: '2023-10-04' });
    expect(readFlatRows(doc, env).candidates).toEqual([]);
  });
});
