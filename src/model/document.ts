import { z } from 'zod';

export const MediaType = z.enum(['html', 'pdf', 'xlsx', 'text', 'json']);
export type MediaType = z.infer<typeof MediaType>;

export const ParseStatus = z.enum(['pending', 'parsed', 'error']);

/** What we know about a document before parsing it; all of it comes from the source. */
export const DocumentMeta = z.object({
  sourceUrl: z.string().optional(),
  localPath: z.string().optional(),
  companyTicker: z.string().optional(),
  form: z.string().optional(),
  accession: z.string().optional(),
  /** filing date (EDGAR) or publication date (press release), YYYY-MM-DD */
  filedDate: z.string().optional(),
  /** period of report the filing states, YYYY-MM-DD */
  periodOfReport: z.string().optional(),
  title: z.string().optional(),
  exhibit: z.string().optional(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;
