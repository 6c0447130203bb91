import { periodDays } from '../model/period.ts';
import { ADDITIVE_METRICS } from './derive.ts';

/**
 * Scale mistakes: a figure a thousand times (or a thousandth of) what the same company
 * reports for the same metric in neighbouring periods — "(in thousands)" applied to a count,
 * an XBRL count tagged in USD×1000, PH/s read as EH/s. The window [300, 3000] around ×1000
 * is wide enough for a fast-growing miner (CleanSpark's hashrate went from 6.7 to 45.3 EH/s
 * in two years, ×7) and far from any genuine period-to-period change.
 */
const LOW = 300;
const HIGH = 3000;

/** How many neighbouring periods on each side stand for "the company's usual level". */
const NEIGHBOURS_EACH_SIDE = 3;

export interface SeriesPoint {
  /** period end (flows) or instant (stocks): neighbours are counted by distinct dates */
  date: string;
  periodKey: string;
  /** comparable level: per day for additive flows, the value itself otherwise */
  level: number;
}

/** Additive flows are compared per day, so a month sits next to a quarter or a YTD figure. */
export function levelOf(metric: string, value: number, periodStart: string | null, periodEnd: string | null): number {
  if (ADDITIVE_METRICS.has(metric) && periodStart && periodEnd) return value / periodDays(periodStart, periodEnd);
  return value;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface ScaleVerdict {
  direction: 'x1000' | 'div1000';
  ratio: number;
  reference: number;
  neighbours: number;
}

/**
 * Compares one level with the median of the observations of the nearest other periods (every
 * observation counts, so one mistaken copy among correct ones cannot drag the reference).
 * Returns a verdict when the ratio falls in the ×1000 or ÷1000 window. With a single
 * neighbour the verdict is ambiguous (which of the two is wrong?); the caller decides
 * whether that is enough.
 */
export function scaleVerdict(point: SeriesPoint, others: readonly SeriesPoint[]): ScaleVerdict | undefined {
  const rest = others.filter((o) => o.periodKey !== point.periodKey && o.level > 0);
  if (!rest.length || point.level <= 0) return undefined;
  const periods = (side: SeriesPoint[], newestFirst: boolean) =>
    [...new Set(side.map((o) => o.date))].sort((a, b) => (newestFirst ? b.localeCompare(a) : a.localeCompare(b))).slice(0, NEIGHBOURS_EACH_SIDE);
  const beforeDates = new Set(periods(rest.filter((o) => o.date <= point.date), true));
  const afterDates = new Set(periods(rest.filter((o) => o.date > point.date), false));
  const near = rest.filter((o) => beforeDates.has(o.date) || afterDates.has(o.date));
  const neighbours = beforeDates.size + afterDates.size;
  const reference = median(near.map((o) => o.level));
  const ratio = point.level / reference;
  if (ratio >= LOW && ratio <= HIGH) return { direction: 'x1000', ratio, reference, neighbours };
  if (ratio >= 1 / HIGH && ratio <= 1 / LOW) return { direction: 'div1000', ratio, reference, neighbours };
  return undefined;
}
