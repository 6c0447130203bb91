import type { FactWithSource } from '../db/queries.ts';
import type { Company } from '../model/company.ts';

/**
 * How much a document's word counts, from its form and where the copy came from. The tiers
 * follow how carefully a number is prepared: an audited annual report is reviewed by an
 * auditor, a quarterly report by management under SOX certification, a monthly release is
 * "unaudited" by its own wording, and a copy on someone else's site may be truncated,
 * summarised or re-typed.
 */
export const SOURCE_TIERS = {
  annual: { rank: 4, label: 'audited annual report' },
  interim: { rank: 3, label: 'interim report' },
  monthly: { rank: 2, label: 'monthly release' },
  unknown: { rank: 1, label: 'document of unknown kind' },
  third_party: { rank: 0, label: 'third-party copy' },
} as const;
export type SourceTier = keyof typeof SOURCE_TIERS;

/** Who published the copy: the issuer (its site or EDGAR), a newswire it paid, or anyone else. */
export type HostClass = 'issuer' | 'newswire' | 'aggregator' | 'none';

export interface SourceClass {
  tier: SourceTier;
  amendment: boolean;
  hostClass: HostClass;
  host: string | null;
  /** the form without its /A, upper case; null when the document has none */
  baseForm: string | null;
}

const ANNUAL_FORMS = new Set(['10-K', '10-KT', '20-F', '40-F']);
const INTERIM_FORMS = new Set(['10-Q', '10-QT']);
const RELEASE_FORMS = new Set(['8-K', '6-K', 'EX-99', 'EX-99.1', 'EX-99.2', 'PRESS_RELEASE', 'PRESS RELEASE']);

/**
 * Newswires carry the issuer's own text verbatim (the issuer pays for the distribution), so
 * they rank above sites that re-host or summarise releases (TV station sites, stocktitan,
 * einnews, exchange blogs). Both are still third-party copies: the text passed through
 * someone else's pipeline.
 */
const NEWSWIRE_HOSTS = ['prnewswire.com', 'globenewswire.com', 'businesswire.com', 'accesswire.com', 'newsfilecorp.com', 'newswire.ca'];

/** A 6-K is a results report when its title or name says so; otherwise it is a monthly update. */
const RESULTS_RE = /\b(results|quarter(ly)?|interim|half[- ]year|six months|nine months|financial statements|Q[1-4])\b/i;

export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function endsWithDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * Host names an issuer publishes on: the hosts of its IR feeds, plus any host with a label
 * that is the company's name, an alias or its ticker squeezed to letters
 * ("investors.cleanspark.com", "irisenergy.co", "ir.mara.com"). Tokens shorter than 4
 * letters are skipped: they match by accident.
 */
const tokenCache = new WeakMap<Company, { hosts: string[]; tokens: string[] }>();

export function issuerHostTokens(company: Company | undefined): { hosts: string[]; tokens: string[] } {
  if (!company) return { hosts: [], tokens: [] };
  const cached = tokenCache.get(company);
  if (cached) return cached;
  const hosts = company.irFeeds.map((f) => hostOf(f.url)).filter((h): h is string => h !== null);
  const names = [company.name, ...company.aliases, company.ticker];
  const tokens = [
    ...new Set(
      names
        .map((n) => n.toLowerCase().replace(/\b(inc|corp|corporation|ltd|limited|holdings|group|technologies|plc)\b\.?/g, ''))
        .map((n) => n.replace(/[^a-z0-9]/g, ''))
        .filter((n) => n.length >= 4),
    ),
  ];
  const out = { hosts, tokens };
  tokenCache.set(company, out);
  return out;
}

export function classifyHost(host: string | null, company: Company | undefined): HostClass {
  if (!host) return 'none';
  if (endsWithDomain(host, 'sec.gov')) return 'issuer';
  const { hosts, tokens } = issuerHostTokens(company);
  if (hosts.some((h) => endsWithDomain(host, h))) return 'issuer';
  // whole labels only: "riot" must not match "patriotledger.com"
  const labels = host.split('.').slice(0, -1);
  if (labels.some((l) => tokens.some((t) => l === t || (t.length >= 6 && l.startsWith(t))))) return 'issuer';
  if (NEWSWIRE_HOSTS.some((d) => endsWithDomain(host, d))) return 'newswire';
  return 'aggregator';
}

export function isAmendment(form: string | null | undefined): boolean {
  return !!form && /(\/|-)A$/i.test(form.trim());
}

export function classifySource(f: FactWithSource, company: Company | undefined): SourceClass {
  const amendment = isAmendment(f.form);
  const baseForm = f.form ? f.form.trim().toUpperCase().replace(/(\/|-)A$/, '') : null;
  const host = hostOf(f.sourceUrl);
  const hostClass = classifyHost(host, company);
  let tier: SourceTier;
  if (hostClass === 'newswire' || hostClass === 'aggregator') tier = 'third_party';
  else if (!baseForm) tier = host ? 'monthly' : 'unknown';
  else if (ANNUAL_FORMS.has(baseForm)) tier = 'annual';
  else if (INTERIM_FORMS.has(baseForm)) tier = 'interim';
  else if (baseForm === '6-K' && RESULTS_RE.test(`${f.documentTitle ?? ''} ${f.sourceUrl ?? ''} ${f.localPath ?? ''}`)) tier = 'interim';
  else if (RELEASE_FORMS.has(baseForm) || baseForm.startsWith('EX-99')) tier = 'monthly';
  else tier = 'unknown';
  return { tier, amendment, hostClass, host, baseForm };
}

/** "10-Q filed 2024-05-09 (sec.gov)" — how a source is named in reasons and conflicts. */
export function describeSource(f: FactWithSource): string {
  const host = hostOf(f.sourceUrl);
  const parts = [f.form ?? 'document', f.filedDate ? `filed ${f.filedDate}` : null, host ? `(${host})` : null];
  return parts.filter(Boolean).join(' ');
}
