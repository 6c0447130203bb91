/**
 * The network snapshot as values, and lookups over it. Parsing takes strings (the loader in
 * snapshot.ts does the reading), so tests can feed rows directly.
 */
import { z } from 'zod';
import { ParseError } from '../errors.ts';
import {
  BLOCKS_PER_DAY,
  hashpriceUsdPerPhDay,
  networkHashrateEhs,
  subsidyBtcAtDate,
} from './math.ts';

const num = z.coerce.number().finite();
const optNum = z.preprocess((v) => (v === '' || v === undefined ? null : v), num.nullable());
const optDate = z.preprocess((v) => (v === '' ? null : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable());

export const DifficultyAdjustment = z.object({
  height: z.coerce.number().int(),
  /** UTC day the retarget block was mined; null when it fell in a data gap */
  date: optDate,
  firstFullDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  difficulty: num,
  changePct: optNum,
});
export type DifficultyAdjustment = z.infer<typeof DifficultyAdjustment>;

export const NetworkDay = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  btcPriceUsd: optNum,
  hashrateEhs: optNum,
  blocks: optNum,
  subsidyBtc: optNum,
  feesBtc: optNum,
});
export type NetworkDay = z.infer<typeof NetworkDay>;

export interface NetworkSources {
  priceSource: string;
  /** file → origin repositories, as sources.json lists them */
  files: Record<string, unknown>;
  /** last UTC day the difficulty series was observed */
  difficultyObservedTo: string;
}

export interface NetworkSnapshot {
  adjustments: DifficultyAdjustment[];
  /** sorted by date, one row per UTC day */
  days: NetworkDay[];
  sources: NetworkSources;
}

