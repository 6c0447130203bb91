import { z } from 'zod';

/** A CIK the company filed under, with the forms it used there and when. */
export const Filer = z.object({
  cik: z.string().regex(/^\d{10}$/, 'CIK is 10 digits, zero-padded'),
  name: z.string().optional(),
  forms: z.array(z.string()).default([]),
  from: z.string().optional(),
  to: z.string().optional(),
  note: z.string().optional(),
});

/** An issuer press-release listing, configured as data (issue 4 fills the scraper side). */
export const IrFeed = z.object({
  url: z.string().url(),
  kind: z.enum(['rss', 'html-list', 'json']),
  itemSelector: z.string().optional(),
  linkSelector: z.string().optional(),
  dateSelector: z.string().optional(),
  titleFilter: z.string().optional(),
});

export const Company = z.object({
  ticker: z.string().min(1),
  name: z.string(),
  /** the current primary CIK */
  cik: z.string().regex(/^\d{10}$/).optional(),
  filerType: z.enum(['domestic', 'foreign_private', 'canadian_mjds']),
  /** month (1-12) in which the fiscal year ends; 12 for calendar years */
  fiscalYearEndMonth: z.number().int().min(1).max(12),
  /** names and spellings documents use, for attributing facts in multi-company articles */
  aliases: z.array(z.string()).default([]),
  filers: z.array(Filer).default([]),
  irFeeds: z.array(IrFeed).default([]),
  /**
   * the company's named sites ("Childress", "Lake Mariner"): a hashrate or power figure whose
   * sentence names only a site is that site's, not the fleet's
   */
  sites: z.array(z.string()).default([]),
  /** per-issuer label aliases the extractor may use, metric → phrases */
  labelAliases: z.record(z.string(), z.array(z.string())).default({}),
  /** how often the company publishes production updates */
  updateCadence: z.enum(['monthly', 'quarterly', 'none']).default('quarterly'),
  notes: z.string().optional(),
});
export type Company = z.infer<typeof Company>;
export type CompanyInput = z.input<typeof Company>;

export const CompanyRegistry = z.object({ companies: z.array(Company) });
