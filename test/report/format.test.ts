import { describe, expect, it } from 'vitest';
import { fmtUsdAbout, significantDigits } from '../../src/report/format.ts';

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
