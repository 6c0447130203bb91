/**
 * Benchmark: the full report set (every kind, every format) over 15 companies × 36 months of
 * facts. The facts repeat a handful of real figures (Cango's December 2025 update, Riot's
 * April 2025 update, CleanSpark's 10-Q for the quarter to 2024-03-31) across periods, for
 * timing only: this data is generated in memory and never written or shipped.
 *
 *   node bin/run.mjs scripts/bench-report.ts [runs]
 *
 * Prints the median of each stage over the runs (and of each format inside "render").
 *
 * Measured on the 2-core dev machine while shared (load 4–7), median of 5: total 1.6–2.0 s
 * before the render work of 2026-11 (render 0.94–1.33 s, of it the workbook ~0.5 s in SheetJS),
 * 0.57–0.87 s after (render 0.30–0.53 s: md 29–39, html 89–147, xlsx 135–198, csv 20, json 31–40 ms).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../src/db/client.ts';
import { listFacts, recordDocument, upsertCompanies } from '../src/db/queries.ts';
import type { ExtractedFact } from '../src/model/fact.ts';
import { lastDayOfMonth } from '../src/model/period.ts';
import { loadNetworkSnapshot } from '../src/network/snapshot.ts';
import { reconcile } from '../src/reconcile/index.ts';
import { loadRegistry } from '../src/registry/companies.ts';
import { buildReport } from '../src/report/model.ts';
import { REPORT_FORMATS, renderAll } from '../src/report/render/index.ts';
import { writeReportFiles } from '../src/report/write.ts';

type Spec = Omit<ExtractedFact, 'locator' | 'extractor' | 'extractorVersion' | 'confidence' | 'derived' | 'periodStart' | 'periodEnd' | 'asOf'> & { stock?: boolean };

// real figures, repeated per month (sources named in the header comment)
const MONTHLY: Spec[] = [
  { metric: 'btc_produced', value: 569, unit: 'BTC', snippet: 'December 2025 output: 569 BTC mined' },
  { metric: 'btc_held', value: 7528.3, unit: 'BTC', snippet: 'holdings 7,528.3 BTC', stock: true },
  { metric: 'hashrate_average', value: 43.36, unit: 'EH/s', snippet: 'average operating hashrate 43.36 EH/s' },
  { metric: 'btc_sold', value: 4451, unit: 'BTC', snippet: 'sold 4,451 Bitcoin' },
  { metric: 'btc_sold_proceeds', value: 305_000_000, unit: 'USD', snippet: 'about US$305 million' },
  { metric: 'fleet_efficiency', value: 21.0, unit: 'J/TH', snippet: 'fleet efficiency 21.0 J/TH', stock: true },
  { metric: 'energy_cost_per_kwh', value: 0.037, unit: 'USD/kWh', basis: 'all_in', snippet: 'all-in power cost 3.7 cents per kWh' },
  { metric: 'hashrate_operating', value: 16.4, unit: 'EH/s', snippet: 'hashrate 16.4 EH/s', stock: true },
  { metric: 'cost_per_btc', value: 14692, unit: 'USD/BTC', basis: 'direct', basisLabel: 'Cost to mine one bitcoin - Owned facilities', snippet: 'Cost to mine one bitcoin $14,692' },
  { metric: 'cost_per_btc', value: 16882, unit: 'USD/BTC', basis: 'company_defined', basisLabel: 'Weighted average cost of mining one bitcoin', snippet: 'Weighted average cost $16,882' },
];

export function buildBenchDb() {
  const db = openDb(':memory:');
  const registry = loadRegistry();
  upsertCompanies(db, registry);
  const tickers = [...registry.map((c) => c.ticker), 'ZZZZ'].slice(0, 15);
  let n = 0;
  for (const ticker of tickers) {
    for (let i = 0; i < 36; i++) {
      const y = 2023 + Math.floor((i + 3) / 12);
      const mo = ((i + 3) % 12) + 1;
      const start = `${y}-${String(mo).padStart(2, '0')}-01`;
      const end = lastDayOfMonth(y, mo);
      n++;
      recordDocument(
        db,
        {
          sha256: n.toString(16).padStart(64, '0'),
          companyTicker: registry.some((c) => c.ticker === ticker) ? ticker : null,
          sourceUrl: `https://example.invalid/bench/${ticker}/${start}`,
          form: '6-K',
          filedDate: end,
          mediaType: 'html',
          sizeBytes: 1,
          fetchedAt: '2026-01-01T00:00:00Z',
          parseStatus: 'parsed',
        },
        MONTHLY.map(({ stock, ...f }, k) => ({
          ...f,
          ...(stock ? { asOf: end } : { periodStart: start, periodEnd: end }),
          companyTicker: ticker,
          locator: { kind: 'text' as const, offset: k, length: 1 },
          extractor: 'bench',
          extractorVersion: '1',
          confidence: 0.9,
          derived: false,
        })),
      );
    }
  }
  return db;
}

/** One full run: read facts, reconcile, build the models, render every format, write. Returns ms per stage. */
export function benchReportOnce(db: ReturnType<typeof openDb>, outDir: string): Record<string, number> {
  const t0 = performance.now();
  const facts = listFacts(db);
  const t1 = performance.now();
  const { canonical } = reconcile(facts);
  const t2 = performance.now();
  const model = buildReport({ canonical, facts, companies: loadRegistry(), network: loadNetworkSnapshot() });
  const t3 = performance.now();
  // one format at a time, in the CLI's order, so each renderer's share shows
  const files = new Map<string, string | Buffer>();
  const perFormat: Record<string, number> = {};
  for (const f of REPORT_FORMATS) {
    const t = performance.now();
    for (const [name, body] of renderAll(model, [f])) files.set(name, body);
    perFormat[`render.${f}`] = performance.now() - t;
  }
  const t4 = performance.now();
  writeReportFiles(outDir, files);
  const t5 = performance.now();
  return { listFacts: t1 - t0, reconcile: t2 - t1, model: t3 - t2, render: t4 - t3, write: t5 - t4, total: t5 - t0, ...perFormat };
}

if (import.meta.url === `file://${process.argv[1]}`) main();

function main(): void {
const runs = Number(process.argv[2] ?? 3);
const db = buildBenchDb();
loadNetworkSnapshot(); // first load (CSV parse) measured separately below
const out = mkdtempSync(join(tmpdir(), 'hashledger-bench-'));
const facts = listFacts(db).length;
const results: Record<string, number>[] = [];
for (let i = 0; i < runs; i++) results.push(benchReportOnce(db, out));
const median = (k: string) => results.map((r) => r[k]!).sort((a, b) => a - b)[Math.floor(results.length / 2)]!;
const stages = ['listFacts', 'reconcile', 'model', 'render', 'write', 'total'];
console.log(`facts: ${facts} (15 companies × 36 months), runs: ${runs}`);
console.log(stages.map((s) => `${s} ${median(s).toFixed(0)} ms`).join(' · '));
console.log(`  render by format: ${REPORT_FORMATS.map((f) => `${f} ${median(`render.${f}`).toFixed(0)}`).join(' · ')} ms`);
for (const name of ['report.html', 'hashledger-report.xlsx', 'treasury.md', 'costs.md', 'report.json']) {
  console.log(`  ${name}: ${(statSync(join(out, name)).size / 1024).toFixed(0)} KiB`);
}
rmSync(out, { recursive: true, force: true });
}
