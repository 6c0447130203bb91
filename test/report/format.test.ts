import { describe, expect, it } from 'vitest';
import { fmtUsdAbout, formatFixed, significantDigits } from '../../src/report/format.ts';

describe('prices computed from rounded amounts', () => {
  it('counts the significant digits an amount was stated with', () => {
    expect(significantDigits(305_000_000)).toBe(3);
    expect(significantDigits(9_500_000)).toBe(2);
    expect(significantDigits(2.43)).toBe(3);
    expect(significantDigits(12_345_678)).toBe(8);
  });

  it('rounds a quotient to the precision of the amount, never below 3 figures', () => {
    // Cango: about US$305 million for 4,451 BTC; Bitfarms: US$9.5 million for 362 BTC
    expect(fmtUsdAbout(305_000_000 / 4451, 305_000_000)).toBe('$68.5k');
    expect(fmtUsdAbout(9_500_000 / 362, 9_500_000)).toBe('$26.2k');
    // an amount stated to the dollar keeps the dollars
    expect(fmtUsdAbout(12_345_678 / 180, 12_345_678)).toBe('$68,587');
    expect(fmtUsdAbout(4_321 / 2, 4_000)).toBe('$2,160');
  });
});

describe('formatFixed', () => {
  it('writes the same text as Intl.NumberFormat en-US', () => {
    // ties in the shortest decimal (1.005, 9.995) round away from zero, as ICU does
    const values = [1.005, 9.995, 0.045, -0.205, 1.45, 41208.475, 999999.5, -999999.5, 0.5, -0.004, 4451, 305e6, 68523.927, 7528.3, 1e-7, 1e21, -0, 0, NaN];
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5_000; i++) values.push(Math.round((next() - 0.3) * 10 ** (next() * 12) * 1000) / 1000 + (i % 2 ? 0.0005 : 0));
    const mismatches: string[] = [];
    for (const [max, min] of [[0, 0], [1, 0], [2, 0], [2, 1], [4, 0]] as const) {
      const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: max, minimumFractionDigits: min });
      for (const v of values) if (formatFixed(v, max, min) !== intl.format(v)) mismatches.push(`${v} (${max}/${min}): ${formatFixed(v, max, min)} vs ${intl.format(v)}`);
    }
    expect(mismatches).toEqual([]);
  });
});
