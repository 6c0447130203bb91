/** Lookups over canonical values by company, metric and period, built once per report. */
import type { CanonicalValue } from '../reconcile/types.ts';

export class CanonIndex {
  private readonly byKey = new Map<string, CanonicalValue[]>();
  private readonly byCompanyMetric = new Map<string, CanonicalValue[]>();
  readonly tickers: string[];

  constructor(values: readonly CanonicalValue[]) {
    const tickers = new Set<string>();
    for (const v of values) {
      tickers.add(v.companyTicker);
      push(this.byKey, `${v.companyTicker}|${v.metric}|${v.periodKey}`, v);
      push(this.byCompanyMetric, `${v.companyTicker}|${v.metric}`, v);
    }
    for (const list of this.byCompanyMetric.values()) list.sort((a, b) => endOf(a).localeCompare(endOf(b)) || startOf(a).localeCompare(startOf(b)));
    this.tickers = [...tickers].sort();
  }

  /** All values of a metric for a company, oldest first. */
  all(ticker: string, metric: string): CanonicalValue[] {
    return this.byCompanyMetric.get(`${ticker}|${metric}`) ?? [];
  }

  /** The value for an exact period; the unqualified basis ('') wins when several exist. */
  flow(ticker: string, metric: string, start: string, end: string, basis?: string): CanonicalValue | undefined {
    return pick(this.byKey.get(`${ticker}|${metric}|${start}..${end}`), basis);
  }

  stock(ticker: string, metric: string, asOf: string, basis?: string): CanonicalValue | undefined {
    return pick(this.byKey.get(`${ticker}|${metric}|@${asOf}`), basis);
  }

  /** Latest stock strictly before a date. */
  stockBefore(ticker: string, metric: string, date: string): CanonicalValue | undefined {
    let found: CanonicalValue | undefined;
    for (const v of this.all(ticker, metric)) {
      if (v.asOf && v.asOf < date && (!found || v.asOf > found.asOf! || (v.asOf === found.asOf && v.basis === ''))) found = v;
    }
    return found;
  }

  /** Latest value of a metric whatever its period (stocks by asOf, flows by end). */
  latest(ticker: string, metric: string): CanonicalValue | undefined {
    const list = this.all(ticker, metric);
    const last = list[list.length - 1];
    if (!last) return undefined;
    const end = endOf(last);
    return list.filter((v) => endOf(v) === end).find((v) => v.basis === '') ?? last;
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function pick(list: CanonicalValue[] | undefined, basis?: string): CanonicalValue | undefined {
  if (!list?.length) return undefined;
  if (basis !== undefined) return list.find((v) => v.basis === basis);
  return list.find((v) => v.basis === '') ?? list[0];
}

export function endOf(v: { asOf: string | null; periodEnd: string | null }): string {
  return v.asOf ?? v.periodEnd ?? '';
}

export function startOf(v: { asOf: string | null; periodStart: string | null }): string {
  return v.asOf ?? v.periodStart ?? '';
}
