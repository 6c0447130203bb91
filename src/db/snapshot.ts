import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { DocumentMeta } from '../model/document.ts';
import { checkPeriod, ExtractedFactFields } from '../model/fact.ts';
import { PROJECT_ROOT, type Db } from './client.ts';
import { findDocumentBySha, recordDocument } from './queries.ts';

export const DEFAULT_SNAPSHOT_PATH = resolve(PROJECT_ROOT, 'data', 'snapshot', 'facts.json');

/**
 * The embedded default: facts the extractor read from real public documents, with each
 * document's source URL and sha256. Snippets are left out (the project ships no copied
 * sentences); the locator says where in the source each figure stands.
 */
export const SnapshotFact = ExtractedFactFields.extend({ snippet: z.string().default(''), company: z.string() }).superRefine(checkPeriod);
export const SnapshotDocument = DocumentMeta.omit({ localPath: true, exhibit: true }).extend({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** required here: a shipped figure an analyst cannot trace is not shipped */
  sourceUrl: z.string(),
  mediaType: z.string().optional(),
  sizeBytes: z.number().int().nonnegative(),
  facts: z.array(SnapshotFact),
});
export const Snapshot = z.object({
  generatedAt: z.string(),
  extractorVersion: z.string(),
  note: z.string().optional(),
  documents: z.array(SnapshotDocument),
});
export type Snapshot = z.infer<typeof Snapshot>;
export type SnapshotDocument = z.infer<typeof SnapshotDocument>;

export function parseSnapshot(json: string, file = 'snapshot'): Snapshot {
  const parsed = Snapshot.safeParse(JSON.parse(json));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(issue?.message ?? 'invalid snapshot', { file, field: issue?.path.join('.') });
  }
  return parsed.data;
}

/**
 * Loads the snapshot into the database. A document already present (same sha256, e.g. ingested
 * from the original file with snippets) is left as it is.
 */
export function loadSnapshot(db: Db, path = DEFAULT_SNAPSHOT_PATH): { documents: number; facts: number; skipped: number } {
  if (!existsSync(path)) return { documents: 0, facts: 0, skipped: 0 };
  const snap = parseSnapshot(readFileSync(path, 'utf8'), path);
  let documents = 0;
  let facts = 0;
  let skipped = 0;
  for (const d of snap.documents) {
    if (findDocumentBySha(db, d.sha256)) {
      skipped++;
      continue;
    }
    const rec = recordDocument(
      db,
      {
        sha256: d.sha256,
        companyTicker: d.companyTicker ?? null,
        sourceUrl: d.sourceUrl,
        localPath: null,
        form: d.form ?? null,
        accession: d.accession ?? null,
        exhibit: null,
        title: d.title ?? null,
        filedDate: d.filedDate ?? null,
        periodOfReport: d.periodOfReport ?? null,
        mediaType: d.mediaType ?? null,
        sizeBytes: d.sizeBytes,
        fetchedAt: snap.generatedAt,
        parseStatus: 'parsed',
        parseError: null,
        extractorVersion: snap.extractorVersion,
      },
      d.facts.map((f) => ({ ...f, companyTicker: f.company })),
    );
    documents++;
    facts += rec.factCount;
  }
  return { documents, facts, skipped };
}
