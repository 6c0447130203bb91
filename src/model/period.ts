import { z } from 'zod';

/** ISO calendar date, YYYY-MM-DD. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
export type IsoDate = z.infer<typeof IsoDate>;

/**
 * A flow covers [start, end] inclusive; a stock is measured at one instant. The grain says
 * what the document called it, so a year-to-date figure is never mistaken for a month.
 */
export const PeriodGrain = z.enum(['day', 'month', 'quarter', 'half', 'ytd', 'year', 'instant', 'other']);
export type PeriodGrain = z.infer<typeof PeriodGrain>;

/** Key used for uniqueness and grouping: `2024-01-01..2024-03-31` for flows, `@2024-03-31` for stocks. */
export function periodKey(p: { periodStart?: string | null; periodEnd?: string | null; asOf?: string | null }): string {
  if (p.asOf) return `@${p.asOf}`;
  return `${p.periodStart ?? ''}..${p.periodEnd ?? ''}`;
}

/** Number of days in [start, end], inclusive. */
export function periodDays(start: string, end: string): number {
  return Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1;
}

/** Grain implied by a flow's span, for labelling. */
export function grainOf(start: string, end: string): PeriodGrain {
  const days = periodDays(start, end);
  const startsOnFirst = start.endsWith('-01');
  if (days === 1) return 'day';
  if (startsOnFirst && days >= 28 && days <= 31) return 'month';
  if (startsOnFirst && days >= 89 && days <= 92) return 'quarter';
  if (startsOnFirst && days >= 181 && days <= 184) return 'half';
  if (startsOnFirst && days >= 365 && days <= 366) return 'year';
  return 'other';
}

export function lastDayOfMonth(year: number, month1: number): IsoDate {
  const d = new Date(Date.UTC(year, month1, 0));
  return d.toISOString().slice(0, 10);
}
