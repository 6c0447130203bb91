/**
 * Parses and extracts one labelled document the way the eval and the corpus tests both do: the
 * company from the label, form and dates from the file's path and provenance.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFacts } from '../../src/extract/index.ts';
import type { Company } from '../../src/model/company.ts';
import type { ExtractedFact } from '../../src/model/fact.ts';
import { parseDocument } from '../../src/parse/index.ts';
import { inferLocalMeta } from '../../src/pipeline/meta.ts';
import { findCompany } from '../../src/registry/companies.ts';
import type { LabelLine } from './match.ts';

export interface LabelledRun {
  facts: ExtractedFact[];
  company?: Company;
  bytes: number;
  parseMs: number;
  extractMs: number;
}

/**
 * `bare`: tell the extractor nothing but the registry (no company, date, form or title), as when
 * someone runs `hashledger extract file.html` on a release they downloaded.
 */
export async function runLabelled(dir: string, label: LabelLine, companies: readonly Company[], opts: { bare?: boolean } = {}): Promise<LabelledRun> {
  const path = join(dir, label.file);
  const bytes = readFileSync(path);
  const company = findCompany(companies, label.company);
  const meta = inferLocalMeta(path, companies, company ? { companyTicker: company.ticker } : {});
  const t0 = performance.now();
  const doc = await parseDocument(bytes);
  const t1 = performance.now();
  const facts = extractFacts(doc, opts.bare ? { companies } : {
    ...(company ? { company } : {}),
    companies,
    ...(meta.form ? { form: meta.form } : {}),
    ...(meta.filedDate ? { filedDate: meta.filedDate } : {}),
    ...(meta.periodOfReport ? { periodOfReport: meta.periodOfReport } : {}),
    ...(meta.title ? { title: meta.title } : {}),
  });
  const t2 = performance.now();
  return { facts, ...(company ? { company } : {}), bytes: bytes.length, parseMs: t1 - t0, extractMs: t2 - t1 };
}
