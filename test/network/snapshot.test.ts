import { describe, expect, it } from 'vitest';
import {
  adjustmentAt,
  averagePrice,
  conditionsOn,
  difficultyAt,
  feesBtcPerBlock,
  latestConditions,
  monthlySeries,
  parseSnapshot,
} from '../../src/network/series.ts';
import { loadNetworkSnapshot } from '../../src/network/snapshot.ts';
import { ParseError } from '../../src/errors.ts';

const snap = loadNetworkSnapshot();

describe('network snapshot', () => {
  it('has the 2026-02-07 retarget at height 935,424: −11.16% to 125.86 T', () => {
    const a = snap.adjustments.find((x) => x.height === 935_424);
    expect(a).toMatchObject({ date: '2026-02-07', firstFullDay: '2026-02-08', difficulty: 125_864_590_119_494, changePct: -11.16 });
    const prev = snap.adjustments.find((x) => x.height === 935_424 - 2016);
    expect(prev?.difficulty).toBe(141_668_107_417_558);
    // the stated change checks out by hand
    expect((125_864_590_119_494 / 141_668_107_417_558 - 1) * 100).toBeCloseTo(-11.16, 2);
    expect(difficultyAt(snap, '2026-02-06')).toBe(141_668_107_417_558);
    expect(difficultyAt(snap, '2026-02-07')).toBe(125_864_590_119_494);
    expect(difficultyAt(snap, '2026-02-12')).toBe(125_864_590_119_494);
    expect(adjustmentAt(snap, '2026-02-10')?.height).toBe(935_424);
  });

  it('adjustments are 2016 blocks apart and the halving epoch is in the series', () => {
    for (let i = 1; i < snap.adjustments.length; i++) {
      expect(snap.adjustments[i]!.height - snap.adjustments[i - 1]!.height).toBe(2016);
    }
    expect(difficultyAt(snap, '2024-04-20')).toBe(86_388_558_925_171);
    expect(difficultyAt(snap, '2019-12-31')).toBeUndefined();
    // the series was observed to 2026-04-21, not beyond
    expect(difficultyAt(snap, '2026-05-01')).toBeUndefined();
  });

  it('averages the daily price over a period (hand-checked rows)', () => {
    // daily.csv: 2026-02-07 69,184.54; 2026-02-08 70,716.78; 2026-02-09 70,130.11
    const avg = averagePrice(snap, '2026-02-07', '2026-02-09');
    expect(avg?.days).toBe(3);
    expect(avg?.usd).toBeCloseTo((69_184.54 + 70_716.78 + 70_130.11) / 3, 6);
    expect(averagePrice(snap, '2010-01-01', '2010-01-31')).toBeUndefined();
  });

  it('fees per block = fees / blocks (blocks = subsidy / 3.125)', () => {
    // 2026-02-07: subsidy 518.75 BTC = 166 blocks, fees 2.76788886 BTC
    expect(feesBtcPerBlock(snap, '2026-02-07', '2026-02-07')).toBeCloseTo(2.76788886 / 166, 12);
    // halving days carry no block count (two subsidies mixed)
    expect(snap.days.find((d) => d.date === '2024-04-20')?.blocks).toBeNull();
  });

  it('conditions on a day combine price, difficulty and 30-day fees', () => {
    const c = conditionsOn(snap, '2026-02-08');
    expect(c?.btcPriceUsd).toBe(70_716.78);
    expect(c?.difficulty).toBe(125_864_590_119_494);
    expect(c?.subsidyBtc).toBe(3.125);
    const latest = latestConditions(snap);
    expect(latest?.date).toBe('2026-04-21');
    expect(latest?.adjustmentHeight).toBe(945_504);
  });

  it('monthly series covers each month once', () => {
    const months = monthlySeries(snap, '2025-01-01', '2025-12-31');
    expect(months.map((m) => m.month)).toHaveLength(12);
    expect(months[0]?.avgHashpriceUsdPerPhDay).toBeGreaterThan(0);
  });

  it('rejects a malformed row with its location', () => {
    expect(() =>
      parseSnapshot({ adjustmentsCsv: 'height,date,first_full_day,difficulty,change_pct\nx,,2020-01-01,1,', dailyCsv: 'date\n2020-01-01', sourcesJson: '{}' }),
    ).toThrow(ParseError);
  });
});
