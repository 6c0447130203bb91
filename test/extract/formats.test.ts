import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { extractFacts } from '../../src/extract/index.ts';
import type { ExtractedFact } from '../../src/model/fact.ts';
import { parsePdf } from '../../src/parse/pdf.ts';
import { parseXlsx } from '../../src/parse/xlsx.ts';
import { findCompany, loadRegistry } from '../../src/registry/companies.ts';
import { buildPdf } from '../hostile/_pdf.ts';

/**
 * The XLSX and PDF paths end in the same extractor as HTML and text. Figures are those of real
 * releases: Riot's August 2024 update (table) and CleanSpark's November 2023 update (label lines).
 */
const companies = loadRegistry();
const pick = (facts: ExtractedFact[], metric: string, when: string) =>
  facts.filter((f) => f.metric === metric && (f.asOf ?? f.periodEnd) === when && f.confidence >= 0.5).map((f) => f.value);

describe('XLSX monthly-update sheet', () => {
  it('reads metric rows under month columns', () => {
    const rows = [
      ['Metric', 'August 2024', 'July 2024', 'August 2023', 'Month/Month', 'Year/Year'],
      ['Bitcoin Produced', 322, 370, 333, '-13%', '-3%'],
      ['Average Bitcoin Produced per Day', 10.4, 11.9, 10.8, '-13%', '-3%'],
      ['Bitcoin Held', 10019, 9704, 7309, '3%', '37%'],
      ['Bitcoin Sold', '-', '-', 300, 'N/A', 'N/A'],
      ['Deployed Hash Rate - Rockdale', '14.7 EH/s', '14.7 EH/s', '10.3 EH/s', '0%', '42%'],
      ['Deployed Hash Rate - Total', '23.5 EH/s', '23.2 EH/s', '10.3 EH/s', '1%', '128%'],
      ['Avg. Operating Hash Rate - Total', '14.5 EH/s', '15.5 EH/s', '4.5 EH/s', '-7%', '224%'],
    ];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'August 2024');
    const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const doc = parseXlsx(new Uint8Array(bytes));
    const facts = extractFacts(doc, { company: findCompany(companies, 'RIOT')!, companies, filedDate: '2024-09-05' });
    expect(pick(facts, 'btc_produced', '2024-08-31')).toEqual([322]);
    expect(pick(facts, 'btc_produced', '2024-07-31')).toEqual([370]);
    expect(pick(facts, 'btc_held', '2024-08-31')).toEqual([10019]);
    expect(pick(facts, 'btc_sold', '2023-08-31')).toEqual([300]);
    expect(pick(facts, 'hashrate_installed', '2024-08-31')).toEqual([23.5]);
    expect(pick(facts, 'hashrate_average', '2024-08-31')).toEqual([14.5]);
    // the per-day average and the site row are not company totals
    expect(facts.some((f) => f.value === 10.4 || f.value === 14.7)).toBe(false);
  });
});

describe('PDF one-page update', () => {
  it('reads label lines from the text layer', async () => {
    const pdf = buildPdf([
      'CleanSpark Releases November 2023 Bitcoin Mining Update',
      'November Bitcoin Mining Update (unaudited)',
      'Bitcoin mined in November: 666',
      'Total BTC holdings as of November 30: 2,575',
      'Total BTC sold in November: 402',
      'Month-end fleet efficiency: 26.4 J/Th',
      'Current hashrate: 10.08 EH/s',
    ]);
    const doc = await parsePdf(new Uint8Array(pdf));
    const facts = extractFacts(doc, { company: findCompany(companies, 'CLSK')!, companies, filedDate: '2023-12-01' });
    expect(pick(facts, 'btc_produced', '2023-11-30')).toEqual([666]);
    expect(pick(facts, 'btc_held', '2023-11-30')).toEqual([2575]);
    expect(pick(facts, 'btc_sold', '2023-11-30')).toEqual([402]);
    expect(pick(facts, 'fleet_efficiency', '2023-11-30')).toEqual([26.4]);
    // "current" in an update out on December 1: the fleet on that day (the month-end reading stays below 0.5)
    expect(pick(facts, 'hashrate_operating', '2023-12-01')).toEqual([10.08]);
    expect(facts.filter((f) => f.metric === 'hashrate_operating' && f.asOf === '2023-11-30').every((f) => f.confidence < 0.5)).toBe(true);
  });
});

