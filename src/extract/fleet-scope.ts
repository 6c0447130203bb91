import type { Company } from '../model/company.ts';
import type { Env } from './_candidate.ts';

/**
 * Whether a capacity figure in a sentence (hashrate, power, power price, efficiency) or a count of
 * coins is the company's fleet's: one site's, a batch of machines, customers' machines, a peak or a plan-sized
 * fleet are not. Each rule reads a window of the sentence before or after the figure; a rule
 * either drops the figure or keeps it below 0.5 with its reason. Pure: text and offsets in.
 */

export interface Span {
  start: number;
  end: number;
}

interface ScopeRule {
  kinds: readonly string[];
  test: (s: string, m: Span, clause: Span, env: Env) => boolean;
  /** absent: the figure is dropped; else it is kept at or below `max`, with `note` */
  cap?: { max: number; note: string };
}

export interface ScopeVerdict {
  drop: boolean;
  caps: { max: number; note: string }[];
}

const CAPACITY = ['hashrate', 'mw'] as const;
/** the text before the figure, at most `n` characters, not past the clause start when `inClause` */
const before = (s: string, m: Span, n: number, clause?: Span) => s.slice(Math.max(clause ? clause.start : 0, m.start - n), m.start);
const after = (s: string, m: Span, n: number) => s.slice(m.end, m.end + n);

/** "Rockdale … running in Abu Dhabi": a place named right after an "online/operating in|at" */
const SITE_AFTER = /^\s*(?:of\s+(?:hash\s?rate|capacity)\s+)?(?:online|operating|operational|energized|deployed|installed|running|live)\s+(?:in|at)\s+(?:the\s+)?(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|Q[1-4]\b|FY|Fiscal\b|First\b|Second\b|Third\b|Fourth\b|The\b|Year\b|Month\b)[A-Z][a-z]{2,}/;
/** "20.1 EH/s, consisting of 19.1 EH/s self-mining and …": a total split into parts after it */
const TOTAL_OF_PARTS = /^\s*,?\s*\(?(?:consisting of|comprised of|comprising|made up of|of which|split between|split into|including)\b/i;

/** A place right before the metric words: "U.S. average operational hash rate", "Alberta capacity". */
const REGION_SCOPE = /\b(?:U\.S\.|US|United States|North American|Canadian|Canada|Texas|Paraguay|Bhutan|Ethiopia|Norway|Alberta|Quebec|Québec|Oman|UAE|Abu Dhabi)\s+(?:(?:average|avg\.?|operational|operating|installed|deployed|energized|self-mining|mining|realized)\s+){0,3}(?:hash\s?rate|capacity)\b(?:[^.;]|\.(?=\d))*$/;

const siteRes = new WeakMap<readonly Company[], RegExp | null>();
/** The registry's site names, as one pattern (cached per registry). */
function sitePattern(companies: readonly Company[]): RegExp | null {
  let re = siteRes.get(companies);
  if (re === undefined) {
    const names = companies.flatMap((c) => c.sites ?? []).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = names.length ? new RegExp(`\\b(?:${names.join('|')})\\b`, 'g') : null;
    siteRes.set(companies, re);
  }
  return re;
}

/** A registry site named in `text`, with no total, fleet or company word between it and the figure. */
function siteNamedBefore(text: string, env: Env): boolean {
  const re = sitePattern(env.companies);
  if (!re) return false;
  re.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let hit = re.exec(text); hit; hit = re.exec(text)) last = hit;
  if (!last) return false;
  const between = text.slice(last.index + last[0].length);
  if (/\b(?:total|fleet|company|company-wide|overall|combined|aggregate|consolidated|group|self-mining|across|portfolio|we|our)\b/i.test(between)) return false;
  return !(env.company && env.company.aliases.concat(env.company.name).some((a) => between.includes(a)));
}

/** A registry site named soon after the figure ("1.3 EH/s running at its facility in Alborz"), with no total or company word before it. */
function siteNamedAfter(text: string, env: Env): boolean {
  const re = sitePattern(env.companies);
  if (!re) return false;
  re.lastIndex = 0;
  const first = re.exec(text);
  if (!first) return false;
  const between = text.slice(0, first.index);
  if (/\b(?:total|fleet|company|company-wide|overall|combined|aggregate|consolidated|group|across|portfolio|including|and)\b/i.test(between)) return false;
  // the figure's own words place it: "running at its 40 megawatt facility in", not "through upgrades of its site in"
  return /^\s*(?:\([^)]{1,12}\)\s*)?(?:of\s+hash\s?rate\s+)?(?:running|operating|online|energized|deployed|installed|hashing)\s+(?:at|in)\b[^,;.]{0,50}$/i.test(between);
}

