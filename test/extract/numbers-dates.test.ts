import { describe, expect, it } from 'vitest';
import { findPeriods, fiscalQuarter, spanPeriod } from '../../src/extract/dates.ts';
import { parseNumber } from '../../src/extract/numbers.ts';
import { readCell } from '../../src/extract/tables.ts';
import { hashrateFactor, kwhFactor, moneyScale } from '../../src/extract/units.ts';

describe('parseNumber', () => {
  it('reads grouped decimals, parentheses, dashes and scale words', () => {
    expect(parseNumber('1,234.5')?.value).toBe(1234.5);
    expect(parseNumber('(57.2)')?.value).toBe(-57.2);
    expect(parseNumber('—')).toMatchObject({ value: 0, dashZero: true });
    expect(parseNumber('-')).toMatchObject({ value: 0, dashZero: true });
    expect(parseNumber('N/A')).toBeUndefined();
    // Cango sale, Feb 2026: "approximately US$305 million"
    expect(parseNumber('US$305 million')?.value).toBe(305_000_000);
    expect(parseNumber('$9.4 million')?.value).toBeCloseTo(9_400_000);
    expect(parseNumber('~4,451')).toMatchObject({ value: 4451, approximate: true });
  });
  it('splits a footnote digit glued to a label only when the rest is a well-formed number', () => {
    // Riot monthly table flattened: "Bitcoin Held" footnote 1, then 7,327 BTC (September 2023)
    expect(parseNumber('17,327', { glued: true })).toMatchObject({ value: 7327, footnoteSplit: true });
    expect(parseNumber('585.6', { glued: true })?.value).toBe(585.6);
  });
  it('reads table cells with units and trailing footnotes', () => {
    // Riot August 2024 table: "Deployed Hash Rate - Total 2 | 23.5 EH/s", "10.3 EH/s 2"
    expect(readCell('23.5 EH/s')).toMatchObject({ unitText: 'EH/s' });
    expect(readCell('10.3 EH/s 2')?.num.value).toBe(10.3);
    expect(readCell('2.0c/kWh')?.num.value).toBe(2);
    expect(readCell('$5.7 million')?.num.value).toBeCloseTo(5_700_000);
    expect(readCell('2024 1')).toBeUndefined();
  });
});

describe('units', () => {
  it('converts PH/s, ¢/kWh and table money scales', () => {
    expect(hashrateFactor('Average operating hashrate (PH/s)')).toBe(1e-3);
    expect(hashrateFactor('21.5 EH/s')).toBe(1);
    expect(kwhFactor('All-in Power Cost 2.0c/kWh')).toBe(0.01);
    expect(kwhFactor('Cost per KWH $0.043')).toBe(1);
    expect(kwhFactor('Average cost of electricity ($/MWh)')).toBe(0.001);
    expect(kwhFactor('Total power usage (MWh)')).toBeUndefined();
    expect(moneyScale("Mining revenue (US$'000)")).toBe(1e3);
    expect(moneyScale('(Unaudited, in thousands, except per share amounts)')).toBe(1e3);
  });
});

describe('periods', () => {
  it('reads spans, fiscal year-to-date and quarters', () => {
    // CleanSpark 10-Q for March 31, 2024: six months ended = fiscal YTD from Oct 1, 2023
    expect(findPeriods('during the six months ended March 31, 2024')[0]?.period).toEqual(spanPeriod('2024-03-31', 6));
    expect(spanPeriod('2024-03-31', 6)).toMatchObject({ start: '2023-10-01', end: '2024-03-31' });
    expect(findPeriods('For the year ended December 31, 2024')[0]?.period).toMatchObject({ start: '2024-01-01', end: '2024-12-31' });
    // CleanSpark FY ends Sep 30: fiscal Q1 2025 is Oct–Dec 2024; IREN FY ends Jun 30
    expect(fiscalQuarter(2025, 1, 9)).toMatchObject({ start: '2024-10-01', end: '2024-12-31' });
    expect(fiscalQuarter(2025, 3, 6)).toMatchObject({ start: '2025-01-01', end: '2025-03-31' });
    expect(findPeriods('during the Second Quarter of 2024')[0]?.period).toMatchObject({ start: '2024-04-01', end: '2024-06-30' });
  });
  it('leaves a month later in the year than the reference, or a quarter over two quarters back, without a year', () => {
    // a June 28, 2021 update: "by the end of August" is this August to come, not August 2020
    expect(findPeriods('by the end of August', { ref: '2021-06-28' })).toEqual([]);
    // a January release: "in December" is the December just ended
    expect(findPeriods('mined in December', { ref: '2024-01-05' })[0]?.period).toMatchObject({ start: '2023-12-01', end: '2023-12-31' });
    // a May 2023 update: "complete the buildout in Q3" is this Q3, not Q3 2022
    expect(findPeriods('the buildout in Q3', { ref: '2023-05-09' })).toEqual([]);
    expect(findPeriods('in the first nine months of 2022')[0]?.period).toMatchObject({ start: '2022-01-01', end: '2022-09-30' });
    expect(findPeriods('Between April and May, it mined', { ref: '2025-06-05' })[0]?.period).toMatchObject({ start: '2025-04-01', end: '2025-05-31' });
  });
  it('anchors months without a year to the reference date and ignores look-alike words', () => {
    // a December 2, 2022 release talking about "November"
    expect(findPeriods('Bitcoin mined in November', { ref: '2022-12-02' })[0]?.period).toMatchObject({ start: '2022-11-01', end: '2022-11-30' });
    // a January release talking about "December" is last year's December
    expect(findPeriods('mined in December', { ref: '2025-01-06' })[0]?.period).toMatchObject({ start: '2024-12-01' });
    expect(findPeriods('a 23% decrease from the prior year')).toEqual([]);
    expect(findPeriods('Apr-24')[0]?.period).toMatchObject({ start: '2024-04-01', end: '2024-04-30' });
    expect(findPeriods('as of June 30, 2025')[0]?.period).toEqual({ kind: 'instant', asOf: '2025-06-30' });
  });
  it('reads explicit ranges and "the past weekend"', () => {
    expect(findPeriods('from October 1, 2022, to September 30, 2023')[0]?.period).toMatchObject({ start: '2022-10-01', end: '2023-09-30' });
    // Monday Feb 9, 2026 → Sat Feb 7 and Sun Feb 8
    expect(findPeriods('sold over the past weekend', { ref: '2026-02-09' })[0]?.period).toMatchObject({ start: '2026-02-07', end: '2026-02-08' });
  });
});
