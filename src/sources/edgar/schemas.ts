/**
 * The shapes of the EDGAR JSON we read, declared once (only the fields we use; the rest is
 * ignored). Checked at the boundary so a changed API fails with the field that moved.
 */
import { z } from 'zod';
import { ParseError } from '../../errors.ts';

/** www.sec.gov/files/company_tickers.json: {"0": {cik_str, ticker, title}, ...} */
export const CompanyTickers = z.record(z.string(), z.object({ cik_str: z.number(), ticker: z.string(), title: z.string() }));

/** Filings as parallel arrays: `filings.recent` of submissions and each older page in `files[]`. */
export const FilingColumns = z.object({
  accessionNumber: z.array(z.string()),
  filingDate: z.array(z.string()),
  reportDate: z.array(z.string()).optional(),
  form: z.array(z.string()),
  primaryDocument: z.array(z.string()).optional(),
  primaryDocDescription: z.array(z.string()).optional(),
  items: z.array(z.string()).optional(),
});
export type FilingColumns = z.infer<typeof FilingColumns>;

/** data.sec.gov/submissions/CIK##########.json */
export const Submissions = z.object({
  cik: z.union([z.string(), z.number()]),
  name: z.string().optional(),
  tickers: z.array(z.string()).optional(),
  fiscalYearEnd: z.string().nullish(),
  filings: z.object({
    recent: FilingColumns,
    files: z
      .array(z.object({ name: z.string(), filingCount: z.number().optional(), filingFrom: z.string().optional(), filingTo: z.string().optional() }))
      .default([]),
  }),
});
export type Submissions = z.infer<typeof Submissions>;

/** Archives/edgar/data/{cik}/{acc}/index.json: a directory listing (its `type` is an icon name, not the document type). */
export const FilingIndexJson = z.object({
  directory: z.object({
    name: z.string().optional(),
    item: z.array(z.object({ name: z.string(), type: z.string().optional(), size: z.union([z.string(), z.number()]).optional() })),
  }),
});

const XbrlObservation = z.object({
  start: z.string().optional(),
  end: z.string(),
  val: z.number(),
  accn: z.string(),
  fy: z.number().nullish(),
  fp: z.string().nullish(),
  form: z.string(),
  filed: z.string(),
  frame: z.string().optional(),
});
export type XbrlObservation = z.infer<typeof XbrlObservation>;

/** data.sec.gov/api/xbrl/companyfacts/CIK##########.json (undimensioned facts only, by taxonomy → concept → unit). */
export const CompanyFacts = z.object({
  cik: z.union([z.string(), z.number()]),
  entityName: z.string().optional(),
  facts: z.record(
    z.string(),
    z.record(z.string(), z.object({ label: z.string().nullish(), description: z.string().nullish(), units: z.record(z.string(), z.array(XbrlObservation)) })),
  ),
});
export type CompanyFacts = z.infer<typeof CompanyFacts>;

/** efts.sec.gov/LATEST/search-index: Elasticsearch hits; `_id` is "{accession}:{file name}". */
export const FullTextSearch = z.object({
  hits: z.object({
    total: z.object({ value: z.number() }).optional(),
    hits: z.array(
      z.object({
        _id: z.string(),
        _source: z.object({
          ciks: z.array(z.string()).default([]),
          adsh: z.string(),
          form: z.string(),
          file_date: z.string(),
          file_type: z.string().nullish(),
          file_description: z.string().nullish(),
          period_ending: z.string().nullish(),
          display_names: z.array(z.string()).default([]),
        }),
      }),
    ),
  }),
});

/** Bytes → validated JSON; errors name the URL and the field. */
export function parseJsonAs<T>(schema: z.ZodType<T>, bytes: Uint8Array | string, file: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8'));
  } catch (err) {
    const head = (typeof bytes === 'string' ? bytes : Buffer.from(bytes.subarray(0, 80)).toString('utf8')).slice(0, 80);
    throw new ParseError(`expected JSON, got ${JSON.stringify(head)} (${(err as Error).message})`, { file });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ParseError(issue?.message ?? 'unexpected JSON shape', { file, field: issue?.path.join('.') });
  }
  return parsed.data;
}
