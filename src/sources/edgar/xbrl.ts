/**
 * companyfacts XBRL → btc_held facts. Few miners tag their coin count, and those who do
 * disagree on the unit ("Bitcoin", "bitcoin", "BTC", "item", "Unit", "pure") and even on the
 * concept's meaning (one filer tags miner counts as CryptoAssetNumberOfUnits in unit "BTC";
 * at least one tags the coin count under USD, scaled ×1000). So every count is checked against
 * the fair value tagged for the same date: fair value ÷ count must be a bitcoin price. Pure.
 */
import type { ExtractedFactInput } from '../../model/fact.ts';
import type { CompanyFacts, XbrlObservation } from './schemas.ts';

export const XBRL_EXTRACTOR = 'edgar-xbrl';
export const XBRL_EXTRACTOR_VERSION = '0.1.0';

const COUNT_CONCEPT = 'CryptoAssetNumberOfUnits';
const FAIR_VALUE_CONCEPTS = ['CryptoAssetFairValue', 'CryptoAssetFairValueCurrent', 'CryptoAssetFairValueNoncurrent'] as const;

/** BTC/USD has traded between these bounds whenever miners have tagged crypto in XBRL (2020 on); generous on purpose. */
export const PLAUSIBLE_BTC_PRICE_USD = { min: 3_000, max: 500_000 } as const;
/** No listed miner holds anywhere near this many coins. */
const MAX_PLAUSIBLE_HOLDING_BTC = 1_000_000;

type UnitKind = 'btc' | 'ambiguous' | 'usd' | 'other';

export function classifyUnit(unit: string): UnitKind {
  const u = unit.trim().toLowerCase().replace(/^u_/, '');
  if (/^(bitcoins?|btc|xbt)$/.test(u)) return 'btc';
  if (/^(items?|units?|pure|number|integer|coins?|tokens?)$/.test(u)) return 'ambiguous';
  if (u === 'usd') return 'usd';
  return 'other';
}

export interface XbrlFactsResult {
  facts: ExtractedFactInput[];
  /** why observations were not turned into facts, one line each */
  skipped: string[];
}

/** Fair value of crypto assets per instant: the total concept, else current + noncurrent. */
function fairValueByDate(cf: CompanyFacts): Map<string, number> {
  const gaap = cf.facts['us-gaap'] ?? {};
  const pick = (concept: string) => {
    const m = new Map<string, number>();
    for (const o of gaap[concept]?.units.USD ?? []) if (!o.start) m.set(o.end, o.val);
    return m;
  };
  const [total, current, noncurrent] = FAIR_VALUE_CONCEPTS.map(pick) as [Map<string, number>, Map<string, number>, Map<string, number>];
  const out = new Map(total);
  for (const [end, v] of current) if (!out.has(end)) out.set(end, v + (noncurrent.get(end) ?? 0));
  for (const [end, v] of noncurrent) if (!out.has(end)) out.set(end, v);
  return out;
}

function plausiblePrice(fairValueUsd: number | undefined, count: number): boolean | undefined {
  if (fairValueUsd === undefined || count <= 0) return undefined;
  const price = fairValueUsd / count;
  return price >= PLAUSIBLE_BTC_PRICE_USD.min && price <= PLAUSIBLE_BTC_PRICE_USD.max;
}

interface Candidate {
  obs: XbrlObservation;
  unit: string;
  value: number;
  confidence: number;
  why: string;
}

