import { describe, expect, it } from 'vitest';
import { inferAnchor } from '../../src/extract/anchor.ts';
import { inferPublished } from '../../src/extract/dateline.ts';
import { extractFacts } from '../../src/extract/index.ts';
import { parseText } from '../../src/parse/text.ts';
import { loadRegistry } from '../../src/registry/companies.ts';

const companies = loadRegistry();
const periodOf = (f: { asOf?: string; periodStart?: string; periodEnd?: string }) => f.asOf ?? `${f.periodStart}..${f.periodEnd}`;

describe('bare mode: months without a year', () => {
  it('never lends a figure whose month cannot be dated the year-to-date period', () => {
    // the shape of Core Scientific's September 2024 headline (345 in September, 5,621 year to date); wording ours
    const doc = parseText('Core Scientific mined 345 bitcoin in September for a total of 5,621 bitcoin year-to-date.');
    const facts = extractFacts(doc, { companies });
    expect(facts.filter((f) => f.value === 345)).toEqual([]);
  });

  it('never lends a compared month\'s figure the year a later phrase names', () => {
    // CleanSpark's December 2024 figures (668 in December, 622 in November, 7,024 for 2024); wording ours
    const doc = parseText('CleanSpark mined 668 bitcoin in December, up from 622 in November, bringing its 2024 total to 7,024 bitcoin.');
    const facts = extractFacts(doc, { companies });
    expect(facts.filter((f) => f.value === 622 || f.value === 668)).toEqual([]);
  });

  it('anchors them on the month the headline names', () => {
    const doc = parseText('CleanSpark Releases December 2024 Bitcoin Mining Update\n\nCleanSpark mined 668 bitcoin in December.');
    expect(inferAnchor(doc)).toBe('2024-12-31');
    const facts = extractFacts(doc, { companies }).filter((f) => f.metric === 'btc_produced');
    expect(facts.map((f) => `${f.value} ${periodOf(f)}`)).toEqual(['668 2024-12-01..2024-12-31']);
  });

  it('leaves a month after the latest stated date without a year', () => {
    const doc = parseText('CleanSpark held 9,952 bitcoin as of December 31, 2024. It plans to reach 50 EH/s in June.');
    expect(inferAnchor(doc)).toBe('2024-12-31');
    const facts = extractFacts(doc, { companies });
    expect(facts.filter((f) => f.value === 50)).toEqual([]);
  });

  it('ignores dates named as plans or deadlines', () => {
    expect(inferAnchor(parseText('Mining update for May 2024. Expansion is expected by December 31, 2025.'))).toBe('2024-05-31');
  });
});

describe('inferPublished: a page\'s own date line', () => {
  it('reads a leading date field and a date alone under the headline', () => {
    expect(inferPublished(parseText('date 2022-10-05 The miner produced 1,213 BTC in September.'))).toBe('2022-10-05');
    expect(inferPublished(parseText('Miners rise on December updates\n\n*January 6, 2025*\n\nShares rose on Monday.'))).toBe('2025-01-06');
  });
});

describe('inferDocType', () => {
  it('reads form and period of report off a periodic filing\'s cover', async () => {
    const { inferDocType } = await import('../../src/extract/doctype.ts');
    const cover = 'UNITED STATES\n\nSECURITIES AND EXCHANGE COMMISSION\n\nFORM 10-Q\n\n☒ QUARTERLY REPORT UNDER SECTION 13 OR 15(d)\n\nFor the quarterly period ended June 30, 2025\n\nBit Digital, Inc.';
    expect(inferDocType(parseText(cover))).toEqual({ form: '10-Q', periodOfReport: '2025-06-30' });
  });

  it('takes no form from a release that mentions one', async () => {
    const { inferDocType } = await import('../../src/extract/doctype.ts');
    const release = 'NEW YORK, Aug. 14, 2025 /PRNewswire/ -- Bit Digital filed its quarterly report on Form 10-Q for the quarterly period ended June 30, 2025.';
    expect(inferDocType(parseText(release))).toBeUndefined();
  });
});