describe("EDGAR's Financial_Report.xlsx", () => {
  // CleanSpark's 10-Q for the quarter to 2024-03-31 (../shared/corpus/sec/CLSK/10-Q-2024-03-31.html):
  // mined 2,031 / 1,871 BTC in the quarters and 4,051 / 3,401 in the six months to March 2024 / 2023;
  // bitcoin mining revenue, net $111,799 / $42,488 / $185,585 / $70,234 thousand; 5,021 BTC held at
  // 2024-03-31 and 2,243 at 2023-09-30. Laid out as EDGAR renders a statement into a sheet: a caption
  // with the money scale, "3 Months Ended" merged over its two date columns, unit-suffixed counts.
  const statement = (merged: boolean) => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['Revenue and Bitcoin (Details) - USD ($) $ in Thousands', '3 Months Ended', '', '6 Months Ended', ''],
      ['', 'Mar. 31, 2024', 'Mar. 31, 2023', 'Mar. 31, 2024', 'Mar. 31, 2023'],
      ['Bitcoin mining revenue, net', 111799, 42488, 185585, 70234],
      ['Bitcoin mined (in bitcoin)', 2031, 1871, 4051, 3401],
    ]);
    if (merged) ws['!merges'] = [XLSX.utils.decode_range('B1:C1'), XLSX.utils.decode_range('D1:E1')];
    return ws;
  };
  const balance = XLSX.utils.aoa_to_sheet([
    ['Bitcoin holdings (Details) - USD ($) $ in Thousands', 'Mar. 31, 2024', 'Sep. 30, 2023'],
    ['Number of bitcoin held (in bitcoin)', 5021, 2243],
  ]);
  const read = (merged: boolean) => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, statement(merged), 'R4');
    XLSX.utils.book_append_sheet(wb, balance, 'R9');
    const doc = parseXlsx(new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer));
    return extractFacts(doc, { company: findCompany(companies, 'CLSK')!, companies, form: '10-Q', periodOfReport: '2024-03-31' });
  };
  const flow = (facts: ExtractedFact[], metric: string, start: string, end: string) =>
    facts.filter((f) => f.metric === metric && f.periodStart === start && f.periodEnd === end && f.confidence >= 0.5).map((f) => f.value);

  it('reads merged period captions over their columns, counts in a thousands table, and money scaled', () => {
    const facts = read(true);
    expect(flow(facts, 'btc_produced', '2024-01-01', '2024-03-31')).toEqual([2031]);
    expect(flow(facts, 'btc_produced', '2023-01-01', '2023-03-31')).toEqual([1871]);
    expect(flow(facts, 'btc_produced', '2023-10-01', '2024-03-31')).toEqual([4051]);
    expect(flow(facts, 'btc_produced', '2022-10-01', '2023-03-31')).toEqual([3401]);
    expect(flow(facts, 'mining_revenue', '2024-01-01', '2024-03-31')).toEqual([111_799_000]);
    expect(flow(facts, 'mining_revenue', '2023-10-01', '2024-03-31')).toEqual([185_585_000]);
    expect(pick(facts, 'btc_held', '2024-03-31')).toEqual([5021]);
    expect(pick(facts, 'btc_held', '2023-09-30')).toEqual([2243]);
  });

  it('without the merges, a guessed spread of the captions states nothing with confidence', () => {
    const facts = read(false);
    // the six-month $185,585 thousand must not be given to the quarter
    expect(flow(facts, 'mining_revenue', '2024-01-01', '2024-03-31').filter((v) => v !== 111_799_000)).toEqual([]);
    expect(flow(facts, 'btc_produced', '2024-01-01', '2024-03-31').filter((v) => v !== 2031)).toEqual([]);
  });
});
