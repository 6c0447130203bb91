/**
 * reconcile() on facts built in memory. Every value is a figure read off a real document
 * (named beside it) or a computation on such figures; document URLs keep the real hosts the
 * copies came from, with placeholder paths.
 */
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../src/reconcile/index.ts';
import type { CanonicalValue, ReconcileResult } from '../../src/reconcile/types.ts';
import { loadRegistry } from '../../src/registry/companies.ts';
import { doc, fact, month } from './_facts.ts';

const companies = loadRegistry();

function find(r: ReconcileResult, company: string, metric: string, periodKey: string): CanonicalValue | undefined {
  return r.canonical.find((c) => c.companyTicker === company && c.metric === metric && c.periodKey === periodKey);
}

// CleanSpark 10-Q for the quarter ended 2024-03-31 (signed 2024-05-09)
const clsk10qMar24 = doc({ form: '10-Q', filedDate: '2024-05-09', sourceUrl: 'https://www.sec.gov/Archives/edgar/data/827876/clsk-20240331.htm' });
// CleanSpark 10-Q for the quarter ended 2024-06-30 (signed 2024-08-09)
const clsk10qJun24 = doc({ form: '10-Q', filedDate: '2024-08-09', sourceUrl: 'https://www.sec.gov/Archives/edgar/data/827876/clsk-20240630.htm' });
// CleanSpark 10-Q for the quarter ended 2024-12-31 (signed 2025-02-06)
const clsk10qDec24 = doc({ form: '10-Q', filedDate: '2025-02-06', sourceUrl: 'https://www.sec.gov/Archives/edgar/data/827876/clsk-20241231.htm' });
// CleanSpark monthly updates as copied by TV-station sites and PR Newswire
const clskSep23 = doc({ form: 'press_release', filedDate: '2023-10-03', sourceUrl: 'https://www.walb.com/fixture/cleanspark-september-2023' });
const clskOct23 = doc({ form: 'press_release', filedDate: '2023-11-02', sourceUrl: 'https://www.wlox.com/fixture/cleanspark-october-2023' });
const clskNov23 = doc({ form: 'press_release', filedDate: '2023-12-01', sourceUrl: 'https://www.wtok.com/fixture/cleanspark-november-2023' });
const clskDec23 = doc({ form: 'press_release', filedDate: '2024-01-03', sourceUrl: 'https://www.prnewswire.com/fixture/cleanspark-december-2023' });
const clskMay24 = doc({ form: 'press_release', filedDate: '2024-06-04', sourceUrl: 'https://www.prnewswire.com/fixture/cleanspark-may-2024' });

