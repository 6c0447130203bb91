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
    expect(pick(facts, 'hashrate_operating', '2023-11-30')).toEqual([10.08]);
  });
});
