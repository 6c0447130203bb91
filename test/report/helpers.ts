import { listFacts } from '../../src/db/queries.ts';
import type { Db } from '../../src/db/client.ts';
import { loadNetworkSnapshot } from '../../src/network/snapshot.ts';
import { reconcile } from '../../src/reconcile/index.ts';
import { loadRegistry } from '../../src/registry/companies.ts';
import { buildReport, type ReportModel } from '../../src/report/model.ts';

export function modelOf(db: Db, opts: { kinds?: ('treasury' | 'costs')[] } = {}): ReportModel {
  const facts = listFacts(db);
  return buildReport({ canonical: reconcile(facts).canonical, facts, companies: loadRegistry(), network: loadNetworkSnapshot(), ...opts });
}

/**
 * A second copy of the Bitfarms September 2023 figures (703 BTC held, 411 BTC mined, from
 * the same article) whose title and snippets try formula and script injection.
 */
export const HOSTILE = {
  ticker: 'BITF',
  url: 'https://www.binance.com/en/news/flash/7818517',
  form: 'press',
  filedDate: '2023-10-03',
  title: '<script>alert("title")</script>',
  facts: [
    { metric: 'btc_held' as const, value: 703, unit: 'BTC' as const, asOf: '2023-09-30', snippet: '=HYPERLINK("http://evil.example","click") holds 703 BTC' },
    { metric: 'btc_produced' as const, value: 411, unit: 'BTC' as const, periodStart: '2023-09-01', periodEnd: '2023-09-30', snippet: '<script>alert(1)</script> mined 411' },
  ],
};
