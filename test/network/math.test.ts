import { describe, expect, it } from 'vitest';
import {
  breakevenBtcPriceUsd,
  expectedBtcPerDay,
  hashcostUsdPerPhDay,
  hashpriceUsdPerPhDay,
  minerShare,
  networkHashrateEhs,
  networkHashrateHs,
  restateCostPerBtc,
  subsidyBtc,
  subsidyBtcAtDate,
} from '../../src/network/math.ts';

describe('network math', () => {
  it('subsidy follows the halving schedule', () => {
    expect(subsidyBtc(0)).toBe(50);
    expect(subsidyBtc(209_999)).toBe(50);
    expect(subsidyBtc(210_000)).toBe(25);
    expect(subsidyBtc(630_000)).toBe(6.25);
    expect(subsidyBtc(839_999)).toBe(6.25);
    expect(subsidyBtc(840_000)).toBe(3.125);
    // 5e9 sats do not fit a 32-bit shift: the 33rd halving is 0.00000001 BTC... and 64+ is zero
    expect(subsidyBtc(1_050_000)).toBe(1.5625);
    expect(subsidyBtc(32 * 210_000)).toBe(1e-8);
    expect(subsidyBtc(33 * 210_000)).toBe(0);
    expect(subsidyBtc(64 * 210_000)).toBe(0);
    expect(() => subsidyBtc(-1)).toThrow(RangeError);
    expect(subsidyBtcAtDate('2024-04-19')).toBe(6.25);
    expect(subsidyBtcAtDate('2024-04-20')).toBe(3.125);
  });

  it('network hashrate from difficulty: D·2^32/600', () => {
    // 2026-02-07 retarget at height 935,424 → 125,864,590,119,494
    expect(networkHashrateHs(125_864_590_119_494)).toBeCloseTo((125_864_590_119_494 * 4_294_967_296) / 600, -3);
    // ≈ 901 EH/s by hand: 1.2586459e14 × 4.294967296e9 / 600 = 9.0097e20 H/s
    expect(networkHashrateEhs(125_864_590_119_494)).toBeCloseTo(900.97, 1);
    // D = 1 is 2^32 hashes per 600 s = 7,158,278.83 H/s
    expect(networkHashrateHs(1)).toBeCloseTo(7_158_278.83, 1);
  });

  it('hashprice: 144·(subsidy+fees)·P / H[PH/s]', () => {
    // 144 × (3.125 + 0.025) × 70,000 / (900 EH/s × 1000) = 31,752,000 / 900,000 = 35.28 USD/PH/day
    expect(hashpriceUsdPerPhDay({ subsidyBtc: 3.125, feesBtcPerBlock: 0.025, btcPriceUsd: 70_000, networkHashrateEhs: 900 })).toBeCloseTo(35.28, 10);
  });

  it('hashcost: J/TH × $/MWh × 24/1000', () => {
    // 1 PH/s at 20 J/TH draws 20 kW = 0.48 MWh/day; at $50/MWh that is $24
    expect(hashcostUsdPerPhDay(20, 50)).toBeCloseTo(24, 12);
    // CleanSpark fleet efficiency 24.6 J/TH (10-Q for 2024-03-31) at $40/MWh: 24.6 × 40 × 24 / 1000
    expect(hashcostUsdPerPhDay(24.6, 40)).toBeCloseTo(23.616, 12);
  });

  it('share, expected BTC per day and breakeven price agree with each other', () => {
    expect(minerShare(45, 900)).toBeCloseTo(0.05, 12);
    // 5% of 144 blocks × 3.15 BTC = 22.68 BTC/day
    expect(expectedBtcPerDay({ ownEhs: 45, networkEhs: 900, subsidyBtc: 3.125, feesBtcPerBlock: 0.025 })).toBeCloseTo(22.68, 10);
    expect(() => minerShare(1, 0)).toThrow(RangeError);
    const difficulty = 125_864_590_119_494;
    const h = networkHashrateEhs(difficulty);
    const cost = hashcostUsdPerPhDay(20, 50);
    const be = breakevenBtcPriceUsd({ costUsdPerPhDay: cost, difficulty, subsidyBtc: 3.125, feesBtcPerBlock: 0.02 });
    // at the breakeven price hashprice equals hashcost
    expect(hashpriceUsdPerPhDay({ subsidyBtc: 3.125, feesBtcPerBlock: 0.02, btcPriceUsd: be, networkHashrateEhs: h })).toBeCloseTo(cost, 9);
    // by hand: BTC per PH/day = 144 × 3.145 / 900,970 ≈ 5.0266e-4; 24 / 5.0266e-4 ≈ 47,746
    expect(be).toBeGreaterThan(47_700);
    expect(be).toBeLessThan(47_800);
  });

  it('restating a cost per BTC scales with difficulty and inversely with reward', () => {
    expect(restateCostPerBtc({ costUsdPerBtc: 40_000, fromDifficulty: 100, fromRewardBtcPerBlock: 6.25, toDifficulty: 110, toRewardBtcPerBlock: 3.125 })).toBeCloseTo(88_000, 8);
  });
});
