import type { Company } from '../model/company.ts';
import type { ExtractedFact } from '../model/fact.ts';
import type { ParsedDocument } from '../model/parsed.ts';

/** Bumped whenever extraction output may change; stored on every fact and document. */
export const EXTRACTOR_VERSION = '0.1.0';

/** What the extractor may know about a document besides its content. All optional. */
export interface ExtractContext {
  /** the filer / issuer the document belongs to */
  company?: Company;
  /** the registry, to attribute figures in articles that name several companies */
  companies?: readonly Company[];
  form?: string;
  /** filing or publication date, YYYY-MM-DD: anchors "last month", years left out of dates */
  filedDate?: string;
  /** period of report stated by the filing, YYYY-MM-DD */
  periodOfReport?: string;
  sourceUrl?: string;
}

/**
 * ParsedDocument → facts. Pure: no I/O. Figures the extractor is unsure of are returned with
 * confidence < 0.5 rather than dropped, or not returned at all when a wrong value is likely.
 */
export function extractFacts(doc: ParsedDocument, ctx: ExtractContext = {}): ExtractedFact[] {
  void doc;
  void ctx;
  return [];
}
