import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { z } from 'zod';
import type { Company } from '../model/company.ts';
import type { DocumentMeta } from '../model/document.ts';
import type { ExtractContext } from '../extract/index.ts';
import { findCompany } from '../registry/companies.ts';

const FORM_RE = /^(10-Q|10-K|8-K|6-K|20-F|40-F)(?:-A|\/A)?/i;
const DATE_RE = /(20\d\d)-(\d\d)-(\d\d)/;

/** Sidecar provenance: `provenance.json` in a folder, keyed by file name, as fixtures carry it. */
const Provenance = z.record(
  z.string(),
  z.object({
    url: z.string().optional(),
    company: z.string().optional(),
    form: z.string().optional(),
    filedDate: z.string().optional(),
    periodOfReport: z.string().optional(),
    accession: z.string().optional(),
    title: z.string().optional(),
  }).passthrough(),
);

/**
 * What a local file's path tells about it: a folder or file name that is a registry ticker
 * (`CLSK/10-Q-2024-03-31.html`), the form and a date from the file name, and a provenance.json
 * beside it. Explicit flags win over all of these.
 */
export function inferLocalMeta(path: string, companies: readonly Company[], flags: Partial<DocumentMeta> = {}): DocumentMeta {
  const file = basename(path);
  const parts = dirname(path).split(sep).reverse();
  const ticker =
    parts.map((p) => companies.find((c) => c.ticker.toLowerCase() === p.toLowerCase())?.ticker).find(Boolean) ??
    companies.find((c) => file.toLowerCase().startsWith(`${c.ticker.toLowerCase()}-`) || file.toLowerCase().startsWith(`${c.ticker.toLowerCase()}_`))?.ticker;
  const formMatch = FORM_RE.exec(file);
  const dateMatch = DATE_RE.exec(file);
  const prov = readProvenance(dirname(path))?.[file];
  const meta: DocumentMeta = { localPath: path };
  const company = flags.companyTicker ?? prov?.company ?? ticker;
  if (company) meta.companyTicker = company;
  const form = flags.form ?? prov?.form ?? formMatch?.[1]?.toUpperCase();
  if (form) meta.form = form;
  if (prov?.url ?? flags.sourceUrl) meta.sourceUrl = (flags.sourceUrl ?? prov?.url)!;
  const filed = flags.filedDate ?? prov?.filedDate;
  if (filed) meta.filedDate = filed;
  // a date in a 10-Q/10-K file name is the period end; in other names it is the filing date
  if (dateMatch) {
    if (form && /^(10-Q|10-K|20-F|40-F)/.test(form)) meta.periodOfReport = prov?.periodOfReport ?? dateMatch[0];
    else if (!meta.filedDate) meta.filedDate = dateMatch[0];
  }
  if (prov?.accession) meta.accession = prov.accession;
  if (prov?.title) meta.title = prov.title;
  return meta;
}

const cache = new Map<string, z.infer<typeof Provenance> | undefined>();
function readProvenance(dir: string): z.infer<typeof Provenance> | undefined {
  if (cache.has(dir)) return cache.get(dir);
  const p = join(dir, 'provenance.json');
  let value: z.infer<typeof Provenance> | undefined;
  if (existsSync(p)) {
    try {
      const parsed = Provenance.safeParse(JSON.parse(readFileSync(p, 'utf8')));
      value = parsed.success ? parsed.data : undefined;
    } catch {
      value = undefined;
    }
  }
  cache.set(dir, value);
  return value;
}

/**
 * What the extractor is told about a document, from its metadata. One mapping for ingest, sync,
 * `extract`, the snapshot builder and the eval, so they all read a document the same way.
 */
export function extractContextFor(meta: DocumentMeta, companies: readonly Company[]): ExtractContext {
  const company = meta.companyTicker ? findCompany(companies, meta.companyTicker) : undefined;
  return {
    ...(company ? { company } : {}),
    companies,
    ...(meta.form ? { form: meta.form } : {}),
    ...(meta.filedDate ? { filedDate: meta.filedDate } : {}),
    ...(meta.periodOfReport ? { periodOfReport: meta.periodOfReport } : {}),
    ...(meta.sourceUrl ? { sourceUrl: meta.sourceUrl } : {}),
    ...(meta.title ? { title: meta.title } : {}),
  };
}
