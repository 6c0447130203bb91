import { describe, expect, it } from 'vitest';
import { periodKeyOf, valuesMatch } from '../../scripts/_eval/match.ts';

/**
 * The eval's matching rules. A metric measured at an instant (holdings, hashrate, efficiency,
 * power) that a label gives a span ("average fleet efficiency … during the quarter") is scored at
 * the span's end, as a fact of that metric can only be.
 */
describe('eval matching', () => {
  it('reads a stock metric labelled with a span at the span end, and keeps flows as spans', () => {
    const span = { periodStart: '2024-04-01', periodEnd: '2024-06-30' };
    for (const family of ['fleet_efficiency', 'power_capacity', 'btc_held', 'btc_held_pledged', 'hashrate_operating']) {
      expect(periodKeyOf(family, span)).toBe(periodKeyOf(family, { asOf: '2024-06-30' }));
    }
    for (const family of ['btc_produced', 'energy_cost_per_kwh', 'cost_per_btc:direct', 'mining_revenue']) {
      expect(periodKeyOf(family, span)).toBe('2024-04-01..2024-06-30');
    }
  });

  it('matches a value within the rounding of the label as printed', () => {
    expect(valuesMatch(0.032, 0.03171)).toBe(true);
    expect(valuesMatch(992.4, 992.4)).toBe(true);
    expect(valuesMatch(9113, 8000)).toBe(false);
  });
});
