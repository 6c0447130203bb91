import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Company } from '../model/company.ts';
import type { ExtractedFact } from '../model/fact.ts';
import { periodKey } from '../model/period.ts';
import type { Db } from './client.ts';
import { companies, documents, facts, type DocumentInsert, type DocumentRow, type FactRow } from './schema.ts';

/** Replace the companies table with the registry (idempotent). */
export function upsertCompanies(db: Db, list: readonly Company[]): void {
  db.transaction((tx) => {
    for (const c of list) {
      const row = {
        ticker: c.ticker,
        name: c.name,
        cik: c.cik ?? null,
        filerType: c.filerType,
        fiscalYearEndMonth: c.fiscalYearEndMonth,
        aliases: JSON.stringify(c.aliases),
        registry: JSON.stringify(c),
      };
      tx.insert(companies).values(row).onConflictDoUpdate({ target: companies.ticker, set: row }).run();
    }
  });
}

export function findDocumentBySha(db: Db, sha256: string): DocumentRow | undefined {
  return db.select().from(documents).where(eq(documents.sha256, sha256)).get();
}

/**
 * Records a document and its facts in one transaction, so a crash leaves either both or
 * neither. Re-recording the same bytes updates the metadata we learned and replaces the facts
 * of that document (a newer extractor may read more), never duplicating rows.
 */
/**
 * The statements recordDocument runs for every document and fact, prepared once per connection:
 * building and preparing a drizzle query per fact was most of the time ingest spent in the
 * calling thread.
 */
function prepareRecordStatements(db: Db) {
  const p = sql.placeholder;
  return {
    bySha: db.select().from(documents).where(eq(documents.sha256, p('sha256'))).prepare(),
    deleteFacts: db.delete(facts).where(eq(facts.documentId, p('documentId'))).prepare(),
    insertFact: db
      .insert(facts)
      .values({
        documentId: p('documentId'),
        companyTicker: p('companyTicker'),
        metric: p('metric'),
        value: p('value'),
        unit: p('unit'),
        periodStart: p('periodStart'),
        periodEnd: p('periodEnd'),
        asOf: p('asOf'),
        periodKey: p('periodKey'),
        basis: p('basis'),
        basisLabel: p('basisLabel'),
        locator: p('locator'),
        snippet: p('snippet'),
        extractor: p('extractor'),
        extractorVersion: p('extractorVersion'),
        confidence: p('confidence'),
        derived: p('derived'),
        notes: p('notes'),
      })
      .onConflictDoNothing()
      .prepare(),
    countFacts: db
      .select({ n: sql<number>`count(*)` })
      .from(facts)
      .where(eq(facts.documentId, p('documentId')))
      .prepare(),
  };
}

const recordStatements = new WeakMap<Db, ReturnType<typeof prepareRecordStatements>>();