describe('precedence', () => {
  it('prefers the 10-Q over a third-party copy of the monthly release; 2,240 vs 2,243 BTC is within tolerance', () => {
    const r = reconcile(
      [
        clskSep23({ company: 'CLSK', metric: 'btc_held', value: 2240, asOf: '2023-09-30' }),
        clsk10qMar24({ company: 'CLSK', metric: 'btc_held', value: 2243, asOf: '2023-09-30', table: true }),
      ],
      { companies },
    );
    const cv = find(r, 'CLSK', 'btc_held', '@2023-09-30')!;
    expect(cv.value).toBe(2243);
    expect(cv.rule).toBe('tier');
    expect(cv.reason).toMatch(/interim report \(10-Q.*\) over third-party copy/);
    expect(cv.observations.map((o) => o.value)).toEqual([2243, 2240]);
    expect(cv.conflicted).toBe(false);
    expect(r.conflicts).toEqual([]);
  });

  it('puts an amendment over the original even when both come from the same day and host', () => {
    const filed = { filedDate: '2023-10-03', sourceUrl: 'https://www.sec.gov/Archives/edgar/data/827876/fixture-ex99.htm' };
    const r = reconcile(
      [
        fact({ ...filed, form: '8-K', company: 'CLSK', metric: 'btc_held', value: 2240, asOf: '2023-09-30' }),
        fact({ ...filed, form: '8-K/A', company: 'CLSK', metric: 'btc_held', value: 2243, asOf: '2023-09-30' }),
      ],
      { companies },
    );
    const cv = find(r, 'CLSK', 'btc_held', '@2023-09-30')!;
    expect(cv.value).toBe(2243);
    expect(cv.rule).toBe('amendment');
    expect(cv.reason).toBe('amendment (8-K/A) over original (8-K)');
  });

  it('prefers the audited 10-K over a later 10-Q stating the same balance (Bit Digital, 741.9 BTC at 2024-12-31)', () => {
    const r = reconcile(
      [
        fact({ form: '10-Q', filedDate: '2025-05-15', company: 'BTBT', metric: 'btc_held', value: 741.9, asOf: '2024-12-31', table: true }),
        fact({ form: '10-K', filedDate: '2025-03-14', company: 'BTBT', metric: 'btc_held', value: 741.9, asOf: '2024-12-31', table: true }),
      ],
      { companies },
    );
    const cv = find(r, 'BTBT', 'btc_held', '@2024-12-31')!;
    expect(cv.fact.form).toBe('10-K');
    expect(cv.reason).toMatch(/^2 observations agree; audited annual report \(10-K/);
  });

  it('takes the later release for a restated prior-month column (Riot deployed hashrate July 2024: 23.3 then 23.2 EH/s)', () => {
    const r = reconcile(
      [
        fact({ form: 'press_release', filedDate: '2024-08-05', sourceUrl: 'https://www.todaysstocks.com/fixture/riot-july-2024', company: 'RIOT', metric: 'hashrate_installed', value: 23.3, asOf: '2024-07-31', table: true }),
        fact({ form: 'press_release', filedDate: '2024-09-05', sourceUrl: 'https://www.advfn.com/fixture/riot-august-2024', company: 'RIOT', metric: 'hashrate_installed', value: 23.2, asOf: '2024-07-31', table: true }),
      ],
      { companies },
    );
    const cv = find(r, 'RIOT', 'hashrate_installed', '@2024-07-31')!;
    expect(cv.value).toBe(23.2);
    expect(cv.rule).toBe('later');
    // 0.4% apart: rounding, not a conflict (hashrate tolerance 2%)
    expect(cv.conflicted).toBe(false);
  });

  it('prefers a newswire copy over an aggregator copy of the same release', () => {
    const r = reconcile(
      [
        fact({ form: 'press_release', filedDate: '2024-08-05', sourceUrl: 'https://www.todaysstocks.com/fixture/riot-july-2024', company: 'RIOT', metric: 'btc_produced', value: 370, ...month('2024-07') }),
        fact({ form: 'press_release', filedDate: '2024-08-05', sourceUrl: 'https://www.prnewswire.com/fixture/riot-july-2024', company: 'RIOT', metric: 'btc_produced', value: 370, ...month('2024-07') }),
      ],
      { companies },
    );
    const cv = find(r, 'RIOT', 'btc_produced', '2024-07-01..2024-07-31')!;
    expect(cv.fact.sourceUrl).toMatch(/prnewswire/);
    expect(cv.rule).toBe('host');
  });

  it('treats the issuer’s own site and sec.gov as issuer, newswires and other sites as third-party', () => {
    const onIssuerSite = fact({ sourceUrl: 'https://investors.cleanspark.com/fixture', company: 'CLSK', metric: 'btc_held', value: 2240, asOf: '2023-09-30' });
    const onTvSite = fact({ sourceUrl: 'https://www.walb.com/fixture', company: 'CLSK', metric: 'btc_held', value: 2240, asOf: '2023-09-30' });
    const r = reconcile([onTvSite, onIssuerSite], { companies });
    const cv = find(r, 'CLSK', 'btc_held', '@2023-09-30')!;
    expect(cv.fact.id).toBe(onIssuerSite.id);
    expect(cv.reason).toMatch(/monthly release .* over third-party copy/);
  });

  it('never lets a low-confidence fact win over a confident one, and keeps it as an observation', () => {
    const low = clsk10qMar24({ company: 'CLSK', metric: 'btc_held', value: 2243, asOf: '2023-09-30', confidence: 0.4 });
    const r = reconcile([low, clskSep23({ company: 'CLSK', metric: 'btc_held', value: 2240, asOf: '2023-09-30' })], { companies });
    const cv = find(r, 'CLSK', 'btc_held', '@2023-09-30')!;
    expect(cv.value).toBe(2240);
    expect(cv.rule).toBe('confident');
    expect(cv.observations.map((o) => o.id)).toContain(low.id);
  });

  it('sets aside a key whose only observations are low-confidence', () => {
    const r = reconcile([clskSep23({ company: 'CLSK', metric: 'btc_held', value: 2240, asOf: '2023-09-30', confidence: 0.3 })], { companies });
    expect(r.canonical).toEqual([]);
    expect(r.setAside).toHaveLength(1);
    expect(r.setAside[0]!.reason).toMatch(/low-confidence/);
  });

  it('does not depend on the order of the input', () => {
    const facts = [
      clskSep23({ company: 'CLSK', metric: 'btc_held', value: 2240, asOf: '2023-09-30' }),
      clsk10qMar24({ company: 'CLSK', metric: 'btc_held', value: 2243, asOf: '2023-09-30' }),
      fact({ form: '8-K/A', filedDate: '2023-10-03', company: 'CLSK', metric: 'btc_held', value: 2243, asOf: '2023-09-30' }),
    ];
    const a = reconcile(facts, { companies });
    const b = reconcile([...facts].reverse(), { companies });
    expect(a.canonical[0]!.fact.id).toBe(b.canonical[0]!.fact.id);
  });
});

describe('conflicts', () => {
  it('lists a quarter that disagrees beyond tolerance with both sources (six-month YTD 4,051 reported as the quarter by a third party vs the 10-Q’s 2,031)', () => {
    const q = { periodStart: '2024-01-01', periodEnd: '2024-03-31' };
    const tenQ = clsk10qMar24({ company: 'CLSK', metric: 'btc_produced', value: 2031, ...q });
    const copy = fact({ form: 'press_release', filedDate: '2024-05-10', sourceUrl: 'https://stocktitan.net/fixture/clsk-q2-fy2024', company: 'CLSK', metric: 'btc_produced', value: 4051, ...q });
    const r = reconcile([copy, tenQ], { companies });
    const cv = find(r, 'CLSK', 'btc_produced', '2024-01-01..2024-03-31')!;
    expect(cv.value).toBe(2031);
    expect(cv.conflicted).toBe(true);
    expect(r.conflicts).toHaveLength(1);
    const c = r.conflicts[0]!;
    expect(c.chosen).toBe(2031);
    expect(c.values.map((v) => [v.value, v.factId])).toEqual([
      [2031, tenQ.id],
      [4051, copy.id],
    ]);
    expect(c.values[1]!.sourceUrl).toMatch(/stocktitan/);
    // (4,051 − 2,031) / 4,051
    expect(c.spread).toBeCloseTo(2020 / 4051, 6);
    const finding = r.findings.find((f) => f.kind === 'conflict')!;
    expect(finding.severity).toBe('warning');
    expect(finding.message).toMatch(/2,031 in 10-Q filed 2024-05-09.*4,051 in press_release filed 2024-05-10 \(stocktitan\.net\)/);
  });

  it('does not call rounding a conflict: CleanSpark’s average price $55,029 (prose) vs $55,030 (table), $65,904 vs $66,048 and the restated $65,891', async () => {
    const { withinTolerance } = await import('../../src/reconcile/tolerance.ts');
    expect(withinTolerance('btc_sold_avg_price', 55029, 55030)).toBe(true);
    expect(withinTolerance('btc_sold_avg_price', 65904, 66048)).toBe(true);
    expect(withinTolerance('btc_sold_avg_price', 65904, 65891)).toBe(true);
    // Oct–Dec 2023: monthly releases 633 + 666 + 720 = 2,019 vs the 10-Q's 2,020
    expect(withinTolerance('btc_produced', 633 + 666 + 720, 2020)).toBe(true);
    // the six-month YTD read as the quarter is not rounding
    expect(withinTolerance('btc_produced', 2031, 4051)).toBe(false);
  });
});

describe('derived values', () => {
  it('computes a fiscal quarter from year-to-date figures and names its inputs (CleanSpark: 4,051 − 2,031)', () => {
    const ytd = clsk10qMar24({ company: 'CLSK', metric: 'btc_produced', value: 4051, periodStart: '2023-10-01', periodEnd: '2024-03-31' });
    const q2 = clsk10qMar24({ company: 'CLSK', metric: 'btc_produced', value: 2031, periodStart: '2024-01-01', periodEnd: '2024-03-31' });
    const r = reconcile([ytd, q2], { companies });
    const cv = find(r, 'CLSK', 'btc_produced', '2023-10-01..2023-12-31')!;
    expect(cv.derived).toBe(true);
    expect(cv.value).toBe(4051 - 2031);
    expect(cv.inputs).toEqual([
      { factId: ytd.id, metric: 'btc_produced', periodKey: '2023-10-01..2024-03-31', value: 4051, sign: 1 },
      { factId: q2.id, metric: 'btc_produced', periodKey: '2024-01-01..2024-03-31', value: 2031, sign: -1 },
    ]);
    expect(cv.reason).toBe('derived: 4,051 (2023-10-01..2024-03-31) − 2,031 (2024-01-01..2024-03-31)');
    expect(cv.observations).toEqual([]);
  });

  it('never overwrites a stated value: the Dec 2024 10-Q states 2,020 for Oct–Dec 2023, which agrees with 4,051 − 2,031', () => {
    const stated = clsk10qDec24({ company: 'CLSK', metric: 'btc_produced', value: 2020, periodStart: '2023-10-01', periodEnd: '2023-12-31' });
    const r = reconcile(
      [
        clsk10qMar24({ company: 'CLSK', metric: 'btc_produced', value: 4051, periodStart: '2023-10-01', periodEnd: '2024-03-31' }),
        clsk10qMar24({ company: 'CLSK', metric: 'btc_produced', value: 2031, periodStart: '2024-01-01', periodEnd: '2024-03-31' }),
        stated,
      ],
      { companies },
    );
    const all = r.canonical.filter((c) => c.metric === 'btc_produced' && c.periodKey === '2023-10-01..2023-12-31');
    expect(all).toHaveLength(1);
    expect(all[0]!.derived).toBe(false);
    expect(all[0]!.fact.id).toBe(stated.id);
    expect(r.findings.filter((f) => f.kind === 'conflict')).toEqual([]);
  });

  it('cross-checks a stated quarter against year-to-date differences: 5,628 − 4,051 = 1,577 vs the stated 1,580 is within tolerance', () => {
    const r = reconcile(
      [
        clsk10qMar24({ company: 'CLSK', metric: 'btc_produced', value: 4051, periodStart: '2023-10-01', periodEnd: '2024-03-31' }),
        clsk10qJun24({ company: 'CLSK', metric: 'btc_produced', value: 5628, periodStart: '2023-10-01', periodEnd: '2024-06-30' }),
        clsk10qJun24({ company: 'CLSK', metric: 'btc_produced', value: 1580, periodStart: '2024-04-01', periodEnd: '2024-06-30' }),
      ],
      { companies },
    );
    expect(find(r, 'CLSK', 'btc_produced', '2024-04-01..2024-06-30')!.value).toBe(1580);
    expect(r.findings.filter((f) => f.kind === 'conflict')).toEqual([]);
  });

  it('flags a stated quarter that year-to-date differences contradict (a copy giving the six-month 598.0 BTC sold as Q2 2025, Bit Digital)', () => {
    const r = reconcile(
      [
        fact({ form: '10-Q', filedDate: '2025-05-15', company: 'BTBT', metric: 'btc_sold', value: 392.6, periodStart: '2025-01-01', periodEnd: '2025-03-31' }),
        fact({ form: '10-Q', filedDate: '2025-08-14', company: 'BTBT', metric: 'btc_sold', value: 598.0, periodStart: '2025-01-01', periodEnd: '2025-06-30' }),
        fact({ form: 'press_release', filedDate: '2025-08-15', sourceUrl: 'https://stocktitan.net/fixture/btbt-q2-2025', company: 'BTBT', metric: 'btc_sold', value: 598.0, periodStart: '2025-04-01', periodEnd: '2025-06-30' }),
      ],
      { companies },
    );
    const f = r.findings.find((x) => x.kind === 'conflict' && x.periodKey === '2025-04-01..2025-06-30')!;
    // 598.0 − 392.6
    expect(f.message).toMatch(/stated 598 .* give 205\.4 = 598 \(2025-01-01\.\.2025-06-30\) − 392\.6 \(2025-01-01\.\.2025-03-31\)/);
    // the weaker copy does not get to question the 10-Q's Q1 (598.0 − 598.0 = 0 vs 392.6)
    expect(r.findings.filter((x) => x.kind === 'conflict' && x.periodKey === '2025-01-01..2025-03-31')).toEqual([]);
  });

  it('agrees with a stated quarter when calendar YTD figures give the same (CleanSpark 2024: 7,024 − 5,079 = 1,945, as the 10-Q states)', () => {
    const r = reconcile(
      [
        fact({ form: 'press_release', filedDate: '2024-10-03', sourceUrl: 'https://www.hotscup.com/fixture', company: 'CLSK', metric: 'btc_produced', value: 5079, periodStart: '2024-01-01', periodEnd: '2024-09-30' }),
        fact({ form: 'press_release', filedDate: '2025-01-06', sourceUrl: 'https://www.moomoo.com/fixture', company: 'CLSK', metric: 'btc_produced', value: 7024, periodStart: '2024-01-01', periodEnd: '2024-12-31' }),
        clsk10qDec24({ company: 'CLSK', metric: 'btc_produced', value: 1945, periodStart: '2024-10-01', periodEnd: '2024-12-31' }),
      ],
      { companies },
    );
    expect(find(r, 'CLSK', 'btc_produced', '2024-10-01..2024-12-31')!.derived).toBe(false);
    expect(r.findings.filter((f) => f.kind === 'conflict')).toEqual([]);
  });

  it('computes a month from a quarter minus the other two months (CleanSpark Oct 2024: the 10-Q’s 1,945 − 622 − 668)', () => {
    const benzinga = doc({ form: 'press_release', filedDate: '2025-01-06', sourceUrl: 'https://www.moomoo.com/fixture/benzinga-clsk-december-2024' });
    const r = reconcile(
      [
        clsk10qDec24({ company: 'CLSK', metric: 'btc_produced', value: 1945, periodStart: '2024-10-01', periodEnd: '2024-12-31' }),
        benzinga({ company: 'CLSK', metric: 'btc_produced', value: 622, ...month('2024-11') }),
        benzinga({ company: 'CLSK', metric: 'btc_produced', value: 668, ...month('2024-12') }),
      ],
      { companies },
    );
    const oct = find(r, 'CLSK', 'btc_produced', '2024-10-01..2024-10-31')!;
    expect(oct.derived).toBe(true);
    expect(oct.value).toBe(1945 - 622 - 668);
    expect(oct.inputs!.map((i) => [i.value, i.sign])).toEqual([
      [1945, 1],
      [622, -1],
      [668, -1],
    ]);
    // months only from the quarter: nothing is derived for the two-month stepping stone
    expect(find(r, 'CLSK', 'btc_produced', '2024-10-01..2024-11-30')).toBeUndefined();
  });

  it('rounds differences to the inputs’ precision (Bit Digital Q2 2025 mined 151.5 − 83.3)', () => {
    const r = reconcile(
      [
        fact({ form: '10-Q', filedDate: '2025-05-15', company: 'BTBT', metric: 'btc_produced', value: 83.3, periodStart: '2025-01-01', periodEnd: '2025-03-31' }),
        fact({ form: '10-Q', filedDate: '2025-08-14', company: 'BTBT', metric: 'btc_produced', value: 151.5, periodStart: '2025-01-01', periodEnd: '2025-06-30' }),
      ],
      { companies },
    );
    expect(find(r, 'BTBT', 'btc_produced', '2025-04-01..2025-06-30')!.value).toBe(68.2);
  });

  it('does not derive rates or averages', () => {
    const r = reconcile(
      [
        clsk10qMar24({ company: 'CLSK', metric: 'cost_per_btc', basis: 'direct', value: 13771, periodStart: '2023-10-01', periodEnd: '2024-03-31' }),
        clsk10qMar24({ company: 'CLSK', metric: 'cost_per_btc', basis: 'direct', value: 14692, periodStart: '2024-01-01', periodEnd: '2024-03-31' }),
      ],
      { companies },
    );
    expect(r.canonical.filter((c) => c.derived)).toEqual([]);
  });
});

describe('holdings roll-forward', () => {
  const clskMonths = () => [
    clskSep23({ company: 'CLSK', metric: 'btc_held', value: 2240, asOf: '2023-09-30' }),
    clskOct23({ company: 'CLSK', metric: 'btc_produced', value: 633, ...month('2023-10') }),
    clskOct23({ company: 'CLSK', metric: 'btc_sold', value: 562, ...month('2023-10') }),
    clskOct23({ company: 'CLSK', metric: 'btc_held', value: 2311, asOf: '2023-10-31' }),
    clskNov23({ company: 'CLSK', metric: 'btc_produced', value: 666, ...month('2023-11') }),
    clskNov23({ company: 'CLSK', metric: 'btc_sold', value: 402, ...month('2023-11') }),
    clskNov23({ company: 'CLSK', metric: 'btc_held', value: 2575, asOf: '2023-11-30' }),
    clskDec23({ company: 'CLSK', metric: 'btc_produced', value: 720, ...month('2023-12') }),
    clskDec23({ company: 'CLSK', metric: 'btc_sold', value: 293, ...month('2023-12') }),
    clskDec23({ company: 'CLSK', metric: 'btc_held', value: 3002, asOf: '2023-12-31' }),
  ];

  it('finds nothing when months roll forward (CleanSpark Oct–Dec 2023: 2,240 + 633 − 562 = 2,311 …)', () => {
    const r = reconcile(clskMonths(), { companies });
    expect(r.findings.filter((f) => f.kind === 'rollforward' || f.kind === 'sold_exceeds_available')).toEqual([]);
  });

  it('lists an unexplained difference as a warning naming what was not stated (MARA June→July 2024: 18,536 + 692 vs 20,818)', () => {
    const r = reconcile(
      [
        fact({ form: 'press_release', filedDate: '2024-07-03', sourceUrl: 'https://www.einnews.com/fixture/mara-june-2024', company: 'MARA', metric: 'btc_held', value: 18536, asOf: '2024-06-30' }),
        fact({ form: 'press_release', filedDate: '2024-08-01', sourceUrl: 'https://www.stocktitan.net/fixture/mara-july-2024', company: 'MARA', metric: 'btc_produced', value: 692, ...month('2024-07') }),
        fact({ form: 'press_release', filedDate: '2024-08-01', sourceUrl: 'https://www.stocktitan.net/fixture/mara-july-2024', company: 'MARA', metric: 'btc_held', value: 20818, asOf: '2024-07-31' }),
      ],
      { companies },
    );
    const f = r.findings.find((x) => x.kind === 'rollforward')!;
    expect(f.severity).toBe('warning');
    expect(f.periodKey).toBe('2024-07-01..2024-07-31');
    // 20,818 − (18,536 + 692) = 1,590
    expect(f.message).toMatch(/gives 19,228: 1,590 BTC unexplained \(sales, purchases not stated/);
  });

  it('rolls forward over derived quarters (Bit Digital Q3 2025: 280.4 + (216.4 − 151.5) − (608.8 − 598.0) vs 6.1 held)', () => {
    const q = (filedDate: string) => doc({ form: '10-Q', filedDate });
    const mar = q('2025-05-15');
    const jun = q('2025-08-14');
    const sep = q('2025-11-14');
    const r = reconcile(
      [
        mar({ company: 'BTBT', metric: 'btc_held', value: 417.6, asOf: '2025-03-31' }),
        jun({ company: 'BTBT', metric: 'btc_produced', value: 151.5, periodStart: '2025-01-01', periodEnd: '2025-06-30' }),
        jun({ company: 'BTBT', metric: 'btc_sold', value: 598.0, periodStart: '2025-01-01', periodEnd: '2025-06-30' }),
        jun({ company: 'BTBT', metric: 'btc_held', value: 280.4, asOf: '2025-06-30' }),
        sep({ company: 'BTBT', metric: 'btc_produced', value: 216.4, periodStart: '2025-01-01', periodEnd: '2025-09-30' }),
        sep({ company: 'BTBT', metric: 'btc_sold', value: 608.8, periodStart: '2025-01-01', periodEnd: '2025-09-30' }),
        sep({ company: 'BTBT', metric: 'btc_held', value: 6.1, asOf: '2025-09-30' }),
      ],
      { companies },
    );
    expect(find(r, 'BTBT', 'btc_produced', '2025-07-01..2025-09-30')!.value).toBe(64.9);
    expect(find(r, 'BTBT', 'btc_sold', '2025-07-01..2025-09-30')!.value).toBe(10.8);
    const f = r.findings.find((x) => x.kind === 'rollforward' && x.periodKey === '2025-07-01..2025-09-30')!;
    // 280.4 + 64.9 − 10.8 = 334.5; 6.1 − 334.5 = −328.4 (the 10-Q's exchanges into ETH and USDC)
    expect(f.message).toMatch(/produced 64\.9 \(derived\).*sold 10\.8 \(derived\) gives 334\.5: -328\.4 BTC unexplained/);
    expect(f.severity).toBe('warning');
  });

  it('flags sales above what was available as an error (the six-month 598.0 BTC given as Q2 2025 sold, vs 417.6 held + 68.2 mined)', () => {
    const r = reconcile(
      [
        fact({ form: '10-Q', filedDate: '2025-05-15', company: 'BTBT', metric: 'btc_held', value: 417.6, asOf: '2025-03-31' }),
        fact({ form: '10-Q', filedDate: '2025-05-15', company: 'BTBT', metric: 'btc_produced', value: 83.3, periodStart: '2025-01-01', periodEnd: '2025-03-31' }),
        fact({ form: '10-Q', filedDate: '2025-08-14', company: 'BTBT', metric: 'btc_produced', value: 151.5, periodStart: '2025-01-01', periodEnd: '2025-06-30' }),
        fact({ form: 'press_release', filedDate: '2025-08-15', sourceUrl: 'https://stocktitan.net/fixture/btbt-q2-2025', company: 'BTBT', metric: 'btc_sold', value: 598.0, periodStart: '2025-04-01', periodEnd: '2025-06-30' }),
      ],
      { companies },
    );
    const f = r.findings.find((x) => x.kind === 'sold_exceeds_available')!;
    expect(f.severity).toBe('error');
    // 417.6 + 68.2 = 485.8
    expect(f.message).toMatch(/sold 598 BTC in 2025-04-01\.\.2025-06-30 but had at most 485\.8/);
  });
});

describe('plausibility and unit mistakes', () => {
  it('sets aside a hashrate outside 0–100 EH/s (Riot September 2023: a summary glued footnote 1 to 10.9 EH/s → 110.9)', () => {
    const page = doc({ form: 'press_release', filedDate: '2023-10-04', sourceUrl: 'https://www.stocktitan.net/fixture/riot-september-2023' });
    const glued = page({ company: 'RIOT', metric: 'hashrate_installed', value: 110.9, asOf: '2023-09-30' });
    const r = reconcile([glued, page({ company: 'RIOT', metric: 'hashrate_installed', value: 10.9, asOf: '2023-09-30', table: true })], { companies });
    expect(find(r, 'RIOT', 'hashrate_installed', '@2023-09-30')!.value).toBe(10.9);
    expect(find(r, 'RIOT', 'hashrate_installed', '@2023-09-30')!.rule).toBe('plausible');
    const f = r.findings.find((x) => x.kind === 'implausible')!;
    expect(f.factIds).toEqual([glued.id]);
    expect(f.severity).toBe('error');
  });

  it('flags a count a thousand times the company’s neighbouring values (CleanSpark 5,021 BTC held ×1000) and keeps the right one canonical', () => {
    const tagged = clsk10qMar24({ company: 'CLSK', metric: 'btc_held', value: 5021 * 1000, asOf: '2024-03-31' });
    const r = reconcile(
      [
        clsk10qMar24({ company: 'CLSK', metric: 'btc_held', value: 2243, asOf: '2023-09-30' }),
        clskDec23({ company: 'CLSK', metric: 'btc_held', value: 3002, asOf: '2023-12-31' }),
        clsk10qMar24({ company: 'CLSK', metric: 'btc_held', value: 5021, asOf: '2024-03-31' }),
        tagged,
        clsk10qJun24({ company: 'CLSK', metric: 'btc_held', value: 6590, asOf: '2024-06-30' }),
      ],
      { companies },
    );
    const unit = r.findings.filter((x) => x.kind === 'unit_mistake');
    expect(unit.map((u) => u.factIds)).toEqual([[tagged.id]]);
    expect(unit[0]!.message).toMatch(/a figure in thousands counted as units/);
    expect(find(r, 'CLSK', 'btc_held', '@2024-03-31')!.value).toBe(5021);
  });

  it('flags PH/s read as EH/s within bounds of nothing else (CleanSpark 16.4 EH/s as 16,400) and sets the key aside when it is the only figure', () => {
    const r = reconcile(
      [
        clsk10qDec24({ company: 'CLSK', metric: 'hashrate_operating', value: 10.0, asOf: '2023-12-31' }),
        clsk10qMar24({ company: 'CLSK', metric: 'hashrate_operating', value: 16.4 * 1000, asOf: '2024-03-31' }),
        clsk10qJun24({ company: 'CLSK', metric: 'hashrate_operating', value: 20.4, asOf: '2024-06-30' }),
      ],
      { companies },
    );
    const unit = r.findings.find((x) => x.kind === 'unit_mistake')!;
    expect(unit.message).toMatch(/PH\/s read as EH\/s/);
    expect(r.findings.some((x) => x.kind === 'implausible')).toBe(true);
    expect(find(r, 'CLSK', 'hashrate_operating', '@2024-03-31')).toBeUndefined();
    expect(r.setAside.map((s) => s.periodKey)).toEqual(['@2024-03-31']);
  });

  it('flags a value a thousandth of its neighbours even inside the plausible range (Cango Sep 2025 average hashrate 44.85 EH/s ÷1000)', () => {
    const cango = (ym: string, value: number) =>
      fact({ form: 'press_release', sourceUrl: 'https://www.ainvest.com/fixture', company: 'CANG', metric: 'hashrate_average', value, ...month(ym) });
    const r = reconcile([cango('2025-08', 43.74), cango('2025-09', 44.85 / 1000), cango('2025-10', 46.09), cango('2025-11', 44.38)], { companies });
    const unit = r.findings.filter((x) => x.kind === 'unit_mistake');
    expect(unit).toHaveLength(1);
    expect(unit[0]!.periodKey).toBe('2025-09-01..2025-09-30');
    expect(r.findings.some((x) => x.kind === 'implausible')).toBe(false);
  });

  it('leaves genuine swings alone (Bit Digital held 741.9 → 417.6 → 280.4 → 6.1 BTC after its ETH pivot)', () => {
    const r = reconcile(
      [
        fact({ form: '10-K', company: 'BTBT', metric: 'btc_held', value: 741.9, asOf: '2024-12-31' }),
        fact({ form: '10-Q', company: 'BTBT', metric: 'btc_held', value: 417.6, asOf: '2025-03-31' }),
        fact({ form: '10-Q', company: 'BTBT', metric: 'btc_held', value: 280.4, asOf: '2025-06-30' }),
        fact({ form: '10-Q', company: 'BTBT', metric: 'btc_held', value: 6.1, asOf: '2025-09-30' }),
      ],
      { companies },
    );
    expect(r.findings.filter((x) => x.kind === 'unit_mistake' || x.kind === 'implausible')).toEqual([]);
  });

  it('bounds production by what the network issued (a month of Cango production, 616.6 BTC, ×1000)', () => {
    const r = reconcile([fact({ company: 'CANG', metric: 'btc_produced', value: 616.6 * 1000, ...month('2025-09') })], { companies });
    expect(r.findings.find((x) => x.kind === 'implausible')!.message).toMatch(/outside/);
  });
});

describe('coverage', () => {
  it('finds gaps in a monthly series (CleanSpark: Sep–Dec 2023, then May 2024)', () => {
    const r = reconcile(
      [
        clskSep23({ company: 'CLSK', metric: 'btc_produced', value: 643, ...month('2023-09') }),
        clskOct23({ company: 'CLSK', metric: 'btc_produced', value: 633, ...month('2023-10') }),
        clskNov23({ company: 'CLSK', metric: 'btc_produced', value: 666, ...month('2023-11') }),
        clskDec23({ company: 'CLSK', metric: 'btc_produced', value: 720, ...month('2023-12') }),
        clskMay24({ company: 'CLSK', metric: 'btc_sold', value: 2.43, ...month('2024-05') }),
        clskMay24({ company: 'CLSK', metric: 'btc_produced', value: 417, ...month('2024-05') }),
      ],
      { companies },
    );
    const gaps = r.findings.filter((f) => f.kind === 'gap');
    expect(gaps.map((g) => g.periodKey)).toEqual(['2024-01-01..2024-04-30']);
    expect(gaps[0]!.message).toMatch(/4 months \(2024-01 to 2024-04\)/);
  });

  it('counts a derived month as present (CleanSpark Oct 2024 from the quarter)', () => {
    const benzinga = doc({ form: 'press_release', filedDate: '2025-01-06', sourceUrl: 'https://www.moomoo.com/fixture' });
    const hotscup = doc({ form: 'press_release', filedDate: '2024-10-03', sourceUrl: 'https://www.hotscup.com/fixture' });
    const r = reconcile(
      [
        hotscup({ company: 'CLSK', metric: 'btc_produced', value: 493, ...month('2024-09') }),
        clsk10qDec24({ company: 'CLSK', metric: 'btc_produced', value: 1945, periodStart: '2024-10-01', periodEnd: '2024-12-31' }),
        benzinga({ company: 'CLSK', metric: 'btc_produced', value: 622, ...month('2024-11') }),
        benzinga({ company: 'CLSK', metric: 'btc_produced', value: 668, ...month('2024-12') }),
      ],
      { companies },
    );
    expect(r.findings.filter((f) => f.kind === 'gap')).toEqual([]);
  });

  it('reports a monthly reporter that has gone quiet, judged at the latest data date or at asOf', () => {
    const facts = [
      clsk10qJun24({ company: 'CLSK', metric: 'btc_produced', value: 1580, periodStart: '2024-04-01', periodEnd: '2024-06-30' }),
      fact({ form: 'press_release', sourceUrl: 'https://www.mining-provider.com/fixture', company: 'CANG', metric: 'btc_produced', value: 496.35, ...month('2026-01') }),
    ];
    const r = reconcile(facts, { companies });
    const stale = r.findings.filter((f) => f.kind === 'stale');
    expect(stale.map((s) => s.companyTicker)).toEqual(['CLSK']);
    // 2024-06-30 → 2026-01-31
    expect(stale[0]!.message).toMatch(/ends 2024-06-30 \(580 days before 2026-01-31; 45 allowed\)/);
    const early = reconcile(facts, { companies, asOf: '2024-08-01' });
    expect(early.findings.filter((f) => f.kind === 'stale')).toEqual([]);
  });
});