function rowsOf(csv: string, file: string): Record<string, string>[] {
  const [head, ...lines] = csv.trim().split(/\r?\n/);
  if (!head) throw new ParseError('empty CSV', { file });
  const cols = head.split(',');
  return lines.map((l) => {
    const cells = l.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

function parseRows<T>(schema: z.ZodType<T>, rows: Record<string, unknown>[], file: string): T[] {
  return rows.map((r, i) => {
    const p = schema.safeParse(r);
    if (!p.success) {
      const issue = p.error.issues[0];
      throw new ParseError(`${issue?.message ?? 'invalid row'}: ${JSON.stringify(r).slice(0, 200)}`, {
        file,
        location: `row ${i + 2}`,
        field: issue?.path.join('.'),
      });
    }
    return p.data;
  });
}

export function parseSnapshot(files: { adjustmentsCsv: string; dailyCsv: string; sourcesJson: string }): NetworkSnapshot {
  const adjustments = parseRows(
    DifficultyAdjustment,
    rowsOf(files.adjustmentsCsv, 'difficulty_adjustments.csv').map((r) => ({
      height: r.height,
      date: r.date,
      firstFullDay: r.first_full_day,
      difficulty: r.difficulty,
      changePct: r.change_pct,
    })),
    'difficulty_adjustments.csv',
  ).sort((a, b) => a.height - b.height);
  const days = parseRows(
    NetworkDay,
    rowsOf(files.dailyCsv, 'daily.csv').map((r) => ({
      date: r.date,
      btcPriceUsd: r.btc_price_usd,
      hashrateEhs: r.hashrate_ehs,
      blocks: r.blocks,
      subsidyBtc: r.subsidy_btc,
      feesBtc: r.fees_btc,
    })),
    'daily.csv',
  ).sort((a, b) => a.date.localeCompare(b.date));
  const src = JSON.parse(files.sourcesJson) as {
    files?: Record<string, { priceSource?: string; coverage?: { lastObservedDay?: string } }>;
  };
  return {
    adjustments,
    days,
    sources: {
      priceSource: src.files?.['daily.csv']?.priceSource ?? 'unknown',
      files: src.files ?? {},
      difficultyObservedTo:
        src.files?.['difficulty_adjustments.csv']?.coverage?.lastObservedDay ?? adjustments[adjustments.length - 1]?.firstFullDay ?? '',
    },
  };
}

/** Day a retarget took effect: the day its block was mined, else the first full day. */
function effectiveFrom(a: DifficultyAdjustment): string {
  return a.date ?? a.firstFullDay;
}

/**
 * Difficulty in force at the end of a UTC day (a retarget mined that day counts), or
 * undefined outside the snapshot.
 */
export function difficultyAt(snap: NetworkSnapshot, date: string): number | undefined {
  if (date > snap.sources.difficultyObservedTo && snap.sources.difficultyObservedTo) return undefined;
  return adjustmentAt(snap, date)?.difficulty;
}

/** The retarget in force on a day (for labels: height, date). Binary search: reports ask per day. */
export function adjustmentAt(snap: NetworkSnapshot, date: string): DifficultyAdjustment | undefined {
  const a = snap.adjustments;
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (effectiveFrom(a[mid]!) <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? a[lo - 1] : undefined;
}

function daysIn(snap: NetworkSnapshot, start: string, end: string): NetworkDay[] {
  // binary search: reports ask for hundreds of periods
  const d = snap.days;
  let lo = 0;
  let hi = d.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (d[mid]!.date < start) lo = mid + 1;
    else hi = mid;
  }
  const out: NetworkDay[] = [];
  for (let i = lo; i < d.length && d[i]!.date <= end; i++) out.push(d[i]!);
  return out;
}

/**
 * Mean daily BTC/USD price over [start, end] inclusive, with the number of days it rests
 * on; undefined when the snapshot has no price in the period.
 */
export function averagePrice(snap: NetworkSnapshot, start: string, end: string): { usd: number; days: number } | undefined {
  let sum = 0;
  let n = 0;
  for (const day of daysIn(snap, start, end)) {
    if (day.btcPriceUsd !== null) {
      sum += day.btcPriceUsd;
      n++;
    }
  }
  return n ? { usd: sum / n, days: n } : undefined;
}

export function priceOn(snap: NetworkSnapshot, date: string): number | undefined {
  return daysIn(snap, date, date)[0]?.btcPriceUsd ?? undefined;
}

/** Fees per block over [start, end]: total fees / total blocks on days with a block count. */
export function feesBtcPerBlock(snap: NetworkSnapshot, start: string, end: string): number | undefined {
  let fees = 0;
  let blocks = 0;
  for (const day of daysIn(snap, start, end)) {
    if (day.blocks && day.feesBtc !== null) {
      fees += day.feesBtc;
      blocks += day.blocks;
    }
  }
  return blocks ? fees / blocks : undefined;
}

/** Mean of the difficulty in force on each day of [start, end]. */
export function averageDifficulty(snap: NetworkSnapshot, start: string, end: string): number | undefined {
  let sum = 0;
  let n = 0;
  for (let t = Date.parse(start); t <= Date.parse(end); t += 86_400_000) {
    const d = difficultyAt(snap, new Date(t).toISOString().slice(0, 10));
    if (d !== undefined) {
      sum += d;
      n++;
    }
  }
  return n ? sum / n : undefined;
}

/** Network conditions on one day, computed from the snapshot (hashrate implied by difficulty). */
export interface NetworkConditions {
  date: string;
  btcPriceUsd: number;
  difficulty: number;
  adjustmentHeight: number;
  networkHashrateEhs: number;
  subsidyBtc: number;
  /** average over the 30 days ending on `date` */
  feesBtcPerBlock: number;
  hashpriceUsdPerPhDay: number;
}

export function conditionsOn(snap: NetworkSnapshot, date: string): NetworkConditions | undefined {
  const price = priceOn(snap, date);
  const adj = adjustmentAt(snap, date);
  const difficulty = difficultyAt(snap, date);
  const start = new Date(Date.parse(date) - 29 * 86_400_000).toISOString().slice(0, 10);
  const fees = feesBtcPerBlock(snap, start, date);
  if (price === undefined || difficulty === undefined || !adj || fees === undefined) return undefined;
  const subsidy = subsidyBtcAtDate(date);
  const h = networkHashrateEhs(difficulty);
  return {
    date,
    btcPriceUsd: price,
    difficulty,
    adjustmentHeight: adj.height,
    networkHashrateEhs: h,
    subsidyBtc: subsidy,
    feesBtcPerBlock: fees,
    hashpriceUsdPerPhDay: hashpriceUsdPerPhDay({ subsidyBtc: subsidy, feesBtcPerBlock: fees, btcPriceUsd: price, networkHashrateEhs: h }),
  };
}

/** The latest day on which price, difficulty and fees are all known: the report's "now". */
export function latestConditions(snap: NetworkSnapshot): NetworkConditions | undefined {
  for (let i = snap.days.length - 1; i >= 0; i--) {
    const c = conditionsOn(snap, snap.days[i]!.date);
    if (c) return c;
  }
  return undefined;
}

/** Monthly means for charts and the Network sheet. */
export interface NetworkMonth {
  month: string;
  avgBtcPriceUsd: number | null;
  avgHashrateEhs: number | null;
  difficultyEnd: number | null;
  feesBtcPerBlock: number | null;
  /** 144·(subsidy+fees)·avg price / network PH/s, from the month's daily rows */
  avgHashpriceUsdPerPhDay: number | null;
}

export function monthlySeries(snap: NetworkSnapshot, from: string, to: string): NetworkMonth[] {
  const byMonth = new Map<string, NetworkDay[]>();
  for (const d of daysIn(snap, from, to)) {
    const m = d.date.slice(0, 7);
    const list = byMonth.get(m);
    if (list) list.push(d);
    else byMonth.set(m, [d]);
  }
  const out: NetworkMonth[] = [];
  for (const [month, days] of byMonth) {
    const mean = (xs: (number | null)[]) => {
      const v = xs.filter((x): x is number => x !== null);
      return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
    };
    const last = days[days.length - 1]!.date;
    const hp = days.map((d) => {
      const diff = difficultyAt(snap, d.date);
      if (d.btcPriceUsd === null || diff === undefined || !d.blocks || d.subsidyBtc === null || d.feesBtc === null) return null;
      return hashpriceUsdPerPhDay({
        subsidyBtc: d.subsidyBtc / d.blocks,
        feesBtcPerBlock: d.feesBtc / d.blocks,
        btcPriceUsd: d.btcPriceUsd,
        networkHashrateEhs: networkHashrateEhs(diff),
      });
    });
    out.push({
      month,
      avgBtcPriceUsd: mean(days.map((d) => d.btcPriceUsd)),
      avgHashrateEhs: mean(days.map((d) => d.hashrateEhs)),
      difficultyEnd: difficultyAt(snap, last) ?? null,
      feesBtcPerBlock: feesBtcPerBlock(snap, days[0]!.date, last) ?? null,
      avgHashpriceUsdPerPhDay: mean(hp),
    });
  }
  return out;
}

export { BLOCKS_PER_DAY };
