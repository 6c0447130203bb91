/**
 * Network figures over a period, memoized for one report: every company reports the same
 * months, and each average walks the days of its period, so without the memo a report
 * computed the same averages once per company and per table. Results are exactly those of
 * the network functions (same arithmetic, same order).
 */
import { networkHashrateEhs, subsidyBtcAtDate } from '../network/math.ts';
import { averageDifficulty, averagePrice, difficultyAt, feesBtcPerBlock, type NetworkSnapshot } from '../network/series.ts';

/** One day's inputs to expected production: network EH/s at the difficulty in force and the reward per block. */
export interface DayReward {
  networkEhs: number;
  rewardPerBlockBtc: number;
}

export class PeriodNet {
  private readonly prices = new Map<string, { usd: number; days: number } | undefined>();
  private readonly difficulties = new Map<string, number | undefined>();
  private readonly fees = new Map<string, number | undefined>();
  private readonly rewards = new Map<string, DayReward[] | undefined>();

  constructor(readonly snapshot: NetworkSnapshot) {}

  averagePrice(start: string, end: string): { usd: number; days: number } | undefined {
    return memo(this.prices, `${start}..${end}`, () => averagePrice(this.snapshot, start, end));
  }

  averageDifficulty(start: string, end: string): number | undefined {
    return memo(this.difficulties, `${start}..${end}`, () => averageDifficulty(this.snapshot, start, end));
  }

  feesBtcPerBlock(start: string, end: string): number | undefined {
    return memo(this.fees, `${start}..${end}`, () => feesBtcPerBlock(this.snapshot, start, end));
  }

  /**
   * Each day of the period with its network hashrate and reward per block; undefined when
   * any day lacks data (a partial sum would understate what the period should have mined).
   */
  dailyRewards(start: string, end: string): DayReward[] | undefined {
    return memo(this.rewards, `${start}..${end}`, () => {
      const out: DayReward[] = [];
      for (const day of this.snapshot.days) {
        if (day.date < start) continue;
        if (day.date > end) break;
        const d = difficultyAt(this.snapshot, day.date);
        if (d === undefined || day.subsidyBtc === null || day.feesBtc === null) return undefined;
        // halving days have no block count; the new subsidy is assumed (2024's halving block came at 00:09 UTC)
        const blocks = day.blocks ?? day.subsidyBtc / subsidyBtcAtDate(day.date);
        if (!(blocks > 0)) return undefined;
        out.push({ networkEhs: networkHashrateEhs(d), rewardPerBlockBtc: (day.subsidyBtc + day.feesBtc) / blocks });
      }
      const expectedDays = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1;
      return out.length === expectedDays ? out : undefined;
    });
  }
}

function memo<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  if (cache.has(key)) return cache.get(key) as V;
  const v = compute();
  cache.set(key, v);
  return v;
}