export function companyFactsToFacts(cf: CompanyFacts): XbrlFactsResult {
  const skipped: string[] = [];
  const concept = cf.facts['us-gaap']?.[COUNT_CONCEPT];
  if (!concept) return { facts: [], skipped: [`no us-gaap:${COUNT_CONCEPT}`] };
  const fv = fairValueByDate(cf);
  const candidates: Candidate[] = [];
  for (const [unit, list] of Object.entries(concept.units)) {
    const kind = classifyUnit(unit);
    if (kind === 'other') {
      skipped.push(`unit "${unit}" is not bitcoin (${list.length} observation(s))`);
      continue;
    }
    for (const obs of list) {
      const at = `${obs.end} ${obs.val} [${unit}] ${obs.accn}`;
      // a holding is an instant; a duration count is a flow (coins or machines bought, sold, written off)
      if (obs.start && obs.start !== obs.end) {
        skipped.push(`${at}: a duration (${obs.start}..${obs.end}), not a holding`);
        continue;
      }
      const fair = fv.get(obs.end);
      let value = obs.val;
      let confidence: number;
      let why: string;
      if (kind === 'btc') {
        const ok = plausiblePrice(fair, value);
        if (ok === false) {
          skipped.push(`${at}: fair value ${fair} USD ÷ count is not a bitcoin price`);
          continue;
        }
        confidence = ok ? 0.9 : 0.75;
        why = ok ? 'unit names bitcoin; fair value ÷ count is a bitcoin price' : 'unit names bitcoin; no fair value tagged for the date to cross-check';
      } else if (kind === 'ambiguous') {
        const ok = plausiblePrice(fair, value);
        if (ok === false) {
          skipped.push(`${at}: generic unit and fair value ÷ count is not a bitcoin price`);
          continue;
        }
        confidence = ok ? 0.7 : 0.4;
        why = ok ? `generic unit "${unit}"; fair value ÷ count is a bitcoin price` : `generic unit "${unit}" and no fair value to cross-check`;
      } else {
        // a count tagged as USD: only believable when a fair value proves the scale
        const scaled = value / 1000;
        if (plausiblePrice(fair, scaled)) {
          value = scaled;
          confidence = 0.5;
          why = 'count tagged in USD ×1000; divided by 1,000 because fair value ÷ that count is a bitcoin price';
        } else if (plausiblePrice(fair, value)) {
          confidence = 0.45;
          why = 'count tagged in USD; fair value ÷ count is a bitcoin price';
        } else {
          skipped.push(`${at}: tagged in USD and no fair value makes it a coin count`);
          continue;
        }
      }
      if (value <= 0 || value > MAX_PLAUSIBLE_HOLDING_BTC) {
        skipped.push(`${at}: ${value} BTC is outside plausible holdings`);
        continue;
      }
      candidates.push({ obs, unit, value, confidence, why });
    }
  }
  // the same instant is repeated by every later filing; keep the latest filed, and doubt it when filings disagree
  const byDate = new Map<string, Candidate[]>();
  for (const c of candidates) byDate.set(c.obs.end, [...(byDate.get(c.obs.end) ?? []), c]);
  const facts: ExtractedFactInput[] = [];
  for (const [end, list] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => a.obs.filed.localeCompare(b.obs.filed) || a.obs.accn.localeCompare(b.obs.accn));
    const best = list[list.length - 1]!;
    const values = [...new Set(list.map((c) => c.value))];
    const disagree = values.length > 1;
    const filings = [...new Set(list.map((c) => `${c.obs.form} ${c.obs.accn} filed ${c.obs.filed}`))];
    facts.push({
      metric: 'btc_held',
      value: best.value,
      unit: 'BTC',
      asOf: end,
      snippet: `us-gaap:${COUNT_CONCEPT} = ${best.obs.val} [${best.unit}] as of ${end} (${best.obs.form} ${best.obs.accn}, filed ${best.obs.filed})`,
      locator: { kind: 'xbrl', concept: `us-gaap:${COUNT_CONCEPT}` },
      extractor: XBRL_EXTRACTOR,
      extractorVersion: XBRL_EXTRACTOR_VERSION,
      confidence: disagree ? Math.min(best.confidence, 0.45) : best.confidence,
      notes: [best.why, disagree ? `filings disagree: ${values.join(' vs ')}` : '', `tagged in: ${filings.join('; ')}`]
        .filter(Boolean)
        .join('. '),
    });
  }
  return { facts, skipped };
}