export function recordDocument(
  db: Db,
  doc: Omit<DocumentInsert, 'id' | 'factCount'>,
  extracted: readonly (ExtractedFact & { companyTicker: string })[],
): { documentId: number; factCount: number; isNew: boolean } {
  let st = recordStatements.get(db);
  if (!st) recordStatements.set(db, (st = prepareRecordStatements(db)));
  const q = st;
  return db.transaction((tx) => {
    const existing = q.bySha.get({ sha256: doc.sha256 });
    let documentId: number;
    if (existing) {
      documentId = existing.id;
      // keep what an earlier run knew when this run knows less (e.g. a local copy of a fetched file)
      const merged = Object.fromEntries(
        Object.entries(doc).filter(([, v]) => v !== undefined && v !== null),
      ) as Partial<DocumentInsert>;
      tx.update(documents).set({ ...merged, factCount: extracted.length }).where(eq(documents.id, documentId)).run();
      q.deleteFacts.run({ documentId });
    } else {
      documentId = tx
        .insert(documents)
        .values({ ...doc, factCount: extracted.length })
        .returning({ id: documents.id })
        .get().id;
    }
    for (const f of extracted) {
      q.insertFact.run({
        documentId,
        companyTicker: f.companyTicker,
        metric: f.metric,
        value: f.value,
        unit: f.unit,
        periodStart: f.periodStart ?? null,
        periodEnd: f.periodEnd ?? null,
        asOf: f.asOf ?? null,
        periodKey: periodKey(f),
        basis: f.basis ?? '',
        basisLabel: f.basisLabel ?? null,
        locator: JSON.stringify(f.locator),
        snippet: f.snippet,
        extractor: f.extractor,
        extractorVersion: f.extractorVersion,
        confidence: f.confidence,
        derived: f.derived,
        notes: f.notes ?? null,
      });
    }
    const factCount = q.countFacts.get({ documentId })?.n ?? 0;
    if (factCount !== extracted.length) tx.update(documents).set({ factCount }).where(eq(documents.id, documentId)).run();
    return { documentId, factCount, isNew: !existing };
    // IMMEDIATE takes the write lock first (waiting busy_timeout): a deferred transaction that
    // reads then writes fails at once with SQLITE_BUSY when another process wrote in between
  }, { behavior: 'immediate' });
}

export interface FactFilter {
  companies?: string[];
  metrics?: string[];
  minConfidence?: number;
  since?: string;
}

/** A fact joined with the document it came from: what reports and exports need. */
export type FactWithSource = FactRow & {
  sourceUrl: string | null;
  localPath: string | null;
  form: string | null;
  accession: string | null;
  filedDate: string | null;
  documentSha256: string;
  documentTitle: string | null;
};

export function listFacts(db: Db, filter: FactFilter = {}): FactWithSource[] {
  const where: SQL[] = [];
  if (filter.companies?.length) where.push(inArray(facts.companyTicker, filter.companies));
  if (filter.metrics?.length) where.push(inArray(facts.metric, filter.metrics));
  if (filter.minConfidence !== undefined) where.push(sql`${facts.confidence} >= ${filter.minConfidence}`);
  if (filter.since) where.push(sql`coalesce(${facts.periodEnd}, ${facts.asOf}) >= ${filter.since}`);
  return db
    .select({
      ...tableColumns(),
      sourceUrl: documents.sourceUrl,
      localPath: documents.localPath,
      form: documents.form,
      accession: documents.accession,
      filedDate: documents.filedDate,
      documentSha256: documents.sha256,
      documentTitle: documents.title,
    })
    .from(facts)
    .innerJoin(documents, eq(facts.documentId, documents.id))
    .where(where.length ? and(...where) : undefined)
    .orderBy(facts.companyTicker, facts.metric, sql`coalesce(${facts.periodEnd}, ${facts.asOf})`, facts.id)
    .all();
}

function tableColumns() {
  return {
    id: facts.id,
    documentId: facts.documentId,
    companyTicker: facts.companyTicker,
    metric: facts.metric,
    value: facts.value,
    unit: facts.unit,
    periodStart: facts.periodStart,
    periodEnd: facts.periodEnd,
    asOf: facts.asOf,
    periodKey: facts.periodKey,
    basis: facts.basis,
    basisLabel: facts.basisLabel,
    locator: facts.locator,
    snippet: facts.snippet,
    extractor: facts.extractor,
    extractorVersion: facts.extractorVersion,
    confidence: facts.confidence,
    derived: facts.derived,
    notes: facts.notes,
    createdAt: facts.createdAt,
  };
}

export function listDocuments(db: Db): DocumentRow[] {
  return db.select().from(documents).orderBy(documents.id).all();
}

export function rowCounts(db: Db): { companies: number; documents: number; facts: number } {
  const n = (t: typeof companies | typeof documents | typeof facts) =>
    db.select({ n: sql<number>`count(*)` }).from(t).get()?.n ?? 0;
  return { companies: n(companies), documents: n(documents), facts: n(facts) };
}
