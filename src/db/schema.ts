import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Companies, loaded from data/companies.json on every start (the registry is the source of truth). */
export const companies = sqliteTable('companies', {
  ticker: text('ticker').primaryKey(),
  name: text('name').notNull(),
  cik: text('cik'),
  filerType: text('filer_type').notNull(),
  fiscalYearEndMonth: integer('fiscal_year_end_month').notNull(),
  /** JSON array of strings */
  aliases: text('aliases').notNull().default('[]'),
  /** JSON: the whole registry entry, for fields the table does not spell out */
  registry: text('registry').notNull().default('{}'),
});

/**
 * Every document we have seen, keyed by the sha256 of its bytes. A document that failed to
 * parse stays here with parse_status 'error' and its message: nothing is lost.
 */
export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sha256: text('sha256').notNull(),
    companyTicker: text('company_ticker').references(() => companies.ticker),
    sourceUrl: text('source_url'),
    localPath: text('local_path'),
    form: text('form'),
    accession: text('accession'),
    exhibit: text('exhibit'),
    title: text('title'),
    filedDate: text('filed_date'),
    periodOfReport: text('period_of_report'),
    mediaType: text('media_type'),
    sizeBytes: integer('size_bytes').notNull(),
    fetchedAt: text('fetched_at').notNull(),
    parseStatus: text('parse_status', { enum: ['pending', 'parsed', 'error'] }).notNull().default('pending'),
    parseError: text('parse_error'),
    extractorVersion: text('extractor_version'),
    factCount: integer('fact_count').notNull().default(0),
  },
  (t) => [uniqueIndex('documents_sha256_uq').on(t.sha256), index('documents_company_idx').on(t.companyTicker)],
);

/**
 * One row per number a document states. Period columns: flows fill period_start/period_end,
 * stocks fill as_of; period_key folds them into one non-null string so the unique index makes
 * re-ingesting the same document a no-op.
 */
export const facts = sqliteTable(
  'facts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    companyTicker: text('company_ticker').notNull(),
    metric: text('metric').notNull(),
    value: real('value').notNull(),
    unit: text('unit').notNull(),
    periodStart: text('period_start'),
    periodEnd: text('period_end'),
    asOf: text('as_of'),
    periodKey: text('period_key').notNull(),
    basis: text('basis').notNull().default(''),
    basisLabel: text('basis_label'),
    /** JSON of the Locator */
    locator: text('locator').notNull(),
    snippet: text('snippet').notNull(),
    extractor: text('extractor').notNull(),
    extractorVersion: text('extractor_version').notNull(),
    confidence: real('confidence').notNull(),
    derived: integer('derived', { mode: 'boolean' }).notNull().default(false),
    notes: text('notes'),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    uniqueIndex('facts_identity_uq').on(t.documentId, t.companyTicker, t.metric, t.periodKey, t.basis, t.locator),
    index('facts_company_metric_idx').on(t.companyTicker, t.metric, t.periodKey),
  ],
);

/**
 * Cache of fetched URLs (sources/): what we got, when, and its validators, so a second sync
 * re-checks only what may change and fetches only what is new.
 */
export const httpCache = sqliteTable('http_cache', {
  url: text('url').primaryKey(),
  sha256: text('sha256'),
  status: integer('status').notNull(),
  etag: text('etag'),
  lastModified: text('last_modified'),
  contentType: text('content_type'),
  fetchedAt: text('fetched_at').notNull(),
  /** 'immutable' (EDGAR Archives) or a TTL in seconds */
  cachePolicy: text('cache_policy').notNull(),
});

/** Per-source progress, so an interrupted sync continues where it stopped. */
export const syncState = sqliteTable('sync_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export type CompanyRow = typeof companies.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type DocumentInsert = typeof documents.$inferInsert;
export type FactRow = typeof facts.$inferSelect;
export type FactInsert = typeof facts.$inferInsert;
