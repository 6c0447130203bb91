import type { App } from '../app.ts';
import { recordDocument } from '../db/queries.ts';
import { describeError, HashledgerError, ParseError } from '../errors.ts';
import { EXTRACTOR_VERSION } from '../extract/index.ts';
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

/**
 * One document end to end: store the bytes, parse, extract, validate, record. Never throws for
 * a bad document: the error is recorded on the document row and returned, so a run over a
 * folder goes on. Only database failures propagate.
 */
export async function ingestDocument(app: App, input: IngestInput): Promise<IngestResult> {
  const { bytes, meta } = input;
  // the raw bytes are written while the worker parses; both are awaited before anything is recorded
  const storing = app.store.putAsync(bytes);
  const structured = readStructured(bytes, app.companies);
  const company = findCompany(app.companies, meta.companyTicker ?? structured?.companyTicker ?? '');
  const parsing = structured
    ? undefined
    : // parse and extract in one bounded worker: a hostile document stops at the time/heap bounds.
      // Settled to a value so a fast failure is not an unhandled rejection while the store write runs.
      parseAndExtract(bytes, extractContextFor({ ...meta, ...(company ? { companyTicker: company.ticker } : {}) }, app.companies)).then(
        (ok) => ({ ok }),
        (failed: unknown) => ({ failed }),
      );
  // a store failure propagates, like a database failure: the document could not be kept
  const sha256 = await storing;
  const name = meta.localPath ?? meta.sourceUrl ?? sha256;
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
  let warnings: string[] = [];
  try {
    let raw: unknown[];
    let title: string | undefined;
    let mediaType: string;
    if (structured) {
      raw = structured.facts;
      title = structured.title;
      mediaType = 'json';
    } else {
      const parsed = await parsing!;
      if ('failed' in parsed) throw parsed.failed;
      const { doc, facts: extracted } = parsed.ok;
      warnings = doc.warnings;
      title = doc.title;
      mediaType = doc.mediaType;
      raw = extracted;
    }
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