const RULES: readonly ScopeRule[] = [
  // "capacity at the Lake Mariner Facility is 8.8 EH/s"
  {
    kinds: CAPACITY,
    test: (s, m) => /\b(?:at|of)\s+(?:the\s+|its\s+|our\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:Facility|Site|Campus|Data Cent(?:er|re)|Mine|Farm|Plant)\b[^.;$\d]{0,25}$/.test(before(s, m, 90)),
    cap: { max: 0.4, note: 'one site’s figure' },
  },
  // "agreed to buy a stake in an 80-megawatt site in Ethiopia, with an electricity cost of around 3.6 cents"
  {
    kinds: ['kwh', 'mw', 'hashrate'],
    test: (s, m) => /\b(?:acquir\w*|purchas\w*|buy(?:s|ing)?)\b[^.;]{0,60}\b(?:stake|site|facility|data cent(?:er|re)|campus)\b/i.test(before(s, m, 200)),
    cap: { max: 0.4, note: 'a site being bought' },
  },
  // "a peak overall hash rate of 28.1 EH/s during the month": the month's high, not its level
  {
    kinds: ['hashrate'],
    test: (s, m, clause) => /\b(?:peak|peaked|highest|maximum|max)\b[^.;\d]{0,40}$/i.test(before(s, m, 45, clause)),
    cap: { max: 0.4, note: 'a peak within the period, not a level' },
  },
  // "two hosting agreements totaling 20,000 miners …, supporting approximately 4 EH/s"
  {
    kinds: CAPACITY,
    test: (s, m, clause) => /\b(?:hosting|colocation|co-location)\s+(?:agreements?|contracts?|deals?|customers?|clients?|arrangements?)\b/i.test(before(s, m, 140, clause)),
    cap: { max: 0.4, note: 'hosting customers’ machines' },
  },
  // "Canal Flats achieved a record 870 PH/s": a sentence that names one of the registry's sites
  // before the figure, and no total or company, speaks of that site
  { kinds: CAPACITY, test: (s, m, clause, env) => siteNamedBefore(before(s, m, 120, clause), env), cap: { max: 0.4, note: 'a named site’s figure' } },
  // "20.1 EH/s, consisting of 19.1 EH/s self-mining and 1.0 EH/s hosting": the total over the
  // company's and its customers' machines; the self-mining part is the company's figure
  {
    kinds: ['hashrate'],
    test: (s, m, clause) => TOTAL_OF_PARTS.test(after(s, m, 30)) && /\b(?:hosting|hosted|colocat\w*|customers?)\b/i.test(s.slice(m.end, Math.min(clause.end, m.end + 160))),
    cap: { max: 0.4, note: 'a total over self-mining and hosted machines' },
  },
  // "32,000 miners (c. 3.2 EH/s) energized in October": the batch added, not the fleet
  { kinds: ['hashrate'], test: (s, m) => /\b[\d,]+\s+(?:(?:bitcoin|btc|asic|mining)\s+)?(?:miners|machines|servers|asics|units|rigs)\s*\(\s*(?:c\.|ca\.|~|approx\.?|approximately|about)?\s*$/i.test(before(s, m, 50)) },
  // "approximately 40,000 [miners], representing 3.9 exahashes per second"
  { kinds: ['hashrate'], test: (s, m) => /\b(?:miners|machines|rigs|units|servers|asics)\b[^.;]{0,90}\brepresenting\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(before(s, m, 140)) },
  // "New 10.5 EH/s purchase of S21 XP miners", "a 5 EH/s order": machines bought
  { kinds: ['hashrate'], test: (s, m) => /^\s*(?:of\s+(?:new\s+)?)?(?:purchases?|orders?|acquisitions?|shipments?|deliver(?:y|ies)|batch)\b/i.test(after(s, m, 30)) },
  // "15 J/TH at 30 EH/s": the efficiency, and the size, of a fleet that would be
  { kinds: ['efficiency'], test: (s, m) => /^\s*(?:efficiency\s+)?at\s+(?:~\s*)?[\d.,]+\s*(?:eh\/s|exahash)/i.test(after(s, m, 30)) },
  { kinds: ['hashrate'], test: (s, m) => /(?:j\/th|w\/th)\s*(?:efficiency\s+)?at\s+(?:~\s*)?$/i.test(before(s, m, 25)) },
  // "increased to 40 EH/s mid-month": a level on a day the release does not give
  { kinds: ['hashrate', 'efficiency', 'mw'], test: (s, m) => /^\s*(?:in\s+)?(?:the\s+)?mid[- ](?:month|quarter|year)\b/i.test(after(s, m, 25)) },
  // "a ~15 EH/s colocation partnership": customers' machines
  { kinds: CAPACITY, test: (s, m) => /^\s*(?:of\s+)?(?:colocation|co-location|colocated|hosting|hosted)\b/i.test(after(s, m, 30)) },
  // "progress continued in Abu Dhabi where we now have 2.7 exahashes online": a place's figure
  {
    kinds: CAPACITY,
    test: (s, m, clause) => /\b(?:in|at)\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?,?\s+where\b(?:[^.;]|\.(?=\d))*$/.test(before(s, m, 80, clause)),
    cap: { max: 0.4, note: 'a place named before it: a site figure' },
  },
  // "The US operational hash rate rose … to 19.1 exahashes", "its Alberta capacity from 2.44 EH/s":
  // one country's or region's figure, not the fleet's
  {
    kinds: CAPACITY,
    test: (s, m) => REGION_SCOPE.test(before(s, m, 90)),
    cap: { max: 0.4, note: 'one country’s or region’s figure' },
  },
  // "2.3 exahashes online in Abu Dhabi": one place's figure
  { kinds: CAPACITY, test: (s, m) => SITE_AFTER.test(after(s, m, 50)), cap: { max: 0.4, note: 'a place named right after it: a site figure' } },
  { kinds: CAPACITY, test: (s, m, _clause, env) => siteNamedAfter(after(s, m, 70), env), cap: { max: 0.4, note: 'a named site right after it: a site figure' } },
  // "Our new joint venture in Paraguay … reaching 0.3 exahash": the venture's fleet, not the company's
  { kinds: CAPACITY, test: (s, m) => /\bjoint[- ]ventures?\b(?:[^.;]|\.(?=\d)){0,80}$/i.test(before(s, m, 100)) && !/\b(?:total|including|includes|share\s+of)\b/i.test(before(s, m, 100)), cap: { max: 0.4, note: 'a joint venture’s figure' } },
  // "2.96 c/kWh Childress electricity cost": a power price named by one of the registry's sites
  { kinds: ['kwh'], test: (s, m, _clause, env) => siteNamedBefore(`${after(s, m, 30).split(/[.;,]/)[0] ?? ''}`, env) || siteNamedBefore(before(s, m, 60), env), cap: { max: 0.4, note: 'a named site’s power price' } },
  // "to 7.3 EH/s from 3.8 EH/s in its Bhutan mining datacenter": a named facility's figure
  {
    kinds: CAPACITY,
    test: (s, m) => /^(?:[^.;]|\.(?=\d)){0,40}?\b(?:in|at)\s+(?:its|our|the|their)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+(?:mining\s+)?(?:data\s?cent(?:er|re)|datacent(?:er|re)|facility|site|campus|farm)\b/.test(after(s, m, 110)),
    cap: { max: 0.4, note: 'a named facility right after it: a site figure' },
  },
  // "Self-mined 442 bitcoin at the Lake Mariner Facility" beside "555 bitcoin across the Lake
  // Mariner and Nautilus facilities": one facility's coins, not the company's
  {
    kinds: ['btc'],
    test: (s, m) => /^\s*(?:bitcoins?|btc)?\s*(?:(?:were|was)\s+)?(?:(?:self-)?mined\s+|produced\s+)?(?:at|from|in)\s+(?:the\s+|its\s+|our\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:Facility|Site|Campus|Data Cent(?:er|re)|Mine|Farm)\b/.test(after(s, m, 90)),
    cap: { max: 0.4, note: 'one facility’s coins' },
  },
];

/** The rules' verdict on one figure of `kind` at `m` in sentence `s`. */
export function fleetScope(kind: string, s: string, m: Span, clause: Span, env: Env): ScopeVerdict {
  const caps: ScopeVerdict['caps'] = [];
  for (const rule of RULES) {
    if (!rule.kinds.includes(kind) || !rule.test(s, m, clause, env)) continue;
    if (!rule.cap) return { drop: true, caps };
    caps.push(rule.cap);
  }
  return { drop: false, caps };
}
