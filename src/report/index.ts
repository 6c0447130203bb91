/**
 * Reports over canonical values: listFacts → reconcile → models (treasury, production,
 * costs, network, company pages) → renderers (md, html, xlsx, csv, json) → files.
 */
import type { App } from '../app.ts';
import { listFacts } from '../db/queries.ts';
import { loadNetworkSnapshot } from '../network/snapshot.ts';
import type { NetworkSnapshot } from '../network/series.ts';
import { reconcile } from '../reconcile/index.ts';
import { buildReport, type ReportKind, type ReportModel } from './model.ts';
import { renderAll, type ReportFormat } from './render/index.ts';
import { writeReportFiles } from './write.ts';

export type { ReportFormat } from './render/index.ts';
export { REPORT_FORMATS, renderAll } from './render/index.ts';
export { buildReport, type ReportModel, type ReportInput, type ReportKind } from './model.ts';

export const REPORT_KINDS: readonly ReportKind[] = ['treasury', 'costs'];

/** The model for an app's database (reads facts; no files written). */
export function reportModelFor(app: App, opts: { kinds?: ReportKind[]; companies?: string[]; network?: NetworkSnapshot } = {}): ReportModel {
  const companies = opts.companies?.map((c) => c.toUpperCase());
  const facts = listFacts(app.db, companies?.length ? { companies } : {});
  const { canonical } = reconcile(facts);
  return buildReport({
    canonical,
    facts,
    companies: app.companies,
    network: opts.network ?? loadNetworkSnapshot(),
    ...(opts.kinds ? { kinds: opts.kinds } : {}),
    ...(companies?.length ? { only: companies } : {}),
  });
}

export async function generateReports(
  app: App,
  opts: { formats: ReportFormat[]; outDir: string; kinds?: ('treasury' | 'costs')[]; companies?: string[] },
): Promise<{ files: string[]; tickers: string[] }> {
  const model = reportModelFor(app, { ...(opts.kinds ? { kinds: opts.kinds } : {}), ...(opts.companies ? { companies: opts.companies } : {}) });
  const files = writeReportFiles(opts.outDir, renderAll(model, opts.formats));
  // the companies the report covers (those with facts), so a caller can say which had none
  return { files, tickers: model.companies.map((c) => c.ticker) };
}
