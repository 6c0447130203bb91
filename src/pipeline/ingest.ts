import type { App } from '../app.ts';
import { recordDocument } from '../db/queries.ts';
import { describeError, HashledgerError, ParseError } from '../errors.ts';
import { EXTRACTOR_VERSION } from '../extract/index.ts';
import type { DocumentInsert } from '../db/schema.ts';
import type { Company } from '../model/company.ts';
import type { DocumentMeta } from '../model/document.ts';
import { ExtractedFact } from '../model/fact.ts';
import { parseAndExtract } from '../parse/index.ts';
import { findCompany } from '../registry/companies.ts';
import { extractContextFor } from './meta.ts';
import { readStructured } from './structured.ts';

export interface IngestInput {
  bytes: Uint8Array;
  meta: DocumentMeta;
}

export interface IngestResult {
  sha256: string;
  documentId: number;
  status: 'parsed' | 'error';
  /** one line naming the file and what is wrong, when status is 'error' */
  error?: string;
  factCount: number;
  isNew: boolean;
  warnings: string[];
}

/** Tickers a fact may be attributed to when the document does not say: the filer, else UNKNOWN. */
export const UNKNOWN_COMPANY = 'UNKNOWN';

/** A document stored and parsed, not yet recorded: what {@link prepareDocument} hands to {@link recordPrepared}. */
export interface PreparedDocument {
  name: string;
  base: Omit<DocumentInsert, 'id' | 'factCount' | 'title' | 'mediaType' | 'parseStatus' | 'parseError'>;
  meta: DocumentMeta;
  company: Company | undefined;
  outcome:
    | { ok: { raw: unknown[]; title: string | undefined; mediaType: string; warnings: string[] } }
    | { failed: unknown };
}

/**
 * One document end to end: store the bytes, parse, extract, validate, record. Never throws for
 * a bad document: the error is recorded on the document row and returned, so a run over a
 * folder goes on. Only database and store failures propagate.
 */
export async function ingestDocument(app: App, input: IngestInput): Promise<IngestResult> {
  return recordPrepared(app, await prepareDocument(app, input));
}

/**
 * The slow half of ingestDocument, safe to run for several documents at once: the bytes are
 * written while a worker parses and extracts. Nothing is recorded, so a caller that records the
 * prepared documents in its own order (recordPrepared) numbers them in that order.
 */
export async function prepareDocument(app: App, input: IngestInput): Promise<PreparedDocument> {
  const { bytes, meta } = input;
  const storing = app.store.putAsync(bytes);
  const structured = readStructured(bytes, app.companies);
  const company = findCompany(app.companies, meta.companyTicker ?? structured?.companyTicker ?? '');
  const parsing: Promise<PreparedDocument['outcome']> = structured
    ? Promise.resolve({ ok: { raw: structured.facts, title: structured.title, mediaType: 'json', warnings: [] } })
    : // parse and extract in one bounded worker: a hostile document stops at the time/heap bounds.
      // Settled to a value so a fast failure is not an unhandled rejection while the store write runs.
      parseAndExtract(bytes, extractContextFor({ ...meta, ...(company ? { companyTicker: company.ticker } : {}) }, app.companies)).then(
        ({ doc, facts }) => ({ ok: { raw: facts, title: doc.title, mediaType: doc.mediaType, warnings: doc.warnings } }),
        (failed: unknown) => ({ failed }),
      );
  // a store failure propagates, like a database failure: the document could not be kept
  const sha256 = await storing;
  const base = {
    sha256,
    companyTicker: company?.ticker ?? null,
    sourceUrl: meta.sourceUrl ?? null,
    localPath: meta.localPath ?? null,
    form: meta.form ?? null,
    accession: meta.accession ?? null,
    exhibit: meta.exhibit ?? null,
    filedDate: meta.filedDate ?? null,
    periodOfReport: meta.periodOfReport ?? null,
    sizeBytes: bytes.length,
    fetchedAt: new Date().toISOString(),
    extractorVersion: structured?.extractorVersion ?? EXTRACTOR_VERSION,
  };
  return { name: meta.localPath ?? meta.sourceUrl ?? sha256, base, meta, company, outcome: await parsing };
}

/** The quick half: validate the extracted facts and record the document in one transaction. */
export function recordPrepared(app: App, prepared: PreparedDocument): IngestResult {
  const { name, base, meta, company, outcome } = prepared;
  const sha256 = base.sha256;
  let warnings: string[] = [];
  try {
    if ('failed' in outcome) throw outcome.failed;
    const { raw, title, mediaType } = outcome.ok;
    warnings = outcome.ok.warnings;
    const facts = raw.map((f, i) => {
      const checked = ExtractedFact.safeParse(f);
      if (!checked.success) {
        throw new HashledgerError(`extractor produced an invalid fact #${i}: ${checked.error.issues[0]?.message}`, {
          file: name,
          field: checked.error.issues[0]?.path.join('.'),
        });
      }
      const ticker = checked.data.company ? findCompany(app.companies, checked.data.company)?.ticker : company?.ticker;
      return { ...checked.data, companyTicker: ticker ?? UNKNOWN_COMPANY };
    });
    const rec = recordDocument(
      app.db,
      { ...base, title: meta.title ?? title ?? null, mediaType, parseStatus: 'parsed', parseError: null },
      facts,
    );
    return { sha256, documentId: rec.documentId, status: 'parsed', factCount: rec.factCount, isNew: rec.isNew, warnings };
  } catch (err) {
    const e = err instanceof HashledgerError ? err : new ParseError(describeError(err), {}, { cause: err });
    if (!e.where.file) (e.where as { file?: string }).file = name;
    const line = e.toLine();
    const rec = recordDocument(app.db, { ...base, title: meta.title ?? null, parseStatus: 'error', parseError: line }, []);
    return { sha256, documentId: rec.documentId, status: 'error', error: line, factCount: 0, isNew: rec.isNew, warnings };
  }
}
