/**
 * hashledger library API. Pipeline:
 *   source (EDGAR, IR, local) → raw store → parse → extract → validate → SQLite → reconcile → report
 */
export * from './model/index.ts';
export * from './errors.ts';
export { parseDocument, detectFormat } from './parse/index.ts';
export { extractFacts, EXTRACTOR_VERSION, type ExtractContext } from './extract/index.ts';
export { openDb, resolveDbPath, type Db } from './db/client.ts';
export { listFacts, recordDocument, rowCounts, type FactWithSource, type FactFilter } from './db/queries.ts';
export { loadSnapshot } from './db/snapshot.ts';
export { openApp, type App } from './app.ts';
export { ingestDocument, type IngestResult } from './pipeline/ingest.ts';
export { reconcile } from './reconcile/index.ts';
export { generateReports, type ReportFormat } from './report/index.ts';
export { loadRegistry, parseRegistry, findCompany } from './registry/companies.ts';
export { main } from './cli.ts';
