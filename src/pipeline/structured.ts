import { CompanyFacts } from '../sources/edgar/schemas.ts';
import { companyFactsToFacts, XBRL_EXTRACTOR_VERSION } from '../sources/edgar/xbrl.ts';
import type { Company } from '../model/company.ts';
import type { ExtractedFactInput } from '../model/fact.ts';

/**
 * Documents that already are facts: EDGAR's XBRL companyfacts JSON, saved by hand or by sync.
 * They skip the text parsers and go through the same sanity checks sync applies (units,
 * fair value ÷ count as a price), so a local copy yields the same facts as a fetched one.
 */
export function readStructured(
  bytes: Uint8Array,
  companies: readonly Company[],
): { facts: ExtractedFactInput[]; title: string; companyTicker?: string; extractorVersion: string } | undefined {
  // cheap test first: companyfacts is a JSON object with "cik" and "facts"
  const head = Buffer.from(bytes.subarray(0, 512)).toString('utf8').trimStart();
  if (!head.startsWith('{') || !head.includes('"cik"')) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = CompanyFacts.safeParse(raw);
  if (!parsed.success) return undefined;
  const cik = String(parsed.data.cik).padStart(10, '0');
  const company = companies.find((c) => c.cik === cik || c.filers.some((f) => f.cik === cik));
  return {
    facts: companyFactsToFacts(parsed.data).facts,
    title: `${parsed.data.entityName ?? company?.name ?? `CIK ${cik}`} XBRL company facts`,
    ...(company ? { companyTicker: company.ticker } : {}),
    extractorVersion: XBRL_EXTRACTOR_VERSION,
  };
}
