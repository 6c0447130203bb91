import { LABEL_RULES, NOT_OWN, SEGMENT_OK, type LabelRule } from './rules.ts';

/**
 * Row labels as printed carry footnote markers ("Bitcoin Held 2", "Hash Rate (1)(3)"), units in
 * parentheses and site suffixes ("- Rockdale"). `normalizeLabel` keeps the words; `classifyLabel`
 * returns the rule for a company-wide figure, or undefined for a site/segment row or another
 * party's coins.
 */
export function normalizeLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\((\d{1,2}|[a-z]|[ivx]{1,3}|\*+)\)/g, ' ')
    .replace(/[*†‡§]+/g, ' ')
    // trailing footnote digits: "held 2", "kentucky 2,3", "total4"
    .replace(/(?<=[a-z)])\s*\d{1,2}(?:\s*,\s*\d{1,2})*\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Segment parts after " - " that name a site or business line (not "Total", not a unit). */
export function isSegmentRow(norm: string): boolean {
  const parts = norm.split(/\s+[-–—]\s+/).slice(1);
  return parts.some((p) => {
    const q = p.replace(/\(.*?\)/g, '').trim();
    if (!q) return false;
    if (SEGMENT_OK.test(q)) return false;
    // parts that are themselves metric wording ("direct energy cost") are qualifiers, not sites
    if (/cost|price|proceeds|rate|mined|held|sold|revenue|bitcoin|btc|depreciation|energy|excluding|including/.test(q)) return false;
    return true;
  });
}

/** "Month end operating EH/s", "Average operating EH/s": the unit stands for the hash rate it measures */
const UNIT_AS_NOUN = /(^|[^/\w.]\s*)((?:month[- ]end\s+|average\s+|avg\.?\s+)?(?:operating|operational|installed|deployed|energized|average|avg\.?))\s+((?:eh|ph)\/s)\b/;

export function classifyLabel(label: string, aliasRules: readonly LabelRule[] = []): { rule: LabelRule; norm: string } | undefined {
  let norm = normalizeLabel(label);
  if (!/hash\s?rate|\/\s*(?:avg|average)/.test(norm)) norm = norm.replace(UNIT_AS_NOUN, '$1$2 hash rate $3');
  if (!norm || norm.length > 220) return undefined;
  for (const rule of [...aliasRules, ...LABEL_RULES]) {
    if (!rule.match.test(norm)) continue;
    if (rule.exclude?.test(norm)) continue;
    if (NOT_OWN.test(norm)) return undefined;
    if (/\bhosted facilities\b/.test(norm)) return undefined;
    if (isSegmentRow(norm)) return undefined;
    return { rule, norm };
  }
  return undefined;
}

/** Registry labelAliases (metric → phrases) as rules that win over the defaults. */
export function aliasRulesFrom(aliases: Record<string, string[]> | undefined, kindOf: (metric: string) => LabelRule['value'] | undefined): LabelRule[] {
  const out: LabelRule[] = [];
  for (const [metric, phrases] of Object.entries(aliases ?? {})) {
    const value = kindOf(metric);
    if (!value) continue;
    for (const phrase of phrases) {
      // "=self-mining": the whole label (a sub-row "- Self-mining" under a hash rate heading), not a
      // word inside another label ("Self-mining revenue")
      const whole = phrase.startsWith('=');
      const words = (whole ? phrase.slice(1) : phrase).toLowerCase();
      const esc = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      out.push({ metric: metric as LabelRule['metric'], value, match: whole ? new RegExp(`^(?:[-–—•·]\\s*)?${esc}$`) : new RegExp(`\\b${esc}\\b`), phrase: words });
    }
  }
  return out;
}
