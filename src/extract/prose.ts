import type { ParsedDocument } from '../model/parsed.ts';
import { metricKind, type Metric } from '../model/metrics.ts';
import { lastDayOfMonth } from '../model/period.ts';
import { dateOpts, fitPeriod, resolveYtd, type Candidate, type Env } from './_candidate.ts';
import { sentenceLead, type CompanyMatcher } from './attribution.ts';
import { fleetScope } from './fleet-scope.ts';
import { findDates, findPeriods, listedDates, MONTH_RE_SRC, notAPeriod, periodEnd, relativeDayHits, samePeriodHits, spanPeriod, UNANCHORED, type Period, type PeriodHit } from './dates.ts';
import { classifyLabel } from './labels.ts';
import { parseNumber, tidy } from './numbers.ts';
import { CLAUSE_RESUME, COMPARISON_SPLIT, DELTA_BEFORE, FORWARD_LOOKING, NOT_OWN, PROSE_BTC_KEYWORDS, PROSE_NOT_SELF_MINED, SCOPE_NOT_OWN } from './rules.ts';
import type { LabelRule } from './rules.ts';
import { readCell, hashrateBasisWord } from './tables.ts';
import { moneyScale } from './units.ts';

/**
 * Prose: sentences are cut into clauses at comparisons ("as compared to", "up from"); each
 * figure with a unit (BTC, EH/s, J/TH, MW, $, ¢/kWh) is classified by the nearest metric words
 * around it, and takes the nearest period phrase of its own clause. Figures in a comparison
 * clause without their own period, deltas ("an increase of"), plans ("expected to reach") and
 * other parties' coins (hosting customers, the network) are dropped.
 */

type MentionKind = 'btc' | 'hashrate' | 'efficiency' | 'mw' | 'usd' | 'kwh';

interface Mention {
  kind: MentionKind;
  value: number;
  start: number;
  end: number;
  raw: string;
  approximate: boolean;
  /** "per bitcoin" follows a dollar figure */
  perBtc?: boolean;
  unitText: string;
  /** a bare number set against the figure before it ("…, while in August it stopped at 322"): same metric */
  sameAsPrev?: true;
}

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const MENTION_RE = new RegExp(
  String.raw`(?<![\w.,$])(?:(~|≈)\s*)?(\(?(?:US\$|C\$|\$)\s*)?(${NUM})\s*(?:(thousand|million|billion|mn|bn|k|m|b)\b)?\s*` +
    String.raw`(bitcoins?|btc|eh\/s|exahash(?:es)?(?:\s*(?:per|\/)\s*s(?:ec(?:ond)?)?\b)?|eh\b|ehum\b|ph\/s|petahash(?:es)?(?:\s*(?:per|\/)\s*s(?:ec(?:ond)?)?\b)?|j\/th|w\/th|joules?\s+per\s+tera[- ]?hash|watts?\s+per\s+tera[- ]?hash|mw\b|megawatts?|gw\b|gigawatts?|(?:[¢c]|cents?)\s*(?:\/|per)\s*(?:kwh|kilowatt[- ]hours?)|per\s+(?:kwh|kilowatt[- ]hours?)|\/kwh|\/\s*mwh|per\s+mwh|%|percent)?`,
  'gi',
);

// … and "cut energy costs per kilowatt-hour by 21%, from $0.040 …"
const PRICE_UNIT_BEFORE = /\b(?:costs?|prices?)\s+per\s+(mwh|kwh|megawatt[- ]hours?|kilowatt[- ]hours?)\s*(?:(?:decreas\w*|increas\w*|fell|rose|dropped|declined|improved|reduced|cut|lowered)\s+)?(?:by\s+\d+(?:\.\d+)?\s?%\s*,?\s*)?(?:from\s+|to\s+)?(?:of|was|were|at|stood at|:)?\s*(?:approximately\s+|about\s+|~\s*)?\(?$/i;

const BTC_NOT_COIN = /^\s*(equal\b|miners?|mining\s+(machines|rigs|equipment|servers|units|facilit|operations|sites?|data)|machines|rigs|atms?|price|per\b|\/|network|blocks?|address|etf|options?|futures|equivalent)/i;

const NUM_RE = new RegExp(NUM);
const NUM_ALL = new RegExp(NUM, 'g');
const RESPECTIVELY_LIST = new RegExp(String.raw`(?<![\w.,$])((?:${NUM}\s*,\s*)*${NUM})\s*,?\s+and\s+(?:approximately\s+|about\s+|~\s*)?$`);
// … and "mined 406 BTC, sold none of its production"
const ZERO_SOLD = /\b(?:no|zero)(?=\s+(?:bitcoins?|btc)\s+(?:was|were|has\s+been|have\s+been)\s+sold\b)|(?<=\bsold\s+)none(?=\s+of\s+(?:its|our|their|the)\s+(?:(?:bitcoin|btc)\s+)?(?:production|bitcoins?|btc|output|coins)\b)|(?<=\b(?:did\s+not|didn['’]t)\s+sell\s+)any(?=\s+(?:of\s+(?:its|our|their)\s+)?(?:bitcoins?|btc)\b(?!\s+(?:miners?|mining\s+(?:machines|rigs|equipment))))/gi;
/** "reducing its holdings to zero": a treasury emptied, stated in words ("zero" is the figure) */
const ZERO_HELD = /(?<=\b(?:(?:bitcoin|btc)\s+)?(?:holdings|treasury|reserves?|balance)\s+(?:of\s+(?:bitcoins?|btc)\s+)?(?:down\s+)?to\s+)zero\b(?!\s*[-–]?\s*(?:debt|cost|fees?|emissions?|carbon|percent|%))/gi;

/** "sold approximately eight bitcoin in March": a small count written as a word, after a verb of
 * mining, selling or buying (not "the cost to mine one bitcoin") */
const WORD_COUNT = /(?<=\b(?:sold|sells|mined|produced|bought|purchased|acquired)\s+(?:approximately\s+|about\s+|roughly\s+|only\s+|just\s+|some\s+)?)(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)(?=\s+(?:bitcoins?|btc)\b(?!\s+(?:miners?|mining\s+(?:machines|rigs|equipment))))/gi;
const WORD_VALUES: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20 };

/** A block without digits may still state a figure in words: "no bitcoin was sold", "holdings to zero", "sold eight bitcoin". */
function figureInWords(text: string): boolean {
  WORD_COUNT.lastIndex = 0;
  if (WORD_COUNT.test(text)) return true;
  ZERO_SOLD.lastIndex = 0;
  ZERO_HELD.lastIndex = 0;
  return ZERO_SOLD.test(text) || ZERO_HELD.test(text);
}

export function findMentions(s: string): Mention[] {
  const out: Mention[] = [];
  // once per text, not once per bare number: a flattened table is one very long "sentence"
  let aboutBtc: boolean | undefined;
  const mentionsBtc = () => (aboutBtc ??= /\b(bitcoins?|btc)\b/i.test(s));
  MENTION_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MENTION_RE.exec(s))) {
    const [all, approx, cur, numText, scaleWord, unitRaw] = m;
    const unit = (unitRaw ?? '').toLowerCase();
    if (unit === '%' || unit === 'percent') continue;
    // years and dates are not figures ("January 2026 Bitcoin Production")
    if (!cur && /^(19|20)\d\d$/.test(numText!) && (!unit || /(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*$|\b(fy|q[1-4]|year|fiscal|quarter|of|in)\s*$/i.test(s.slice(Math.max(0, m.index - 12), m.index)))) continue;
    // "to 7. 8 EH/s": a decimal a scraper broke with a space; the figure cannot be told
    if (/\d\.[ \t]$/.test(s.slice(Math.max(0, m.index - 3), m.index))) continue;
    const scaleText = (scaleWord ?? '').toLowerCase();
    // "m"/"b"/"k" alone are scale words only right after a currency figure
    if (scaleText && !cur && ['m', 'b', 'k'].includes(scaleText) && !unit) continue;
    // "C$25,900": an amount in Canadian dollars is not a USD figure (the USD one is usually beside it)
    if (cur && /C\$/.test(cur)) continue;
    const parsed = parseNumber(`${cur ?? ''}${numText}${scaleText ? ` ${scaleText}` : ''}`.replace(/^\(/, ''));
    if (!parsed) continue;
    const after = s.slice(m.index + all.length, m.index + all.length + 40);
    let kind: MentionKind | undefined;
    if (!unit && !cur) {
      const bare = bareKind(s, m.index, m.index + all.length, out, mentionsBtc);
      if (!bare) continue;
      out.push({ ...bare, value: tidy(bare.value === 1 ? parsed.value : parsed.value * bare.value), start: m.index, end: m.index + all.length, raw: all, approximate: !!approx || parsed.approximate });
      continue;
    }
    if (/^(bitcoins?|btc)$/.test(unit)) {
      if (BTC_NOT_COIN.test(after)) continue;
      kind = 'btc';
    } else if (/^(eh\/s|exahash|eh$|ehum$|ph\/s|petahash)/.test(unit)) kind = 'hashrate';
    else if (/j\/th|w\/th|tera[- ]?hash/.test(unit)) kind = 'efficiency';
    else if (/kwh|kilowatt/.test(unit)) kind = 'kwh';
    else if (/mwh/.test(unit)) {
      // "$38/MWh" is a power price; "8,774 MWh" curtailed is an amount of energy
      if (!cur) continue;
      kind = 'kwh';
    }
    else if (/^(mw|megawatt|gw|gigawatt)/.test(unit)) kind = 'mw';
    else if (cur) {
      kind = 'usd';
      // … and "$44 million, or $22,000 each" after a sale (a scaled amount "each" is not per coin)
      // ("per Bitcoin2": a footnote's digit glued to the word)
      if (/^\s*(?:per|\/|a|each)\s*(bitcoin|btc|coin)(?:\b|(?=\d{1,2}\b))/i.test(after) || (!scaleText && /^\s*(?:each|apiece)\b/i.test(after))) {
        out.push({ kind, value: parsed.value, start: m.index, end: m.index + all.length, raw: all, approximate: !!approx || parsed.approximate, perBtc: true, unitText: unit });
        continue;
      }
      if (/^\s*(?:per|\/)\s*kwh/i.test(after)) kind = 'kwh';
      const prev = out[out.length - 1];
      // "rising to $22,954 per BTC in Q2 2024 from $6,688 in the previous year": the compared amount is per coin too
      if (kind === 'usd' && prev?.kind === 'usd' && prev.perBtc && !scaleText && m.index - prev.end < 80 && /^\s*(?:(?:per|\/|a|each)\s*(?:bitcoin|btc|coin)\s*)?(?:(?:in|for|during)\s+[\w ,'’-]{1,25}?\s*)?(?:,\s*)?(?:(?:up|down)\s+from|from|compared\s+(?:to|with)|versus|vs\.?)\s+(?:approximately\s+|about\s+|~\s*)?\(?$/i.test(s.slice(prev.end, m.index)) && !/^\s*(?:million|billion|thousand|[kmb]\b)/i.test(after)) {
        out.push({ kind, value: parsed.value, start: m.index, end: m.index + all.length, raw: all, approximate: !!approx || parsed.approximate, perBtc: true, unitText: unit });
        continue;
      }
      // "from $0.040 in Q1 2024 to $0.032 in Q2 2024": the figure moved to shares the unit of the one moved from
      if (kind === 'usd' && prev?.kind === 'kwh' && !scaleText && /^\s*(?:(?:in|during|for|at)\s+[\w ,'’-]{1,25}?\s+)?to\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(s.slice(prev.end, m.index))) {
        out.push({ kind: 'kwh', value: prev.unitText === 'per mwh' || prev.unitText.startsWith('per megawatt') ? tidy(parsed.value / 1000) : parsed.value, start: m.index, end: m.index + all.length, raw: all, approximate: !!approx || parsed.approximate, unitText: prev.unitText });
        continue;
      }
    }
    if (!kind) continue;
    let value = parsed.value;
    // "energy cost per MWh of $28.83": the unit named before the figure
    const unitBefore = kind === 'usd' && !/^\s*(?:thousand|million|billion|mn|bn|[kmb])\b/i.test(scaleText) ? PRICE_UNIT_BEFORE.exec(s.slice(Math.max(0, m.index - 60), m.index)) : null;
    if (unitBefore) {
      out.push({ kind: 'kwh', value: tidy(/^m/i.test(unitBefore[1]!) ? value / 1000 : value), start: m.index, end: m.index + all.length, raw: all, approximate: !!approx || parsed.approximate, unitText: `per ${unitBefore[1]!.toLowerCase()}` });
      continue;
    }
    if (kind === 'hashrate') value = /^ph|petahash/.test(unit) ? value / 1000 : value;
    if (kind === 'kwh') value = /mwh/.test(unit) ? value / 1000 : /[¢c]|cent/.test(unit) && !cur ? value / 100 : value;
    if (kind === 'mw' && /^g/.test(unit)) value *= 1000;
    out.push({ kind, value: tidy(value), start: m.index, end: m.index + all.length, raw: all, approximate: !!approx || parsed.approximate, unitText: unit });
  }
  // "no bitcoins were sold during the month": a sale of zero, stated in words
  ZERO_SOLD.lastIndex = 0;
  let z: RegExpExecArray | null;
  while ((z = ZERO_SOLD.exec(s))) out.push({ kind: 'btc', value: 0, start: z.index, end: z.index + z[0].length, raw: z[0], approximate: false, unitText: 'btc' });
  ZERO_HELD.lastIndex = 0;
  if (mentionsBtc()) while ((z = ZERO_HELD.exec(s))) out.push({ kind: 'btc', value: 0, start: z.index, end: z.index + z[0].length, raw: z[0], approximate: false, unitText: 'btc' });
  WORD_COUNT.lastIndex = 0;
  while ((z = WORD_COUNT.exec(s))) {
    // "approximately eight bitcoin": the word says how many, the unit follows
    const unitLen = /^\s+(?:bitcoins?|btc)\b/i.exec(s.slice(z.index + z[0].length))?.[0].length ?? 0;
    out.push({ kind: 'btc', value: WORD_VALUES[z[0].toLowerCase()]!, start: z.index, end: z.index + z[0].length + unitLen, raw: s.slice(z.index, z.index + z[0].length + unitLen), approximate: /approximately|about|roughly|some/i.test(s.slice(Math.max(0, z.index - 15), z.index)), unitText: 'btc' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** What a bare number taking another figure's unit is multiplied by ("from 900 PH/s to 1,100" is EH/s ×1e-3). */
function unitFactor(m: Mention): number {
  return m.kind === 'hashrate' && /^ph|petahash/.test(m.unitText) ? 1e-3 : m.kind === 'mw' && /^g/.test(m.unitText) ? 1000 : 1;
}

/**
 * A number printed without a unit that the words around it make a figure of a known kind:
 * "Bitcoins in October, down from 616.6 in September" (the compared figure takes the unit of
 * the one it is compared with), "holdings increased to 6,412.6 by the end of the month",
 * "BTC and ETH were 553.2 and 9,900.9", "sold 445 coins", "345 Self-Mined Bitcoin".
 * `value` is the factor to apply to the printed number.
 */
function bareKind(s: string, start: number, end: number, prev: readonly Mention[], mentionsBtc: () => boolean): { kind: MentionKind; value: number; unitText: string; sameAsPrev?: true } | undefined {
  const before = s.slice(Math.max(0, start - 90), start);
  const after = s.slice(end, end + 60);
  // a count of something else or a share: "445 machines", "20.5%"
  if (/^\s*(%|percent|x\b|times|per\b|\/|-|–)/i.test(after)) return undefined;
  const aboutBtc = mentionsBtc();
  if (/^\s*(?:in\s+)?[“"]?(?:self[- ]mined|mined|newly[- ](?:mined|minted)|total|restricted|unrestricted|pledged|encumbered|unencumbered)\s+[“"]?(?:bitcoins?|btc)\b/i.test(after)) return { kind: 'btc', value: 1, unitText: 'btc' };
  if (aboutBtc && /^\s*(?:(?:self[- ]mined|mined|newly[- ]mined)\s+)?coins?\b/i.test(after)) return { kind: 'btc', value: 1, unitText: 'btc' };
  if (/\b(?:btc|bitcoin)\s+and\s+(?:eth|ether|ethereum|wbtc|wrapped\s+bitcoin)\s+(?:holdings\s+)?(?:were|was|are|of|totall?ed|stood\s+at|have\s+been|had\s+been|:)\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(before) && /^\s*(?:and|,)\s*\d/.test(after)) {
    return { kind: 'btc', value: 1, unitText: 'btc' };
  }
  // what follows must not name another unit ("616.6 in September" yes, "616 miners" no)
  // … nor a range ("9,086 to 10,000"); "holdings to 9,086 to hedge against …" is the figure
  // … nor "330 from 982", the figure compared with after it
  const tailOk = /^\s*(?:$|[,.;)]|(?:in|by|as|at|on|for|during|last|the|a|an|up|down|compared|versus|vs|with|including|excluding|valued|worth)\b|to\s+(?![\d$~])[a-z]|from\s+(?:approximately\s+|about\s+|~\s*)?\d)/i.test(after);
  // dates may stand between ("balance held in reserve as of February 28th stood at 7,243"), other figures may not
  // … and so may quarters and years ("Bitcoin holdings increased 13.3% in Q3 to 8,388")
  const beforeNoDates = before.replace(new RegExp(`\\b${MONTH_RE_SRC}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\b(?:[QH][1-4]|FY)\\s?(?:(?:19|20)?\\d\\d)?\\b|\\b(?:19|20)\\d\\d\\b`, 'gi'), ' ');
  // "Bitcoin holdings increased 14.6% to 7,406", "treasury holdings of BTC were 808.2"
  // "Bitcoin (BTC-USD) holdings totaled 10,670": a ticker in parentheses may stand between
  if (aboutBtc && tailOk && (/\b(?:bitcoin|btc)\s+(?:\([A-Z-]{2,10}\)\s+)?(?:holdings?|balance|treasury|reserves?|production|output|mined)\b(?:[^.$%\d]|\d+(?:\.\d+)?\s?%){0,60}\b(?:to|of|at|was|were|is|are|totall?(?:ed|ing)|reached|stood\s+at|now\s+at)\s+(?:approximately\s+|about\s+|~\s*)?(?:a\s+(?:new\s+)?record(?:\s+high)?(?:\s+of)?\s+)?$/i.test(beforeNoDates) || /\b(?:holdings?|treasury|reserves?|balance)\s+of\s+(?:bitcoin|btc)\s+(?:were|was|stood\s+at|totall?ed|amounted\s+to)\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(beforeNoDates))) {
    return { kind: 'btc', value: 1, unitText: 'btc' };
  }
  // "Bitcoin production was down sequentially from 1,259 in the first quarter": the level moved
  // from, with the period it belongs to right after it
  if (aboutBtc && /\b(?:bitcoin|btc)\s+(?:holdings?|production|output)\s+(?:was|were|is|are|has\s+been)?\s*(?:down|up|lower|higher)\s+(?:(?:sequentially|slightly|sharply|significantly)\s+)?from\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(beforeNoDates) && /^\s*(?:in|during|for)\s+(?:the\s+)?(?:previous|prior|first|second|third|fourth|q[1-4]\b|[a-z]+\s+(?:19|20)\d\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/i.test(after)) {
    return { kind: 'btc', value: 1, unitText: 'btc' };
  }
  // "bringing our total production for 2023 year-to-date to 4,996": a running count of coins mined
  if (aboutBtc && tailOk && /\b(?:bringing|brings|brought|taking|takes)\s+(?:our|its|their|the\s+company['’]s)\s+(?:total\s+)?(?:bitcoin\s+|btc\s+)?production\b[^.;$\d]{0,40}?\s+to\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(before.replace(/\b(?:19|20)\d\d\b/g, ' '))) {
    return { kind: 'btc', value: 1, unitText: 'btc' };
  }
  // "The sale of 3,000 BTC cuts the miner's holdings to 3,349": a holding named by whose it is
  if (aboutBtc && tailOk && /\b(?:its|their|our|the\s+(?:miner|company|firm)['’]s)\s+(?:total\s+)?(?:bitcoin\s+|btc\s+)?(?:holdings|treasury|reserves?|stack|stash)\s+(?:to|at|of|was|were|stood\s+at|totall?ed)\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(beforeNoDates)) {
    return { kind: 'btc', value: 1, unitText: 'btc' };
  }
  // "an increase of 13% in its mined bitcoin to 137 in April 2022": a mined count moved to
  if (aboutBtc && tailOk && /\b(?:its|their|the\s+company['’]s)\s+(?:self[- ])?mined\s+(?:bitcoins?|btc)\s+(?:(?:production|output)\s+)?(?:to|at|of|was|were|reached|totall?ed)\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(beforeNoDates)) {
    return { kind: 'btc', value: 1, unitText: 'btc' };
  }
  // "Total Bitcoin mined (self-mining only) of approximately 1,299": a mined count named before it
  // … and "The number of bitcoins earned was 562.9"
  // … and "The number of bitcoin mined in the quarter tumbled to 330 from 982"
  if (aboutBtc && tailOk && /\b(?:bitcoins?|btc)\s+(?:mined|produced|self[- ]mined|earned)\b(?:\s*\([^()]{0,40}\))?(?:\s+(?:in|during|for)\s+the\s+(?:month|quarter|year|period))?\s+(?:of|was|were|totall?ed|came\s+to|reached|stood\s+at|amounted\s+to|(?:tumbled|fell|dropped|declined|decreased|slumped|rose|increased|climbed|jumped|grew)\s+to)\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(beforeNoDates)) {
    return { kind: 'btc', value: 1, unitText: 'btc' };
  }
  // "the number of bitcoins held by the company as of the end of March was 2,474.8"
  // … and "bringing total coins held to 760"
  if (aboutBtc && tailOk && (/\b(?:bitcoins?|btc)\s+(?:held|on\s+hand)\b[^.$%\d]{0,60}\b(?:was|were|is|are|totall?(?:ed|ing)|stood\s+at|reached|amounted\s+to|came\s+to)\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(beforeNoDates) || /\b(?:bringing|brings|brought|taking|lifting|raising)\s+(?:its\s+|the\s+)?total\s+(?:bitcoins?|btc|coins)\s+(?:held|on\s+hand)\s+to\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(beforeNoDates))) {
    return { kind: 'btc', value: 1, unitText: 'btc' };
  }
  if (aboutBtc && /^\s+in\s+total\s+(?:bitcoin|btc)\s+holdings\b/i.test(after)) return { kind: 'btc', value: 1, unitText: 'btc' };
  const last = prev[prev.length - 1];
  // "1,060 Bitcoins were produced …, with 143 from self mining and 917 from client cloud mining":
  // the parts of a bitcoin total, named by where they came from
  if (last?.kind === 'btc' && !last.perBtc && start - last.end < 90 && !/[.;$]/.test(s.slice(last.end, start)) && /\bwith\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(before) && /^\s*(?:coming\s+)?from\s+(?:its\s+|our\s+|the\s+company['’]s\s+)?(?:own\s+)?(?:self[- ]?mining|proprietary\s+mining|own\s+mining)\b/i.test(after)) {
    return { kind: 'btc', value: 1, unitText: 'btc' };
  }
  // "from May's 493 bitcoins to June's 360": the figure moved to, named by its month, takes the unit of the one moved from
  if (tailOk && last && !last.perBtc && last.kind !== 'usd' && start - last.end < 40 && /^\s*to\s+[A-Z][a-z]+\.?['’]s\s+(?:approximately\s+|about\s+|~\s*)?$/.test(s.slice(last.end, start)) && /\bfrom\s+[A-Z][a-z]+\.?['’]s\s+(?:approximately\s+|about\s+|~\s*)?$/.test(s.slice(Math.max(0, last.start - 30), last.start))) {
    return { kind: last.kind, value: unitFactor(last), unitText: last.unitText };
  }
  // "in July it had mined 370 BTC, while in August it stopped at 322": the same count for another
  // period, set against the one before
  if (tailOk && last?.kind === 'btc' && !last.perBtc && start - last.end < 70 && /^\s*,?\s*(?:while|whereas|but)\s+(?:in|for|during)\s+[^.;$\d%]{2,25}?\s+(?:it|the\s+company|the\s+miner)\s+(?:stopped|stood|came\s+in|ended|fell|dropped|declined|rose|climbed)\s+(?:at|to)\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(s.slice(last.end, start))) {
    return { kind: 'btc', value: 1, unitText: 'btc', sameAsPrev: true };
  }
  // "mined 520 bitcoin, and sold off 185, which …": the coins sold right after coins mined
  // … "produced 1,221 bitcoins in July while selling 1,975 to pay for capital expenses"
  if (tailOk && last?.kind === 'btc' && start - last.end < 60 && /^[^.;$\d]{0,25}\b(?:sold|sold\s+off|selling|sells)\s+$/i.test(s.slice(last.end, start)) && /^\s*(?:[,.;]|$|(?:which|and|while|of\s+(?:them|those|these|it))\b|to\s+(?:pay|fund|cover|finance|meet|raise)\b)/i.test(after)) {
    return { kind: 'btc', value: 1, unitText: 'btc' };
  }
  if (tailOk && last && start - last.end < 120 && /\b(?:(?:up|down)\s+)?from\s+(?:the\s+|its\s+)?(?:just\s+|only\s+|a\s+mere\s+)?$|\b(?:compared\s+(?:to|with)|versus|vs\.?|below|above|than)\s+(?:the\s+)?(?:just\s+|only\s+)?$/i.test(before) && !/[.;]/.test(s.slice(last.end, start))) {
    if (last.kind === 'usd' || last.kind === 'kwh' || last.perBtc) return undefined;
    return { kind: last.kind, value: unitFactor(last), unitText: last.unitText };
  }
  return undefined;
}

/**
 * A footnote's definition a scraper pulled into the sentence it annotates: 'Treasury holdings1"Treasury
 * holdings" leaves out … fund. of BTC and ETH were 992.4 …'. The marker digit follows the term and the
 * definition opens by quoting that term, then runs to a period followed by the sentence's own
 * lowercase continuation. Cut out (a blank kept) so the sentence reads whole; `cuts` map positions
 * in the returned text back to the line as printed.
 */
export function cutInlineFootnotes(line: string): { text: string; cuts: { at: number; removed: number }[] } {
  const cuts: { at: number; removed: number }[] = [];
  let removedSoFar = 0;
  const text = line.replace(/([A-Za-z][A-Za-z ]{1,40}?)(\d{1,2})([“"])([A-Za-z][A-Za-z ]{1,40})([”"])(?=\s)([\s\S]{0,400}?\.)(?=\s+[a-z])/g, (all: string, term: string, _mark: string, _o: string, quoted: string, _c: string, _def: string, index: number) => {
    const t = term.trim().toLowerCase();
    const q = quoted.trim().toLowerCase();
    if (!t.endsWith(q) && !q.endsWith(t)) return all;
    const kept = term + ' ';
    cuts.push({ at: index - removedSoFar + kept.length, removed: all.length - kept.length });
    removedSoFar += all.length - kept.length;
    return kept;
  });
  return { text, cuts };
}

/** A position in the text `cutInlineFootnotes` returned, back in the line it was given. */
function uncut(pos: number, cuts: readonly { at: number; removed: number }[]): number {
  let p = pos;
  for (const c of cuts) if (pos >= c.at) p += c.removed;
  return p;
}

/** Sentence boundaries that survive "approx." "Inc." "U.S." and decimals. */
export function splitSentences(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  // " - " before a capital: bullets of a list that lost its line breaks ("… compared to June - BTC holdings …")
  // a single line break before a lowercase word is a hard wrap inside a sentence ("by mining 1,583
  // bitcoin\nin the period"), not a boundary; a capitalized verb and a figure after a lowercase word
  // ("… a leading AI company Mined 1,003 Bitcoin") is a bullet whose line break was lost
  const re = /(?<=[.!?;][”"’)*_]{0,3})\s+(?=[A-Z“"(•●▪\-–*])|\s+[•●▪]\s+|(?<=[a-z0-9)%:\]])\s+[-–]\s+(?=[A-Z])|\s+[-–]\s+[-–]\s+(?=[A-Z])|[ \t]*\n(?:[ \t]*\n)+\s*|[ \t]*\n[ \t]*(?![a-z])|(?<=[a-z0-9%)])\s+(?=(?:Mined|Self-mined|Produced|Sold|Purchased|Achieved|Generated|Increased|Decreased|Grew|Reached|Exited)\s+[~$\d])/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const piece = text.slice(last, m.index);
    // do not cut after common abbreviations
    if (/\b(approx|inc|corp|ltd|co|no|vs|u\.s|e\.g|i\.e|mr|ms|dr|st|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.$/i.test(piece)) continue;
    if (piece.trim()) out.push({ text: piece, offset: last });
    last = m.index + m[0].length;
  }
  if (text.slice(last).trim()) out.push({ text: text.slice(last), offset: last });
  return out;
}

interface Clause {
  start: number;
  end: number;
  /** a compared figure ("up from 400 BTC in October"): needs a period of its own */
  comparison: boolean;
}

/**
 * Cuts a sentence at comparisons. A clause opened by "while"/"whereas" is a parallel statement
 * ("…, while holdings rose to 6,959.3 BTC"): its figures are cut off from the words before them
 * but share the sentence's period, unlike a compared figure.
 */
function clauseBounds(s: string): Clause[] {
  const cuts: { at: number; parallel: boolean }[] = [];
  COMPARISON_SPLIT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COMPARISON_SPLIT.exec(s))) cuts.push({ at: m.index, parallel: /^\W*(while|whereas)\b/i.test(m[0]) });
  CLAUSE_RESUME.lastIndex = 0;
  while ((m = CLAUSE_RESUME.exec(s))) {
    const at = m.index;
    // only a comparison clause needs to end: a resume inside the sentence's own clause changes nothing
    if (cuts.some((c) => c.at < at && !c.parallel)) cuts.push({ at, parallel: true });
  }
  // "produced 654 … in the second quarter; as of June 30, produced 846 … in 2021": a statement of
  // its own, whose figures look for their period in it first
  // … and ", with a total of 1,557 BTC produced year-to-date" is a running total's own statement
  const semi = /;\s+|,\s+(?=(?:with|for)\s+a\s+(?:total|cumulative)\s+(?:of\s+)?(?:approximately\s+|about\s+|~\s*)?[$\d])/g;
  while ((m = semi.exec(s))) cuts.push({ at: m.index, parallel: true });
  cuts.sort((a, b) => a.at - b.at);
  const out: Clause[] = [];
  let prev = 0;
  let parallel = false;
  cuts.forEach((c, i) => {
    out.push({ start: prev, end: c.at, comparison: i > 0 && !parallel });
    prev = c.at;
    parallel = c.parallel;
  });
  out.push({ start: prev, end: s.length, comparison: cuts.length > 0 && !parallel });
  return out;
}

/** `afterLimit`: a keyword after the figure must start within this many characters (the text past it only lets a lookahead see further). */
function nearestKeyword(before: string, after: string, table: { metric: Metric; re: RegExp }[], afterLimit = after.length): Metric | undefined {
  let best: { metric: Metric; dist: number } | undefined;
  for (const k of table) {
    k.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = k.re.exec(before))) {
      const dist = before.length - (m.index + m[0].length);
      if (!best || dist < best.dist) best = { metric: k.metric, dist };
    }
    k.re.lastIndex = 0;
    const a = k.re.exec(after);
    if (a && a.index < afterLimit) {
      const dist = a.index + 12; // a word after the figure counts, a little less than one before
      if (!best || dist < best.dist) best = { metric: k.metric, dist };
    }
  }
  return best && best.dist < 90 ? best.metric : undefined;
}

/**
 * Capacity figures a sentence names as someone else's (hosting clients, cloud customers) or as a
 * plan (an expansion, miners bought): the same number restated elsewhere in the document without
 * those words ("Mining capacity increased to 10 EH/s") is the same figure, not the company's own.
 */
type ExcludedValues = { kind: MentionKind; value: number }[];

function exclude(excluded: ExcludedValues | undefined, m: Mention): undefined {
  excluded?.push({ kind: m.kind, value: m.value });
  return undefined;
}

/** note on a hashrate whose only basis word is "capacity" */
const CAPACITY_WORD_ONLY = 'basis from the word "capacity"';
/** Words that describe the company, not the coins: "miner and hosting provider", "one of the largest bitcoin miners". */
const MINER_APPOSITIVE = /\b(?:miner|company|operator)\s+and\s+(?:a\s+)?hosting\s+provider\b|\bone\s+of\s+the\s+(?:[\w'’-]+\s+){0,4}?(?:bitcoin\s+)?miners\b|\b(?:(?:world['’]s|largest|biggest|leading|top|publicly[- ]traded|listed)\s+)+(?:bitcoin\s+)?miners\b/g;

/** The verb between a registry alias and its figure ("… capacity under management increased 62.5% to 24.7 EH/s"). */
const ALIAS_HASHRATE_TAIL = /\s+(?:\([^)]*\)\s+)?(?:increased|decreased|rose|grew|fell|reached|was|were|is|of|to|stood\s+at|totall?ed)(?:\s+(?:by\s+)?[\d.]+\s?%)?(?:\s+to)?\s+(?:approximately\s+|about\s+|~\s*)?$/;
/** … and before a capacity ("Hosting capacity was 728 megawatts") */
const ALIAS_MW_TAIL = /\s+(?:was|were|is|of|reached|stood\s+at|totall?ed)\s+(?:approximately\s+|about\s+|~\s*)?$/;

/**
 * The registry alias (labelAliases) whose words end the text before a figure, once the verb tying
 * them to it is set aside: the company's own name for a metric, read in prose as in tables.
 */
function aliasNamedBefore(aliasRules: readonly LabelRule[], wanted: (metric: Metric) => boolean, before: string, tail: RegExp): LabelRule | undefined {
  const verb = tail.exec(before);
  if (!verb) return undefined;
  const words = before.slice(0, verb.index).toLowerCase().trim();
  return aliasRules.find((r) => wanted(r.metric) && !!r.phrase && words.endsWith(r.phrase) && !/[\w-]/.test(words.charAt(words.length - r.phrase.length - 1)));
}

/** "31 EH/s year-end target achieved": a target named after the figure as met */
const TARGET_MET_AFTER = /^\s*(?:[\w-]+\s+){0,2}?(?:target|goal)\s+(?:was\s+|has\s+been\s+)?(?:achieved|met|reached|hit|surpassed|exceeded)\b/i;

interface Classified {
  metric: Metric;
  basis?: string;
  basisLabel?: string;
  confidence: number;
  notes: string[];
}

/**
 * The part of the words before a figure that belongs to its own statement: a semicolon or a contrast
 * ("the network's soaring hashrate; we mined …", "block rewards were cut by half, yet we … mined")
 * ends what came before.
 */
function ownStatement(before: string): string {
  // … and ", as our hashrate …" after a comparison with the network ("grown faster than the network, as …")
  return before.split(/;|\b(?:yet|but|however|although|though|nonetheless|nevertheless)\b|,\s+as\s+(?=(?:our|its|their|the\s+company['’]s)\b)/).pop() ?? '';
}

/** The figure's classification kept, its confidence held at or below `max`, with the reason noted. */
function capped(c: Classified, max: number, note: string): Classified {
  return { ...c, confidence: Math.min(c.confidence, max), notes: [...c.notes, note] };
}

function classify(mention: Mention, before: string, after: string, clause: string, sentence: string, lead = before, sentenceLead = lead, excluded?: ExcludedValues, aliasRules: readonly LabelRule[] = []): Classified | undefined {
  const b = before.toLowerCase();
  const l = lead.toLowerCase();
  const sentLead = sentenceLead.toLowerCase();
  const a = after.toLowerCase();
  // words after the figure describe it up to the next comma ("50 EH/s of operational hashrate in
  // June, managing 5.8% of global hashrate": the global share is another statement)
  const near = `${ownStatement(b.slice(-80))} ${a.slice(0, 50).split(/[,;]/)[0]}`;
  switch (mention.kind) {
    case 'btc': {
      // "7,377 BTC of its holdings … are lent": a part of the holdings, named by what follows
      if (/^\s*,?\s*(?:or\s+)?(?:of|from)\s+(?:its|our|the\s+company['’]s|their|the|total)\s+(?:total\s+)?(?:bitcoin\s+|btc\s+)?(?:holdings|treasury|reserves?|balance|stack)\b/.test(a)) {
        const rest = clause.toLowerCase().slice(clause.toLowerCase().indexOf(a.slice(0, 20)));
        if (/\b(loaned|lent|lending|on loan)\b/.test(rest)) return { metric: 'btc_held_loaned', confidence: 0.75, notes: ['part of the holdings'] };
        if (/\b(pledged|collateral)\b/.test(rest)) return { metric: 'btc_held_pledged', confidence: 0.75, notes: ['part of the holdings'] };
        return undefined;
      }
      // "Book Value of Digital Currency: $23.6 million, or 627 bitcoins": the coins the balance sheet carries
      if (/\b(?:digital\s+(?:currency|currencies|assets?)|bitcoin\s+(?:holdings?|assets?)|cryptocurrenc(?:y|ies))\b[^.;$]{0,15}[:,]?\s*(?:of\s+)?(?:approximately\s+|about\s+|~\s*)?\$\s?[\d.,]+\s*(?:million|billion|thousand|mn|bn|[mkb])?\s*,?\s+or\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(b.slice(-90)) && !/\b(?:sold|sale|purchas\w*|bought|acquired|received|mined|produced|earned)\b/i.test(b.slice(-90))) {
        return { metric: 'btc_held', confidence: 0.7, notes: ['the coins a balance-sheet amount stands for'] };
      }
      // "With 13,696 Bitcoin valued at roughly $1.6 billion as of Sept. 30, 2025": coins with a market value are coins held
      if (/^\s*(?:bitcoins?|btc)?\s*,?\s*(?:valued|worth)\s+(?:at\s+)?(?:approximately\s+|roughly\s+|about\s+|around\s+|~\s*)?(?:(?:US)?\$|$)/i.test(a) && /^\W*(?:with|holding|holds|held)\s*(?:approximately\s+|roughly\s+|about\s+|~\s*)?$/i.test(b.slice(-20)) && !/\b(?:sold|sells|sale|purchas\w*|bought|buy|acquir\w*|mined|produced|earned|received|pledged|loaned|lent)\b/i.test(b.slice(-80))) {
        return { metric: 'btc_held', confidence: 0.7, notes: ['coins given a market value are coins held'] };
      }
      // "At 9,113 BTC, Hut 8 continues to have one of the largest self-mined Bitcoin reserves": the reserve's size
      if (/^\W*at\s*$/i.test(b) && /^\s*,\s*(?:[\w'’.&-]+\s+){1,4}?(?:continues\s+to\s+|still\s+)?(?:has|have|holds?|maintains?|boasts?|keeps?)\b[^.;]{0,80}\b(?:reserves?|holdings|treasur(?:y|ies)|balance)\b/i.test(a)) {
        return { metric: 'btc_held', confidence: 0.7, notes: ['the size of the reserve named after it'] };
      }
      // "1,060 Bitcoins were produced in Q2 2025, with 143 from self mining and 917 from client cloud
      // mining": the self-mined part of a total that includes customers' mining is the company's own
      if (/\bwith\s+(?:approximately\s+|about\s+|~\s*)?$/.test(b) && /^\s*(?:bitcoins?\s+|btc\s+)?(?:coming\s+)?from\s+(?:its\s+|our\s+|the\s+company['’]s\s+)?(?:own\s+)?(?:self[- ]?mining|proprietary\s+mining)\b/.test(a) && /\b(?:produced|mined|earned|generated|output|production)\b/.test(b.slice(-120))) {
        return { metric: 'btc_produced', confidence: 0.75, notes: ['the self-mined part of a total named before it'] };
      }
      // a word after the figure describes it only up to the next comma ("3,812 Bitcoin in 2021, Executes … Purchase Agreements")
      const aUntilComma = a.search(/[,;]|\s[-–—]\s/);
      // "balance, including 2,000 Bitcoin loaned as part of …, is 4,240": the aside's words are not the figure's
      if (/^[^,;]*,\s*(?:is|was|are|were|stands?\s+at|stood\s+at|totals?|totall?ed|amounts?\s+to)\s+(?:approximately\s+|about\s+|~\s*)?$/.test(b) && /\b(?:balance|holdings?|treasury|reserves?)(?:\s+as\s+of\s+[\w ,]{3,25}?)?\s*,\s*including\b/.test(l)) {
        return { metric: 'btc_held', confidence: 0.75, notes: ['the balance an aside ("including …") interrupted'] };
      }
      // "… balance, including 2,000 Bitcoin loaned as part of …": the part lent out, not the balance
      const part = /\bincluding\s+(?:approximately\s+|about\s+|~\s*)?$/.test(b) ? /^\s*(?:bitcoins?|btc)?\s*(?:(?:that|which)\s+(?:is|are|was|were|have\s+been|has\s+been)\s+)?(loaned|lent|on\s+loan|pledged|held\s+as\s+collateral)\b/.exec(a) : null;
      // "including 17,357 BTC loaned, actively managed and pledged as collateral": one sum over several
      // kinds, neither the loaned nor the pledged part
      if (part && /^[^.;]{0,60}?\b(?:loaned|lent|on\s+loan)\b[^.;]{0,60}\b(?:pledged|collateral)\b|^[^.;]{0,60}?\b(?:pledged|collateral)\b[^.;]{0,60}\b(?:loaned|lent|on\s+loan)\b|^[^.;]{0,40}?\b(?:actively\s+managed|managed)\b/.test(a)) return undefined;
      if (part) return { metric: /^(?:loaned|lent|on\s+loan)$/.test(part[1]!) ? 'btc_held_loaned' : 'btc_held_pledged', confidence: 0.75, notes: ['part of the holdings'] };
      const metric = nearestKeyword(b.slice(-90), a.slice(0, 80), PROSE_BTC_KEYWORDS, Math.min(45, aUntilComma < 0 ? 45 : aUntilComma));
      if (!metric) return undefined;
      // what follows the figure qualifies it only up to the next clause ("…, an average of 11.6 per day")
      const aOwn = a.slice(0, 80).split(/[,;(]|\s[-–—]\s|\b(?:and|while|or)\b/)[0] ?? '';
      // "Bitcoin miner and hosting provider Core Scientific mined …" describes the company, not the coins
      // … nor does "one of the world's largest bitcoin miners by hashrate" (set aside before the window
      // is cut, so a long appositive does not leave "miners" behind)
      const selfWords = `${ownStatement(b.slice(-160).replace(MINER_APPOSITIVE, ' ').slice(-90))} ${aOwn.replace(MINER_APPOSITIVE, ' ')}`;
      if (metric === 'btc_produced' && PROSE_NOT_SELF_MINED.test(selfWords)) return undefined;
      // "from the inception of our mining business in February 2020 to …, we earned an aggregate of": a running total, not a flow
      if (metric === 'btc_produced' && /\b(inception|cumulative(ly)?|(?<!year[- ])to[- ]date|all[- ]time|lifetime)\b/.test(`${l} ${aOwn}`)) return undefined;
      if (/\bequivalent\b/.test(near) || /\bequivalent\b|\bif (all|they|it|these)\b[^.]{0,60}\bwere\b/.test(l)) return undefined;
      if (NOT_OWN.test(near)) return undefined;
      // "its joint venture in Abu Dhabi mined 50 bitcoins": the venture's coins, not the company's own count
      if (metric === 'btc_produced' && /\b(?:joint[- ]ventures?|jv)\b(?:\s+[\w'’-]+){0,5}\s+(?:has\s+|had\s+)?(?:mined|produced|earned|generated)\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(b.slice(-80))) return undefined;
      // "Parent pledged 968 bitcoin": the parent company's coins, not the filer's
      if (/\bparent\b/.test(b.slice(-80))) return undefined;
      const notes: string[] = [];
      let confidence = 0.85;
      if (metric === 'btc_sold' && /payments? made/.test(near)) {
        confidence = 0.3;
        notes.push('sales mixed with payments made in BTC');
      }
      if (metric === 'btc_sold' && /\b(exchange[ds]?|swap(ped)?|converted) .*\b(eth|usdc|ether)/.test(near)) return undefined;
      return { metric, confidence, notes };
    }
    case 'hashrate': {
      // a company's own name for its hash rate (registry labelAliases: BitFuFu's "mining capacity under management")
      const aliasHit = aliasNamedBefore(aliasRules, (m) => m.startsWith('hashrate_'), b.slice(-90), ALIAS_HASHRATE_TAIL);
      if (aliasHit) {
        return { metric: aliasHit.metric, basis: aliasHit.metric === 'hashrate_installed' ? 'installed' : 'operating', confidence: 0.7, notes: ['the company’s own name for its hash rate'] };
      }
      if (/\b(global|network|industry|under management|hosting|hosted|cloud|customers?|chip|per (unit|machine|miner))\b/.test(near)) return undefined;
      // "200 MW … This is equivalent to 6.6 EH/s of hashrate", "a site that can support 8 EH/s": what
      // capacity would hold, not a fleet
      if (/\b(?:equivalent\s+to|equates?\s+to|enough\s+(?:to\s+(?:power|run|support|host)|for)|would\s+(?:support|power|host|translate\s+(?:in)?to)|can\s+(?:support|power|host|accommodate)|capable\s+of\s+(?:supporting|hosting))\s+(?:approximately\s+|about\s+|roughly\s+|~\s*|up\s+to\s+|over\s+|more\s+than\s+)?$/.test(b.slice(-60))) return exclude(excluded, mention);
      // the figure's own words: "4.0 EH/s allocated to self-mining" is the company's share of a wider total
      const ownWords = `${b.slice(-30)} ${a.slice(0, 45).split(/[,;]|\band\b/)[0] ?? ''}`;
      const selfScoped = /\bself[- ](?:mining|mined|owned)\b/.test(ownWords);
      // the last "… hash rate …" phrase of the sentence before the figure is its subject
      const subjects = [...sentLead.matchAll(/((?:[\w'’-]+\s+){0,3})(?:hash\s?rate|mining capacity)\b((?:\s+[\w'’-]+){0,4})/g)];
      const subject = subjects[subjects.length - 1]?.[0] ?? '';
      // totals that include hosting clients or hash rate sold to cloud customers are not the company's own
      if (!selfScoped && (SCOPE_NOT_OWN.test(near) || SCOPE_NOT_OWN.test(subject))) return exclude(excluded, mention);
      // miners bought or ordered are not hashrate running: "acquire 4.4 EH/s of new S19j Pro miners",
      // "10 EH/s of new miners secured", "Expansion to 10 EH/s fully funded"
      if (/^\s*(?:of\s+)?(?:(?:new|additional|latest|next)[\w-]*\s+)*(?:[\w-]+\s+){0,3}(?:miners|machines|rigs|asics|units)\b/.test(a) && !/\b(deployed|installed|operat\w*|energized|running|online)\s+(?:\w+\s+)?$/.test(b.slice(-40))) return exclude(excluded, mention);
      if (/\b(acquir\w*|acquisition|purchas\w*|buy|bought|order\w*|secur\w*|expansion|expand(?:s|ing)? to|procur\w*|contract\w*)\b[^.]{0,40}$/.test(b.slice(-60))) return exclude(excluded, mention);
      // "an agreement to purchase 3,600 … units with a total maximum hash rate of 324 PH/s": the machines' rating
      if (/\b(?:purchas\w*|bought|buy(?:ing)?|acquir\w*|acquisition|order\w*)\b[^.;]{0,100}\b(?:units|miners|machines|rigs|asics|servers)\b(?![^.;]*\b(?:was|were|is|are|reached|stood|rose|increased|grew|totall?ed)\b)[^.;]{0,80}$/.test(l)) return exclude(excluded, mention);
      // "10 EH/s expansion fully funded", "20 EH/s target": a plan named right after the figure
      // … and "delivering 50 EH/s with single site expansion"
      // (not "Current hashrate of ~8.7 EH/s on target for ~13.5 EH/s": the level today, on course for a plan)
      // (nor "31 EH/s year-end target achieved": a target met is the level reached)
      if (/^\s*(?:of\s+|with\s+)?(?:[\w-]+\s+){0,2}?(?:expansion|target|goal|build[- ]?out|fully funded|pipeline|roadmap)\b/.test(a) && !/^\s*,?\s*(?:and\s+)?(?:(?:is|are|remains?)\s+)?on\s+(?:target|track|pace|course)\b/.test(a) && !TARGET_MET_AFTER.test(a) && !/^\s*,?\s*(?:with\s+|and\s+)?(?:an?\s+|the\s+|its\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:targets?|goals?)\s+of\s+(?:approximately\s+|about\s+|~\s*)?[\d$~]/.test(a)) return exclude(excluded, mention);
      // "Bought 1.6 EH/s of T21 miners …, taking self-mining capacity to 10 EH/s": the capacity once they arrive
      if (/\b(?:taking|increasing|bringing|lifting|raising|boosting|growing|expanding)\s+(?:(?:its|our|the|total|self[- ]mining|installed|mining|hash(?:ing)?|hash\s?rate)\s+)*(?:capacity|hash\s?rate|fleet)\s+to\s+(?:approximately\s+|about\s+|~\s*)?$/.test(b.slice(-90)) && /\b(?:acquisition|acquir\w*|bought|purchas\w*|order\w*|secured)\b/.test(sentLead)) return exclude(excluded, mention);
      // "we operated a high of 17.3 EH/s": the peak reached by a date, not the level at it (trusted less)
      const highOf = /\ba high of\s+(?:approximately\s+|about\s+|~\s*)?$/.test(b.slice(-30));
      // "a peak hashrate of 50 EH/s": the most the fleet ran, read as its capacity
      if (/\bpeak\b/.test(near) || highOf) {
        if (highOf) return { metric: 'hashrate_installed', basis: 'max', basisLabel: 'a high of', confidence: 0.45, notes: ['"a high of": the peak reached, read as capacity'] };
        if (!/\bpeak\s+(?:\w+\s+)?hash\s?rate\b[^.]{0,30}$/.test(b.slice(-60))) return undefined;
        return { metric: 'hashrate_installed', basis: 'max', basisLabel: 'peak hashrate', confidence: 0.6, notes: ['peak hashrate read as capacity'] };
      }
      // the words just before the figure describe it; then the sentence's own "… hash rate" subject
      // ("The average operating hash rate, which reflects …, totaled 27.4 EH/s"); then the words
      // after it up to the next clause ("11.4 EH/s installed, 10.4 EH/s operational")
      const aClause = a.slice(0, 40).split(/[,;]|\band\b/)[0] ?? '';
      // "11.4 EH/s installed, 10.4 EH/s operational": a word right after the previous figure is its own
      const bOwn = b.replace(/^\s*(?:\([^)]{1,8}\)\s*)?(?:installed|operational|operating|deployed|energized|online|active|average)\b[^,;]{0,12}(?:[,;]|\s+and\b)\s*/, ' ');
      let basis = hashrateBasisWord(bOwn.slice(-70));
      // "attributable to the deployment of a 50 EH/s hashrate": the fleet put in place
      if (basis === 'unspecified' && /\bdeployment\s+of\s+(?:a|an|the|its|our|their)\s+(?:approximately\s+|about\s+|~\s*)?$/.test(b)) basis = 'deployed';
      if (/\binstalled and operat(ional|ing|ed)\b/.test(`${b.slice(-70)} ${a.slice(0, 60)}`)) basis = 'operating';
      // "installed hashrate now stands at 11.4 EH/s, with 10 EH/s operational": a figure that opens
      // its own phrase takes the word right after it, not the earlier figure's
      const ownAfter = /^\s*(?:installed|operational|operating|deployed|energized|online|active)\b/.exec(a);
      if (ownAfter && /(?:\bwith|\band|,)\s*(?:approximately\s+|about\s+|~\s*)?$/.test(b)) basis = hashrateBasisWord(ownAfter[0]);
      if (basis === 'unspecified' && subject) basis = hashrateBasisWord(subject);
      // "our average operational hash rate in June was twice …, at 26.3 exahash": the subject's "average"
      // holds however far the figure is from it
      if ((basis === 'operating' || basis === 'active' || basis === 'unspecified') && /\b(?:average|averaged|avg)\b/i.test(subject) && /\bhash\s?rate\b/i.test(subject)) basis = 'operating_average';
      const fromCapacityWord = basis === 'installed' && !/\b(?:installed|implemented)\b/.test(`${b.slice(-70)} ${subject} ${aClause}`);
      if (basis === 'unspecified') basis = hashrateBasisWord(aClause);
      // "we energized 63 megawatts, which brings our current self-mining hashrate to 5.5 EH/s": a figure
      // with its own "… hashrate" subject right before it does not take another figure's verb
      if (basis === 'unspecified' && !/\b(?:our|its|their|the\s+company['’]s)\s+(?:[\w-]+\s+){0,3}hash\s?rate\s+(?:to|of|at)\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(b.slice(-70))) basis = hashrateBasisWord(l.slice(-100));
      // "hashrate allocated to self-mining", "self-owned hashrate": the company's own machines in place
      if (basis === 'unspecified' && (/\ballocated to\b[^,;]{0,30}\bself[- ]mining\b/.test(ownWords) || /\bself[- ]owned\s+(?:hash\s?rate|capacity)\b/.test(`${b.slice(-60)} ${subject}`))) basis = /\ballocated\b/.test(ownWords) ? 'deployed' : 'installed';
      // "now owns approximately 49,400 miners, achieving a total hash rate of 4.8 EH/s": what the fleet
      // owned can do, its installed capacity
      if (basis === 'unspecified' && /\b(?:owns?|owned|possess(?:es|ed)?|has|had)\s+(?:approximately\s+|about\s+|~\s*|over\s+|more\s+than\s+)?[\d,]+\s+(?:[\w-]+\s+){0,2}(?:miners|machines|asics|rigs)\b[^.;\d]{0,20}?,?\s+(?:achieving|representing|totall?ing|capable\s+of(?:\s+producing)?|with)\s+(?:a\s+|an\s+)?(?:total\s+|combined\s+|aggregate\s+)?(?:hash\s?rate\s+(?:of\s+)?)?(?:approximately\s+|about\s+|~\s*)?$/.test(b.slice(-130))) basis = 'installed';
      const metric: Metric = basis === 'operating_average' ? 'hashrate_average' : ['deployed', 'installed', 'energized', 'max', 'nameplate'].includes(basis) ? 'hashrate_installed' : 'hashrate_operating';
      if (basis === 'unspecified' && !/hash\s?rate|hashing|computing power|exahash|eh\/s|operat/.test(`${b.slice(-80)} ${a.slice(0, 30)} ${mention.unitText}`)) return undefined;
      const notes: string[] = fromCapacityWord ? [CAPACITY_WORD_ONLY] : [];
      let confidence = basis === 'unspecified' ? 0.7 : 0.85;
      if (/\bcapable of\b/.test(b.slice(-80)) && basis === 'unspecified') {
        confidence = 0.75;
        notes.push('"capable of producing" read as operating hashrate');
      }
      // "realized hashrate": a third party's figure implied from production, not one the company reports
      if (/\brealized\b/.test(`${b.slice(-70)} ${subject}`)) {
        confidence = Math.min(confidence, 0.45);
        notes.push('"realized" hashrate: implied from production');
      }
      // "average deployed hashrate": an article's word for what the company states as deployed at month end
      if (basis === 'deployed' && /\baverage\s+deployed\b/.test(`${b.slice(-70)} ${subject}`)) {
        confidence = Math.min(confidence, 0.45);
        notes.push('"average deployed": average or month-end unclear');
      }
      return { metric, basis, confidence, notes };
    }
    case 'efficiency': {
      if (/\b(chip|model|s\d{2}\w*|a\d\b|m\d{2}\w*|sealminer|antminer|whatsminer|new (miners|machines)|range|between)\b/.test(near)) return undefined;
      if (!/efficien|fleet|j\/th|w\/th|tera[- ]?hash/.test(`${b.slice(-60)} ${mention.unitText}`)) return undefined;
      return { metric: 'fleet_efficiency', confidence: /fleet|average|operating|our/.test(b.slice(-80)) ? 0.85 : 0.6, notes: [] };
    }
    case 'mw': {
      // capacity added, planned or contracted is not what runs; "expanded … to 745 megawatts" is the level reached
      const aClause = a.slice(0, 50).split(/[,;]|\band\b/)[0] ?? '';
      const own = `${b.slice(-50)} ${aClause}`;
      if (/\b(expansion|expanding|additional|pipeline|under construction|contracted|phase|build\w*|acquir\w*|potential|development|planned|new|of which|up to)\b/.test(own)) return undefined;
      // a company's own name for its capacity (registry labelAliases: BitFuFu's "hosting capacity")
      if (aliasNamedBefore(aliasRules, (m) => m === 'power_capacity', b.slice(-60), ALIAS_MW_TAIL)) return { metric: 'power_capacity', confidence: 0.55, notes: ['the company’s own name for its capacity'] };
      // "energy capacity under management of 1,020 MW": the footprint a company reports as its own
      // capacity (sites it owns and runs for others), not a customer's hashrate under management
      const underManagement = /\b(?:power|energy)\s+capacity\s+under\s+management\s+(?:\(mining\)\s+)?(?:of|was|reached|totall?ed|stood\s+at)\s+(?:approximately\s+|about\s+|~\s*)?$/.test(b.slice(-90));
      if (!underManagement && SCOPE_NOT_OWN.test(`${b.slice(-60)} ${aClause}`)) return exclude(excluded, mention);
      if (/\b(?:expan\w*|add\w*|increas\w*|grew)\s+(?:by\s+)?(?:approximately\s+|about\s+)?$/.test(b)) return undefined;
      // "adding 423 MWs to our operating portfolio bringing us to 726 MW": the operating level reached
      if (/\b(?:operating|operational|energized|online)\s+(?:portfolio|capacity|footprint|infrastructure)\b[^.\d]{0,20}?\b(?:bringing|brings|brought|taking|lifting)\s+(?:us|it|the\s+company|(?:our|its|the)\s+total)\s+to\s+(?:approximately\s+|about\s+|~\s*)?$/.test(b.slice(-110))) {
        return { metric: 'power_capacity', confidence: 0.6, notes: ['the operating level an addition brought the company to'] };
      }
      if (!/\b(operating|operational|energized|online|total|aggregate|developed|capacity|infrastructure)\b/.test(near)) return undefined;
      // "the company's energy capacity now stands at 1,075 megawatts": the company's own capacity, stated as a level
      const ownLevel = /\b(?:its|our|the\s+company['’]s|[A-Z][\w.&-]*(?:\s+[A-Z0-9][\w.&-]*){0,2}['’]s)\s+(?:total\s+)?(?:power|energy|electrical)\s+capacity\s+(?:now\s+|currently\s+)?(?:stands\s+at|stood\s+at|is|was|reached|totall?ed|of)\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(b.slice(-90));
      if (ownLevel) return { metric: 'power_capacity', confidence: 0.65, notes: [] };
      const qualified =
        underManagement ||
        /\b(total|aggregate)\b[^.]{0,40}$/.test(b.slice(-60)) ||
        // "owned and managed 724 megawatts of infrastructure": the footprint the company runs
        (/\b(?:own(?:s|ed)?|operat(?:es|ed)|manag(?:es|ed))(?:\s+and\s+(?:own(?:s|ed)?|operat(?:es|ed)|manag(?:es|ed)))?\s+(?:approximately\s+|about\s+|~\s*)?$/.test(b.slice(-50)) &&
          /^\s*(?:of\s+)?(?:power\s+|energy\s+|data\s+cent(?:er|re)\s+|mining\s+)?(?:infrastructure|capacity)\b/.test(a)) ||
        // "expanded its power capacity to an industry-leading 760MW": the level reached
        // … and "grown our energized capacity over 90% to 461 MW"
        /\b(?:expanded|increased|grew|grown|raised|brought|took)\s+(?:its|our|the\s+company['’]s)\s+(?:total\s+)?(?:power|energy|electrical|energized)\s+capacity\s+(?:(?:by|over|more\s+than)\s+(?:approximately\s+|about\s+)?\d+(?:\.\d+)?\s?%\s+)?to\b[^.\d]{0,30}$/.test(b.slice(-90)) ||
        /\b(operating|operational|energized|online)\s+(?:\w+\s+)?(infrastructure|capacity|power|footprint)\b[^.]{0,30}$/.test(b.slice(-70)) ||
        // "137 megawatts (MW) of productive capacity": capacity producing now
        /^\s*(?:\((?:mw|megawatts?)\)\s*)?(of\s+)?(operating|operational|energized|online|productive)\b/.test(a);
      if (!qualified) return undefined;
      return { metric: 'power_capacity', confidence: 0.55, notes: [] };
    }
    case 'kwh': {
      // "paid approximately $0.047 per kilowatt hour to its hosting partners": a hosted miner's power
      // cost is the rate it pays its hosts
      if (/\b(?:paid|pays|paying)\b[^.;$]{0,40}$/.test(b.slice(-60)) && /^[^.;]{0,30}?\bto\s+(?:its|our|their)\s+hosting\s+(?:p|partners?|providers?)/.test(a) && !/\b(?:revenue|earned|charged|received)\b/.test(b.slice(-60))) {
        return { metric: 'energy_cost_per_kwh', confidence: 0.7, notes: ['the rate paid to its hosts'], basisLabel: 'rate paid to hosting partners' };
      }
      if (/hosting fee|hosted|credits?/.test(near)) return undefined;
      if (!/cost|price|power|electricity|energy|rate/.test(`${near} ${clause.toLowerCase()}`)) return undefined;
      if (/\b(hosting|hosted|revenue|sell|sold|sales?|contract(ed)? (rate|price)|ppa)\b/.test(b.slice(-40))) return undefined;
      // "the power price at the sites currently under contract is 2.7 c/kWh": a contract's price, not the cost paid
      if (/\b(?:under|in)\s+(?:(?:its|our|the|a|long-term|fixed[- ]price)\s+)*(?:contracts?|power purchase agreements?|ppas?)\b|\bcontracted\b/.test(b.slice(-90))) return undefined;
      return { metric: 'energy_cost_per_kwh', confidence: 0.75, notes: [], ...(/all[- ]in/.test(near) ? { basisLabel: 'all-in power cost' } : {}) };
    }
    case 'usd': {
      const sc = sentence.toLowerCase();
      const soldHere = /\b(sold|sale|sales|sell|selling|sells|offloading|liquidat\w*)\b/.test(`${clause.toLowerCase()} ${l}`) || /^sold:/.test(sentence);
      const marketPrice = /\b(bitcoin|btc|market|spot|hash)\s*price\b|\bprice of (bitcoin|btc)\b|\btrading (at|just|near|around)\b/;
      if (mention.perBtc) {
        const w = `${wordTail(b, 90)} ${a.slice(0, 50)}`;
        if (/\b(cost|costs|all[- ]in figure)\b/.test(w) && !/revenue per|price of bitcoin|bitcoin price|depreciation expense was|financing costs were|hosting fee/.test(w)) {
          return costPerBtc(w, sc, 0.7, ownWords(`${sentLead.slice(-90)}`, a.slice(0, 50)));
        }
        if (soldHere && /\b(average|avg|price|at)\b/.test(b.slice(-40)) && !marketPrice.test(b.slice(-60))) {
          return { metric: 'btc_sold_avg_price', confidence: 0.8, notes: [] };
        }
        // "received a total of $44 million, or $22,000 each": the sale's amount per coin
        if (soldHere && /,\s*or\s+(?:about\s+|approximately\s+|roughly\s+|~\s*)?$/.test(b.slice(-20)) && /^\s*(?:each|apiece|per\s+(?:bitcoin|btc|coin))\b/.test(a)) {
          return { metric: 'btc_sold_avg_price', confidence: 0.7, notes: ['the amount a coin of the sale fetched'] };
        }
        return undefined;
      }
      const w = b.slice(-70);
      // "the average net price per Bitcoin sold was $81,731", "at an average price of $20,460"
      if (soldHere && !marketPrice.test(w.slice(-60)) && (AVG_SALE_PRICE_BEFORE.test(w) || /\bat\s+(?:a|an)\s+(?:average\s+)?(?:net\s+)?price\s+of\s+(?:approximately\s+|about\s+|around\s+|~\s*)?$/.test(w))) {
        return { metric: 'btc_sold_avg_price', confidence: 0.75, notes: [] };
      }
      if (/\bproceeds\b/.test(`${w.slice(-45)} ${a.slice(0, 25)}`) && (/^sold:/.test(sentence) || (/\b(sold|sale|sales|sell|selling)\b/i.test(clause) && /\b(bitcoin|btc)\b/i.test(sentence))) && !/\b(miners?|equipment|shares?|stock|offering|notes?|loan|debt|warrants?|investment|subsidiar\w*|derivative|contracts?|disposal)\b/.test(w)) {
        return { metric: 'btc_sold_proceeds', confidence: 0.8, notes: [] };
      }
      // "… sold 1,975 [bitcoins]. The miner received a total of $44 million": the amount a sale brought in,
      // in the sentence after it
      if (/^sold:/.test(sentence) && !/\b(sold|sale|sales|sell|selling)\b/.test(clause.toLowerCase()) && /\b(?:received|raised|realized|netted|brought\s+in)\s+(?:a\s+total\s+of\s+|total\s+proceeds\s+of\s+|proceeds\s+of\s+)?(?:approximately\s+|about\s+|around\s+|~\s*)?$/.test(w.slice(-50)) && /(?:million|billion|thousand|mn|bn|\d\s*[mkb])\s*$/i.test(mention.raw.trim()) && !/\b(rigs|machines|equipment|shares?|stock|offering|notes?|loan|debt|warrants?|investment|financing|grant)\b/.test(`${w} ${a.slice(0, 40)}`)) {
        return { metric: 'btc_sold_proceeds', confidence: 0.7, notes: ['the proceeds of the sale in the sentence before'] };
      }
      // "sold 4,451 Bitcoin on the open market, receiving about US$305 million", "sold 1,576 BTC at … , totaling $32.2 million"
      // … and "sold 600 Bitcoin for a total price of $10.2 million"
      const soldFor = /\b(sold|sale of|sales of|selling|offloaded|offloading|liquidated|liquidating)\b([^$.;]{0,60})\b(bitcoins?|btc|coins)\b[^.;]{0,90}?\b(for|generating|totall?ing|netting|worth|receiving|raising|to\s+raise|realizing|yielding|bringing in)\b(?:\s+(?:a\s+)?total(?:\s+(?:price|amount|sum|value|consideration))?\s+of)?\s*(approximately|about|around|~)?\s*$/.exec(l.slice(-200));
      if (soldFor && !/\b(miners?|machines|rigs|equipment|shares?|stock)\b/.test(`${soldFor[2]} ${l.slice(-200).slice(soldFor.index).split(/bitcoins?|btc|coins/)[1]?.slice(0, 12) ?? ''}`)) {
        return { metric: 'btc_sold_proceeds', confidence: 0.75, notes: [] };
      }
      // "the sale of $208.3 million worth of bitcoin", "sold about $32 million worth of BTC"
      if (/\b(?:sold|sells|sale\s+of|sales\s+of|selling|liquidat(?:ed|ing|ion\s+of)|offload(?:ed|ing))\s+(?:approximately\s+|about\s+|around\s+|nearly\s+|~\s*)?$/.test(b.slice(-40)) && /^\s*(?:(?:million|billion|thousand|mn|bn|[mkb])\s+)?worth\s+of\s+(?:its\s+|their\s+|the\s+company['’]s\s+)?(?:bitcoins?|btc)\b/.test(a)) {
        return { metric: 'btc_sold_proceeds', confidence: 0.75, notes: [] };
      }
      // "The power cost per bitcoin self-mined was $13,798", "the average cost required to mine each BTC … stands at $51,887"
      // … and "direct cost of production per BTC*** of $12,500"
      const costBefore = /\bcosts?\s+(?:of\s+production\s+)?(?:per|to (?:self[- ])?mine|of (?:self[- ])?mining|required to mine|to produce|of producing|of mining)\s+(?:(?:one|a|each)\s+)?(?:(?:self-)?mined\s+|produced\s+)?(?:bitcoin|btc)(?:\s+(?:self-mined|mined|produced))?\b(?:[^$\d.;]|\d+(?:\.\d+)?\s?%){0,75}$/.exec(l.slice(-160));
      if (costBefore && !/revenue|hosting|price of bitcoin|bitcoin price/.test(l.slice(-160))) {
        return costPerBtc(l.slice(-160), sc, 0.65);
      }
      // "the cash cost per Bitcoin fell to $81,072 … and the all-in cost dropped to $99,383": an
      // all-in cost after a cost per coin in one sentence is per coin too (a total would be in millions)
      if (/\ball[- ]in\s+costs?\s+(?:(?:has|had|was|were|also)\s+)?(?:dropped|fell|declined|decreased|rose|increased|climbed|improved|came\s+in|stood|was|were)?\s*(?:to|at|of)?\s*(?:approximately\s+|about\s+|~\s*)?$/.test(w) && /\bcosts?\s+per\s+(?:bitcoin|btc|coin)\b/.test(sentLead) && !/thousand|million|billion|\b[kmb]n?\b/i.test(mention.raw) && !/revenue|hosting|price of bitcoin|bitcoin price/.test(w)) {
        return costPerBtc('all-in cost', sc, 0.6);
      }
      // "direct cost of production per BTC of $12,500 …, and our total average cash cost of production of
      // $17,600": a second cost of production after a cost per coin in one sentence is per coin too
      if (/\bcosts?\s+of\s+(?:production|mining)\s+(?:(?:has|had|was|were|also)\s+)?(?:dropped|fell|declined|decreased|rose|increased|climbed|improved|came\s+in|stood|was|were)?\s*(?:to|at|of)?\s*(?:approximately\s+|about\s+|~\s*)?$/.test(w) && /\bcosts?\s+(?:of\s+production\s+)?per\s+(?:bitcoin|btc|coin)\b/.test(sentLead) && !/thousand|million|billion|\b[kmb]n?\b/i.test(mention.raw) && !/revenue|hosting|price of bitcoin|bitcoin price/.test(w)) {
        return costPerBtc(w.slice(-60), sc, 0.6);
      }
      // "Mined 234 Bitcoin at … , compared to a cost to mine of $31,482": per coin in a sentence about
      // coins mined, when the amount carries no scale word (a total cost would be in millions)
      if (/\bcosts?\s+to\s+mine\s+of\s+(?:approximately\s+|about\s+|~\s*)?$/.test(w.slice(-40)) && /\b(?:bitcoins?|btc)\b/.test(sc) && !/thousand|million|billion|\b[kmb]n?\b/i.test(mention.raw) && !/hosting|hosted/.test(w)) {
        return costPerBtc(w.slice(-40), sc, 0.6);
      }
      if (/\b(purchased|bought|acquired|purchase of)\b[^$]{0,40}\b(bitcoin|btc)\b[^$]{0,30}\b(for|at a cost of|totall?ing)\b\s*(approximately|about|~)?\s*$/.test(w)) {
        return { metric: 'btc_purchased_cost', confidence: 0.75, notes: [] };
      }
      // "Revenue … totaled $35.8 million, including $26.1 million from digital assets and $9.7 million
      // from HPC": the mining part of a revenue split by source
      if (/\brevenues?\b/.test(l.slice(-160)) && /\b(?:including|of\s+which|with)\s+(?:approximately\s+|about\s+|~\s*)?$/.test(b.slice(-30)) && /^\s*(?:(?:million|billion|mn|bn|[mb])\s+)?(?:came\s+)?from\s+(?:its\s+|the\s+)?(?:digital\s+assets?(?:\s+mining)?|(?:bitcoin\s+|btc\s+|self[- ])?mining)\b(?!\s+(?:hosting|services|equipment|rigs|machines))/i.test(a) && !/\b(?:hosting|hosted|cloud)\b/.test(a.slice(0, 40))) {
        return { metric: 'mining_revenue', confidence: 0.65, notes: [REVENUE_PART] };
      }
      // "$67.2 million in digital asset self-mining revenue, $3.8 million in hosted mining revenue":
      // a figure whose own label follows it ("$X in … revenue") is named by that label alone
      const ownLabel = /^\s*(?:in|of)\s+((?:[\w'’-]+\s+){0,5}?revenues?)\b/.exec(a);
      if (ownLabel) {
        // "mined 689 bitcoins in Q3 2025 …, generating $72 million in revenues": what the coins mined brought in
        if (/^revenues?$/.test(ownLabel[1]!.trim()) && /\b(?:mined|produced|self[- ]mined)\s+(?:approximately\s+|about\s+|~\s*)?[\d.,]+\s*(?:bitcoins?|btc)\b[^$;]{0,90},\s+(?:generating|which\s+generated|bringing\s+in)\s+(?:approximately\s+|about\s+|~\s*)?$/.test(sentLead.slice(-220))) {
          return { metric: 'mining_revenue', confidence: 0.7, notes: ['the revenue the coins mined brought in'] };
        }
        return /\b(?:bitcoin|btc|self[- ])\s*mining revenues?$/.test(ownLabel[1]!) && !/hosting|cloud|hosted|total/.test(ownLabel[1]!) ? { metric: 'mining_revenue', confidence: 0.75, notes: ['named by the words after it'] } : undefined;
      }
      // … "revenue from BitFuFu's self-mining business" names the company in between
      // … and "Revenue from the bitcoin mining business in the third quarter of 2025 was" reaches further back
      const wRev = b.slice(-100);
      if ((/\b(bitcoin |btc |self[- ])?mining revenues?\b/.test(w) || /\brevenues? from (?:(?:the|its|our|[\w.-]+['’]s) )?(?:(?:bitcoin|btc) )?(?:self[- ])?mining\b/.test(wRev)) && !/hosting|cloud|total revenue|hosted|owned/.test(wRev)) {
        return { metric: 'mining_revenue', confidence: 0.75, notes: [] };
      }
      // "the bitcoin mining business generating revenue of RMB 989.4 million (US$138.1 million)": the
      // same amount in the second currency follows in parentheses
      // … "our Bitcoin mining business in November 2024, which generated RMB653.0 million (US$89.5 million)"
      if (/\b(?:bitcoin|btc|self[- ])\s*mining (?:business|operations?|segment)(?:\s+(?:launched\s+|started\s+|begun\s+)?in\s+[a-z]+\s+\d{4})?,?\s+(?:which\s+)?(?:generat\w*|contribut\w*|earn\w*|brought in|bringing in)\s+(?:revenues?\s+of\s+)?(?:[a-z]{3}\s?[\d.,]+\s*(?:million|billion|thousand|mn|bn)?\s*(?:\(\s*(?:us\s?)?)?)?$/.test(l.slice(-130)) && !/hosting|cloud|hosted/.test(w)) {
        return { metric: 'mining_revenue', confidence: 0.75, notes: [] };
      }
      // "Revenue was largely driven by Bitcoin mining, which generated $43.38 million"
      if (/\brevenues?\b[^.;$]{0,60}\b(?:driven\s+by|from|came\s+from)\s+(?:bitcoin|btc|self[- ])\s*mining,?\s+(?:which\s+)?(?:generated|contributed|brought\s+in|accounted\s+for)\s+(?:approximately\s+|about\s+|around\s+|~\s*)?$/.test(l.slice(-140)) && !/hosting|cloud|hosted/.test(w)) {
        return { metric: 'mining_revenue', confidence: 0.7, notes: [] };
      }
      // "the proprietary mining segment generated 3,577 bitcoin with a revenue of $100 million"
      if (/\b(?:bitcoin|btc|self[- ]|proprietary)\s*mining (?:business|operations?|segment)\b[^$;]{0,60}\bwith\s+(?:a\s+)?revenues?\s+of\s+(?:approximately\s+|about\s+|around\s+|~\s*)?$/.test(l.slice(-160)) && !/hosting|cloud|hosted/.test(w)) {
        return { metric: 'mining_revenue', confidence: 0.7, notes: [] };
      }
      // "Total revenues were $224.6 million, of which Bitcoin mining contributed about $220.9 million"
      if (/\brevenues?\b/.test(sc) && /\b(?:bitcoin|btc|self[- ])\s*mining(?:\s+operations|\s+business|\s+segment)?\s+(?:contributed|generated|brought in|accounted for)\s+(?:about\s+|approximately\s+|around\s+|~\s*)?$/.test(w) && !/hosting|cloud/.test(w)) {
        return { metric: 'mining_revenue', confidence: 0.7, notes: [] };
      }
      // "… revenue — around $220.9 million — came from its bitcoin mining operations"
      if (/\brevenues?\b/.test(l.slice(-60)) && /^\W{0,4}(?:came|was derived|were derived|derived|was generated|were generated)\s+from\s+(?:its|our|the company['’]s)?\s*(?:bitcoin\s+|self[- ])?mining\b/.test(a) && !/hosting|cloud/.test(a.slice(0, 70))) {
        return { metric: 'mining_revenue', confidence: 0.7, notes: [] };
      }
      return undefined;
    }
  }
}

const EXCL_DEP = /\bexclud\w*\s+(?:the\s+)?(?:\w+\s+)?depreciation|\bbefore depreciation|\bex[- ]depreciation/;

/**
 * A cost per BTC with its basis read from the company's words around it. `own` is the figure's
 * own words (from the previous figure to the next one): "excluding depreciation, was $83,091 per
 * Bitcoin, with all-in costs of $98,636" gives the first figure the basis its own words name.
 */
function costPerBtc(w: string, sentence: string, confidence: number, own?: string): Classified {
  if (own !== undefined) {
    const mine = costPerBtc(own, sentence, confidence);
    if (mine.basis !== 'company_defined') return { ...mine, ...costLabel(w) };
  }
  const exclDep = EXCL_DEP;
  // "our power strategy … drove down our average cost to mine": the strategy is not the cost's basis
  w = w.replace(/\bpower\s+strateg(?:y|ies)\b/g, ' ');
  const basis = /depreciation/.test(w) && !exclDep.test(w) && !/exclud/.test(w)
    ? 'incl_depreciation'
    : /all[- ]in(?!\s+(?:electric\w*|energy|power))/.test(w)
      ? 'all_in'
      : // "total cash costs of production" adds cash G&A to the direct cost: the company's own measure
        /\btotal\s+(?:average\s+)?cash\s+costs?\b/.test(w)
        ? 'company_defined'
        : /cash[- ]based|cash cost/.test(w)
        ? 'cash'
        : /electric|energy|power/.test(w)
          ? 'electricity'
          : /direct/.test(w) || exclDep.test(w)
            ? 'direct'
            : /\btotal cost\b/.test(w) && exclDep.test(sentence)
              ? 'incl_depreciation'
              : 'company_defined';
  return { metric: 'cost_per_btc', basis, confidence, notes: [], ...costLabel(w) };
}

function costLabel(w: string): { basisLabel?: string } {
  const label = /(?:[a-z-]+\s+){0,5}costs?(?:\s+[a-z-]+){0,5}/.exec(w)?.[0]?.trim();
  return label ? { basisLabel: label } : {};
}

/** The last n characters of s, widened to a whole first word ("power cost", not "r cost"). */
function wordTail(s: string, n: number): string {
  if (s.length <= n) return s;
  const from = s.length - n;
  const start = /[a-z]+$/i.exec(s.slice(0, from + 1))?.index ?? from;
  return s.slice(start);
}

/** The words that belong to one figure: after the previous figure, to the end of its clause. */
function ownWords(b: string, a: string): string {
  const prev = /.*(?:\$\s?\d[\d,.]*|\d[\d,.]*\s*(?:per|\/)\s*(?:bitcoin|btc)\b)/s.exec(b);
  const before = prev ? b.slice(prev[0].length) : b;
  // the next figure is not in `a`; its words start after the clause's end
  return `${before} ${a.split(/[,;]/)[0] ?? ''}`;
}

const AVG_SALE_PRICE_BEFORE = /\baverage\s+(?:net\s+)?(?:(?:bitcoin|btc)\s+)?(?:sales?\s+|selling\s+|realized\s+)?price\s+(?:per\s+(?:bitcoin|btc|coin)\s+(?:sold\s+)?|of\s+(?:bitcoin|btc)\s+sold\s+)?(?:of|was|were|at|stood at|:)?\s*(?:approximately\s+|about\s+|around\s+|~\s*)?$/;

interface ProseOptions {
  matcher?: CompanyMatcher;
}

/**
 * An article about several miners (news, AI summaries) lets "the company" follow the last name
 * mentioned; a company's own filing mentions peers and partners without handing them its figures.
 */
function isMultiCompany(doc: ParsedDocument, env: Env, matcher: CompanyMatcher | undefined): boolean {
  if (!matcher) return false;
  const hits = matcher.find(doc.text.slice(0, 200_000));
  const tickers = new Set(hits.map((h) => h.ticker));
  if (!env.company) return tickers.size > 0;
  // a company's own 10-Q/10-K names peers, suppliers and hosts; it never reports their figures
  if (env.periodic) return false;
  if (tickers.size < 2) return false;
  const counts = [...tickers].map((t) => hits.filter((h) => h.ticker === t).length).sort((a, b) => b - a);
  // a peer named about as often as the leader: an article about both
  return counts[1]! >= 2 && counts[1]! >= counts[0]! * 0.3;
}

/** Reads every text block of the document. */
export function readProse(doc: ParsedDocument, env: Env, opts: ProseOptions = {}): Candidate[] {
  const out: Candidate[] = [];
  let subject: string | undefined;
  const multi = isMultiCompany(doc, env, opts.matcher);
  const matcher = opts.matcher;
  const excluded: ExcludedValues = [];
  let prevHashSubject: string | undefined;
  // an article's sentence about a firm the registry does not know ("Meanwhile, Metaplanet has …",
  // then "The company … acquired 11,832 BTC"): its figures are not the company's
  let aboutOther = false;
  // "Fourth Quarter 2024 Highlights" over a list: the heading's period for the bullets under it
  let sectionCarry: Period | undefined;
  // a paragraph that opens right after one ending on a sale ("… while selling 1,975 [bitcoins]." then
  // "The miner received a total of $44 million") goes on about that sale
  let soldCarry = false;
  let soldPeriod: Period | undefined;
  for (const block of doc.blocks) {
    if (block.role === 'heading' || !multi) subject = undefined;
    if (!/\d/.test(block.text) && !figureInWords(block.text)) {
      if (multi) subject = updateSubject(block.text, matcher, subject);
      if (block.text.length <= 80) sectionCarry = undefined;
      soldCarry = false;
      continue;
    }
    const listItem = block.role === 'list-item' || /^\s*(?:[-*•●▪◦])\s+/.test(block.text);
    if (!listItem) sectionCarry = undefined;
    let carry: Period | undefined = sectionCarry;
    let headingPeriod: Period | undefined;
    let prevSold: boolean = soldCarry && !listItem && block.role !== 'heading';
    // … and takes the sale's period ("sold 2000 BTC in March." then "It raised $75 million")
    if (prevSold && soldPeriod && !carry) carry = soldPeriod;
    for (const { text: rawLine, start: lineStart } of splitLines(block.text)) {
      const lineOffset = block.offset + lineStart;
      const bullet = /^\s*(?:[-*•●▪◦]|\d{1,2}[.)])\s+/.exec(rawLine);
      const { text, cuts } = cutInlineFootnotes(bullet ? rawLine.slice(bullet[0].length) : rawLine);
      const base = lineOffset + (bullet?.[0].length ?? 0);
      // locators point into the document as printed, footnote and all
      const restore = (cs: Candidate[]) => {
        if (cuts.length) for (const c of cs) if (c.locator.kind === 'text') c.locator = { ...c.locator, offset: base + uncut(c.locator.offset - base, cuts) };
      };
      const lineFacts = readLabelLine(text, base, env);
      if (lineFacts) {
        restore(lineFacts);
        out.push(...lineFacts);
        continue;
      }
      for (const sent of splitSentences(text)) {
        const sOffset = base + sent.offset;
        const found = readSentence(sent.text, sOffset, env, matcher, subject, multi, carry, prevSold, { ...(prevHashSubject ? { prevHashSubject } : {}), excluded });
        restore(found.candidates);
        prevHashSubject = hashSubjectOf(sent.text);
        prevSold = !!found.sold;
        if (found.sold) soldPeriod = found.period;
        if (!env.periodic) {
          const lead = sentenceLead(sent.text, found.named, env.company, doc.text);
          aboutOther = lead === 'other' || (lead === 'follows' && aboutOther);
        }
        out.push(...(aboutOther ? found.candidates.filter((c) => c.company) : found.candidates));
        subject = multi ? found.subject : undefined;
        // a line with no figure and no period ("|", "• |") does not end what the lead-in named
        if (found.period || /\d/.test(sent.text)) carry = found.period;
        // "… on track to achieve 12 EH/s in Q2 2024." names a plan's period: the next sentence's figures are not of it
        if (carry && env.filedDate && periodEnd(carry) > env.filedDate) carry = undefined;
        if (found.period && !found.candidates.length && sent.text.length <= 80 && !listItem) headingPeriod = found.period;
      }
    }
    if (headingPeriod) sectionCarry = headingPeriod;
    soldCarry = prevSold && !listItem && block.role !== 'heading';
  }
  return out.filter((c) => !restatesExcluded(c, excluded));
}

/** A capacity figure with nothing of its own (no period, no basis but "capacity") equal to one named as a plan or another's. */
function restatesExcluded(c: Candidate, excluded: ExcludedValues): boolean {
  const kind: MentionKind | undefined = c.metric.startsWith('hashrate_') ? 'hashrate' : c.metric === 'power_capacity' ? 'mw' : undefined;
  if (!kind || c.source !== 'prose') return false;
  if (!excluded.some((x) => x.kind === kind && Math.abs(x.value - c.value) <= Math.abs(c.value) * 1e-6)) return false;
  return c.notes.includes('period from the document') || c.basis === 'unspecified' || c.notes.includes(CAPACITY_WORD_ONLY);
}

// (the capital that follows is not the value's own unit: "total operational: 1,027 MW, 45.6 EH/s")
const LABEL_VALUE_END = /:\s*~?\s*\(?(?:US\$|\$)?\s*\d[\d.,]*\)?(?:\s*(?:million|billion|thousand|k|m)\b)?(?:\s*(?:eh\/s|ph\/s|j\/th|w\/th|mw|btc|bitcoins?|c\/kwh|¢\/kwh))?(?=\s+[A-Z“"])(?!\s+(?:million|billion|thousand|eh\/s|ph\/s|j\/th|w\/th|mw|gw|btc|bitcoins?|c\/kwh|¢\/kwh|[kmb])\b)/gi;

/**
 * Lines of a block; a run of "Label: value" pairs that lost its line breaks (PDF text layers,
 * scraped pages: "Bitcoin mined in November: 666 Total BTC holdings as of November 30: 2,575")
 * is cut after each value that a capitalised word follows.
 */
function splitLines(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  // hard-wrapped copies ("total BTC balance held in\nreserve", "at 4.2\nexahash/second"): a line that
  // goes on in lower case, or a figure whose unit was wrapped, is one line (same length, offsets kept)
  const unwrapped = text.replace(/(?<=[A-Za-z0-9,’'”])\n(?=[a-z]|(?:bitcoins?|btc|eh\/s)[,.;](?:\s|$))/gi, (nl, at: number) =>
    /^[a-z]/.test(text[at + 1] ?? '') || (/\d$/.test(text.slice(Math.max(0, at - 1), at)) && /^(?:bitcoins?|btc|eh\/s)[,.;](?:\s|$)/i.test(text.slice(at + 1, at + 12))) ? ' ' : nl,
  );
  for (const line of unwrapped.split('\n')) {
    let from = 0;
    if ((line.match(/:\s*~?\s*\(?\$?\s*\d/g) ?? []).length >= 2) {
      LABEL_VALUE_END.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = LABEL_VALUE_END.exec(line))) {
        const end = m.index + m[0].length;
        out.push({ text: line.slice(from, end), start: start + from });
        from = end + (/^\s+/.exec(line.slice(end))?.[0].length ?? 0);
      }
    }
    out.push({ text: line.slice(from), start: start + from });
    start += line.length + 1;
  }
  return out;
}

function updateSubject(text: string, matcher: CompanyMatcher | undefined, subject: string | undefined): string | undefined {
  if (!matcher) return subject;
  const hits = matcher.find(text);
  return hits.length ? hits[hits.length - 1]!.ticker : subject;
}

/** "Bitcoin mined in November: 535", "Total BTC holdings as of November 30: 281". */
function readLabelLine(text: string, offset: number, env: Env): Candidate[] | undefined {
  const m = /^([A-Za-z][^:]{2,300}?)\s*[:：]\s*(~?\s*\(?(?:US\$|\$)?\s*[\d.,]+\)?\s*(?:million|billion|thousand|k|m)?\s*(?:eh\/s|ph\/s|j\/th|w\/th|mw|btc|bitcoin|c\/kwh|¢\/kwh)?)\s*\.?$/i.exec(text.trim());
  if (!m) return undefined;
  let label = m[1]!;
  if (label.length > 60) {
    // a heading glued in front of the first pair ("… Mining Update (unaudited) Bitcoin mined in November")
    const starts = [...label.matchAll(/(?<=\s)[A-Z]/g)].map((x) => x.index).reverse();
    const tail = starts.map((i) => label.slice(i)).find((t) => t.length >= 8 && classifyLabel(t, env.aliasRules));
    if (!tail) return label.length > 100 ? undefined : [];
    label = tail;
  }
  const hit = classifyLabel(label, env.aliasRules);
  if (!hit) return [];
  const cell = readCell(m[2]!.replace(/\s*(btc|bitcoin)$/i, ''));
  if (!cell || cell.num.percent) return [];
  const hits = findPeriods(label, dateOpts(env));
  let period: Period | undefined;
  const ytd = hits.find((h) => h.ytd);
  if (ytd) period = resolveYtd(ytd, env);
  else period = hits[0]?.period ?? env.defaultPeriod;
  let fitted = fitPeriod(hit.rule.metric, period);
  if (!fitted) return [];
  const notes = hits.length ? [] : ['period from the document'];
  // "Current hashrate: 10.02 EH/s" in an update published after its month: the fleet on the day it
  // is out, as the prose reader takes "current" (holdings keep the report's month-end); the
  // month-end reading is kept below 0.5, as the level days before is close but not stated
  let monthEnd: Period | undefined;
  if (!hits.length && fitted.kind === 'instant' && !hit.rule.metric.startsWith('btc_') && CURRENT_WORD.test(label) && env.filedDate && env.filedDate > fitted.asOf) {
    monthEnd = fitted;
    fitted = { kind: 'instant', asOf: env.filedDate };
    notes.push('"current" in a report published after its period: as of the publication date');
  }
  let value = cell.num.value;
  if (hit.rule.value === 'hashrate' && /ph\/s/i.test(`${cell.unitText} ${label}`)) value = value / 1000;
  if (hit.rule.value === 'usd' && cell.num.scale === 1) value *= moneyScale(label) ?? 1;
  if (hit.rule.value === 'usd_per_kwh' && /c\/kwh|¢|cents/i.test(`${cell.unitText} ${label}`)) value /= 100;
  const c: Candidate = {
    metric: hit.rule.metric,
    value: tidy(value),
    period: fitted,
    snippet: text.trim().slice(0, 240),
    locator: { kind: 'text', offset, length: text.length },
    confidence: (hit.rule.confidence ?? 0.85) - (hits.length ? 0 : 0.1),
    notes,
    source: 'line',
  };
  if (hit.rule.basis) c.basis = hit.rule.basis;
  else if (hit.rule.metric.startsWith('hashrate_')) c.basis = hashrateBasisWord(hit.norm);
  if (hit.rule.metric === 'cost_per_btc') c.basisLabel = label.trim();
  if (monthEnd) return [c, otherReading(c, monthEnd, ['period from the document', CURRENT_AT_PUBLICATION])];
  return [c];
}

// "as low as 1.3 cents": the best hour of a period, not its figure
const THRESHOLD_BEFORE = /\b(as (?:low|high|little|much) as|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|over|more than|nearly|almost|above|tops?|topped|topping|cross(?:es|ed|ing)?|pass(?:es|ed|ing)|beyond|at least|in excess of|north of|upwards of|close to|under|below|less than)\s*$/i;

const TRIGGER = /bitcoin|btc|eh\/s|\beh\b|ehum|ph\/s|exahash|petahash|j\/th|w\/th|terahash|mw\b|megawatt|gigawatt|kwh|kilowatt|mwh|\$/i;

const PAST_TENSE = /\b(was|were|had|held|reached|increased|rose|grew|ended|exited|stood|totall?ed|decreased|declined|fell|achieved|expanded|brought|remained|mined|produced|sold|enhanced|improved|boosted|lifted|raised|upgraded|added|energized|deployed|surpassed|climbed|jumped|doubled|tripled)\b/i;

/** Words of a comparison that say nothing about what the compared figure is. */
const COMPARED_FILLER = /\b(?:a|an|the|its|their|our|slight(?:ly)?|marginal(?:ly)?|significant(?:ly)?|sharp(?:ly)?|modest(?:ly)?|decrease[sd]?|increase[sd]?|declined?|rise|rose|drop(?:ped)?|fell|up|down|from|compared|to|with|versus|vs|as|previous|prior|record|last|of|by|approximately|about|around|nearly|roughly|over|month|quarter|year|mom|yoy|month-over-month|year-over-year)\b|\d+(?:\.\d+)?\s*%|[~,.;:()\s-]+/gi;
const COMPARED_FILLER_LEFT = /[a-z]/i;

/** Words that name a period the reader could not resolve: never fall back to the document's period. */
const UNRESOLVED_PERIOD = /\b(year|years|quarter|q[1-4]|h[12]|fiscal|ytd|to date|since|cumulative|months|week|weeks|inception|annual|annually|adoption|transition)\b/i;

/** "at month-end", "by the end of the quarter" (and "at year end" when the report's period closes the fiscal year): the report's own period end. */
function ownEndRe(withYear: boolean, flags: string): RegExp {
  const grain = withYear ? '(?:month|quarter|year)' : '(?:month|quarter)';
  // … and "ended the quarter with …", "exited the month with …"
  return new RegExp(`\\b(?:at|as of|by)\\s+(?:the\\s+)?${grain}[- ]end\\b|\\b(?:at|as of|by)\\s+the\\s+end\\s+of\\s+the\\s+${grain}\\b|\\b(?:ended|ending|exited|closed|finished|finishing)\\s+the\\s+${grain}\\b|\\b${grain}\\s+(?:ended|closed)\\s+with\\b`, flags);
}

/** Flows an announcement may date to one day (a treasury purchase or sale). */
const DAY_FLOWS: ReadonlySet<Metric> = new Set<Metric>(['btc_sold', 'btc_sold_proceeds', 'btc_sold_avg_price', 'btc_purchased', 'btc_purchased_cost']);

/** The date is named as a day something happened: "on Dec. 19" (the hit may or may not take in its "on"). */
function onDay(text: string, h: PeriodHit): boolean {
  return /\bon\s+$/i.test(text.slice(Math.max(0, h.index - 4), h.index)) || /^on\s/i.test(text.slice(h.index, h.index + 3));
}

/** Between a change in holdings and the level it brings: ", bringing its total to". */
const TOTAL_BROUGHT = /^[^.;$]{0,60}?\b(?:bringing|taking|lifting|raising|brings|takes)\s+(?:its|the\s+company['’]s|their|our|the)\s+(?:total|holdings|balance|treasury|reserves?)\s+(?:holdings\s+|balance\s+)?(?:up\s+)?(?:to|of)\s+(?:approximately\s+|about\s+|~\s*)?$/i;

/** Between two readings of one figure: "21.9 exahashes or 22.4 …". */
const OR_GAP = /^\s*(?:\*+\s*)?,?\s*or\s+(?:approximately\s+|about\s+|~\s*)?$/i;

/** Words that date a figure to when it was written: "current efficiency", "we now operate". */
/** "as of June 30, 2021" right after a figure */
const PAST_DATE_AFTER = /^\s*(?:EH\/s\s*)?,?\s*as\s+of\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)/;

const REVENUE_PART = 'the mining part of a revenue split by source';

const CURRENT_WORD = /\b(?:current(?:ly)?|now|today|presently|at present)\b/i;

/** A sentence about what happened after the report's period ended. */
const AFTER_PERIOD_END = /\b(?:subsequent\s+to|after|since)\s+(?:the\s+)?(?:quarter|period|month|year)(?:['’]s)?[- ](?:end|close)\b/i;

/** Holdings stated as they stand after an event: "brings … holdings to", "now holds", "total holdings of". */
const NOW_HELD = /\b(?:brings?|bringing|brought|lifts?|lifting|raises?|raising|takes?|taking|reduces?|reducing|reduced|cuts?|cutting|lowers?|lowering)\b[^.;]{0,60}\bholdings?\b[^.;]{0,20}\bto\b|\bnow\s+holds?\b|\btotal\s+(?:bitcoin\s+|btc\s+)?holdings\s+(?:to|of|at|now)\b/i;

/**
 * The period a figure takes in a dated announcement that reports no period of its own, from the
 * words of its clause: "The purchase brings its holdings to 10,096 BTC" and "today announced it has
 * surpassed a total hashrate of 10 EH/s" are the levels on the day; "funded entirely by the sale
 * of approximately 1,080 bitcoin" is the sale it announces, dated that day (trusted less by the
 * caller: the days of the sale itself are not given).
 */
/** The note on a sale or purchase dated only by the day the announcement is out (finalize prefers a dated copy). */
export const DATED_AT_PUBLICATION = 'a sale or purchase the announcement names without its days: dated at publication';

function announcementPeriod(metric: Metric, clauseText: string, filedDate: string): { period: Period; note: string } | undefined {
  const today: Period = { kind: 'instant', asOf: filedDate };
  if (metric === 'btc_held' && NOW_HELD.test(clauseText)) return { period: today, note: 'holdings after the announced event: as of publication' };
  if (metricKind(metric) === 'stock' && /\b(?:now|today|current|currently|has|have|is|are|reaches|hits|tops|surpasses|crosses)\b/i.test(clauseText)) {
    return { period: today, note: 'a present level in an announcement with no period of its own: as of publication' };
  }
  if (DAY_FLOWS.has(metric) && /\b(?:sold|sale\s+of|sells|purchased|purchase\s+of|acquired|bought)\b/i.test(clauseText)) {
    return { period: { kind: 'flow', start: filedDate, end: filedDate, grain: 'other' }, note: DATED_AT_PUBLICATION };
  }
  return undefined;
}

/** How far around a figure its clause and sentence are read: real sentences are far shorter. */
const WINDOW = 600;

interface SentenceContext {
  /** the previous sentence's "… hash rate" subject, for "this figure improved further to 46.09 EH/s" */
  prevHashSubject?: string;
  /** collects capacity values named as someone else's or as a plan (see ExcludedValues) */
  excluded?: ExcludedValues;
}

const CURRENT_AT_PUBLICATION = '"current" at publication: the period-end level is not stated';

/**
 * The other date a figure may be read at where readers split ("Current hashrate: 10.02 EH/s" in an
 * update out days after its month: the day it is out, or the month's end): kept below 0.5, so a
 * default export shows one reading and a flagged one stays for review.
 */
function otherReading(c: Candidate, period: Period, notes: string[]): Candidate {
  return { ...c, period, confidence: Math.min(c.confidence, 0.45), notes };
}

/** The figures of a sentence by the metric each was read as, in order. */
function mentionsByMetric(classified: readonly { m: Mention; c: Classified }[]): Map<Metric, Mention[]> {
  const byMetric = new Map<Metric, Mention[]>();
  for (const { m, c } of classified) byMetric.set(c.metric, [...(byMetric.get(c.metric) ?? []), m]);
  return byMetric;
}

/** "June's 360": a month's possessive right before a figure */
const MONTH_POSSESSIVE = new RegExp(`\\b(${MONTH_RE_SRC})['’]s\\s+(?:approximately\\s+|about\\s+|~\\s*)?$`, 'i');

/** Between two figures of one list: the first one's period, then "and" ("… in March 2023 and a record …"). */
// … "Mined 1,434 BTC in Q4 2022; 5,167 BTC in 2022"
const LIST_GAP = /^\s*(?:(?:in|for|during|over|as of|at|on)\s+)?[\w ,'’-]{1,30}?\s*(?:[,;]\s*and|,\s*followed\s+by|,\s*then|[,;]|and)\s+(?:an?\s+)?(?:(?:new\s+)?record\s+)?$/i;
/** between "from X" and "to Y": at most a short period phrase ("in April", "at the end of Q1") */
const FROM_TO_GAP = /^\s*(?:(?:per|\/|a|each)\s*(?:bitcoin|btc|coin)\s*)?(?:(?:in|during|for|at|as of|on)\s+[\w ,.'’-]{1,30}?\s+)?to\s+(?:approximately\s+|about\s+|~\s*)?$/i;

const ANAPHORA = /\b(?:this|that|the same)\s+(?:figure|number|metric|measure|level)\b|^\W*(?:[A-Z][a-z]+,\s+)?it\s+(?:rose|improved|increased|climbed|reached|grew|stood|was|edged|jumped|came|fell|declined|decreased|dropped|slipped)\b/i;

function readSentence(s: string, offset: number, env: Env, matcher: CompanyMatcher | undefined, subjectIn: string | undefined, multi: boolean, carry?: Period, prevSold = false, sctx: SentenceContext = {}): { candidates: Candidate[]; subject: string | undefined; period?: Period; sold?: boolean; named: { ticker: string; index: number }[] } {
  const companies = matcher ? matcher.find(s) : [];
  let subject = subjectIn;
  // "Rockdale Facility: Maintained a steady 15.0 EH/s": one site's figure, not the company's
  // … or "McCamey, TX: 82% utilization (7.7 EH/s)": a place and its state
  const siteLine = /^\s*(?:[-–•*]\s+)?[A-Z][\w .'’&-]{1,40}?\b(?:Facility|Facilities|Site|Campus|Data Cent(?:er|re)|Mine|Farm|Plant)\s*:/.test(s) || /^\s*(?:[-–•*]\s+)?[A-Z][\w .'’-]{1,30},\s*[A-Z]{2}\s*:/.test(s);
  const mentions = TRIGGER.test(s) && !siteLine ? findMentions(s) : [];
  if (!mentions.length) {
    // a lead-in naming the period of what follows: "Operations (for the month of February 2023):"
    // … or a section heading that names one ("Fourth Quarter 2024 Highlights")
    const heading = s.length <= 80 && /\b(?:highlights|results|summary|operational|operating|metrics|update)\s*:?\s*$/i.test(s);
    const lead = /:\s*\)?\s*$/.test(s) || heading ? findPeriods(s, dateOpts(env)).filter((h) => !h.ytd) : [];
    const leadPeriod = lead.length === 1 ? lead[0]!.period : undefined;
    return { candidates: [], subject: companies.length ? companies[companies.length - 1]!.ticker : subject, named: companies, ...(leadPeriod ? { period: leadPeriod } : {}) };
  }
  const clauses = clauseBounds(s);
  const named = findPeriods(s, { ...dateOpts(env), keepUnanchored: true }).filter((h) => !notAPeriod(s, h));
  const local = named.filter((h) => !h.unanchored).flatMap((h) => {
    const p = h.ytd ? resolveYtd(h, env) : h.period;
    return p ? [{ index: h.index, period: p }] : [];
  });
  const yearBack = samePeriodHits(s, env.defaultPeriod, local);
  const periods = [...named, ...yearBack, ...relativeDayHits(s)].sort((a, b) => a.index - b.index);
  // the period a following sentence may inherit: never one named in a comparison ("… from 6,412.6 BTC in October")
  const firstClauseEnd = clauses.find((c) => !c.comparison)?.end ?? clauses[0]?.end ?? s.length;
  // … nor one that labels a compared figure in parentheses ("$823.4 million (FY2024: $245.8 million)")
  const ownHits = periods.filter((h) => h.index < firstClauseEnd && !(/\(\s*(?:vs\.?\s+)?$/i.test(s.slice(Math.max(0, h.index - 8), h.index)) && /^\s*[:：]\s*\(?[$~]?\s*\d/.test(s.slice(h.index + h.length, h.index + h.length + 12))));
  const ownHit = ownHits.find((h) => !h.ytd && h.period.kind === 'flow') ?? ownHits.find((h) => !h.ytd);
  // a sentence about a month nothing dates hands on no period (not even a later "its 2024 total")
  const ownPeriod = ownHit?.unanchored ? undefined : ownHit?.period;
  const respectively = /\brespectively\b/i.test(s);
  const out: Candidate[] = [];
  const classified: { m: Mention; c: Classified; clauseIdx: number }[] = [];
  // figures named as the level today inside a plan ("our existing 8.7 EH/s"): dated at publication
  const present = new Set<Mention>();
  let forwardRun = false;
  // "At 30 EH/s, nameplate fleet efficiency of 16 J/TH": what a fleet would do at a size, not what it does
  // … and "Going from 5.6 EH/s to 10 EH/s improves fleet efficiency from 29.5 J/TH to 24.8 J/TH"
  // "A hashcost of $62.1/PH/s with a fleet efficiency of 22 J/TH implies … $0.12 per kWh": a writer's
  // sum on assumed inputs, not figures the company states
  const inference = /^\W*(?:a|an)\s+(?:[^.;]|\.(?=\d)){0,140}?\b(?:implies|would\s+imply|suggests|translates\s+(?:in)?to)\b/i.test(s);
  const hypothetical = inference || /^\W*at\s+(?:~\s*)?[\d.,]+\s*(?:eh\/s|exahash\w*)\s*,/i.test(s) || /^\W*(?:going|growing|moving|expanding|scaling)\s+from\s+(?:~\s*)?[\d.,]+\s*(?:eh\/s|exahash\w*)\s+to\s+(?:~\s*)?[\d.,]+\s*(?:eh\/s|exahash\w*)/i.test(s);
  mentions.forEach((m, i) => {
    const clauseIdx = clauses.findIndex((c) => m.start >= c.start && m.start < c.end);
    const clause = clauses[clauseIdx]!;
    const prevEnd = Math.max(clause.start, i > 0 ? mentions[i - 1]!.end : 0);
    const nextStart = Math.min(clause.end, i + 1 < mentions.length ? mentions[i + 1]!.start : s.length);
    // "exited the quarter with $124.9 million in unrestricted cash and 11,466 bitcoin": coins listed
    // after a cash balance share the words before it
    const prev = i > 0 ? mentions[i - 1]! : undefined;
    const afterCash = m.kind === 'btc' && prev?.kind === 'usd' && prev.start >= clause.start && /^\s*(?:in|of)\s+(?:unrestricted\s+)?cash(?:\s+and\s+cash\s+equivalents)?\s*,?\s+and\s+$/i.test(s.slice(prev.end, m.start));
    const before = afterCash ? s.slice(Math.max(clause.start, prev.start - 100), prev.start) : s.slice(Math.max(clause.start, prevEnd - 0, m.start - 140), m.start);
    const beforeWide = s.slice(Math.max(clause.start, m.start - 140), m.start);
    // "28 EH/s (15 J/TH) installed capacity": words after a short aside in parentheses still name the figure
    const aside = /^\s*\([^()]{1,30}\)/.exec(s.slice(m.end, clause.end));
    const after = aside
      ? ' '.repeat(aside[0].length) + s.slice(m.end + aside[0].length, Math.min(clause.end, mentions.find((x) => x.start >= m.end + aside[0].length)?.start ?? s.length))
      : s.slice(m.end, nextStart);
    if (DELTA_BEFORE.test(s.slice(Math.max(0, m.start - 40), m.start))) return;
    // a lone capacity figure whose label sits on another line ("21.5 EH/s" under a heading): nothing says what it is
    if ((m.kind === 'hashrate' || m.kind === 'mw') && s.length < 200 && !/[a-z]{3}/i.test(`${s.slice(0, m.start)} ${s.slice(m.end)}`)) return;
    // "0.3 EH/s lower than …", "1,200 BTC more than a year ago": a difference, not a level
    if (/^\s*(?:lower|higher|more|less|fewer|above|below|greater)\s+than\b/i.test(s.slice(m.end, m.end + 20))) return;
    // "exceeds 10,000 bitcoin held" is a threshold, not the figure
    const clauseOf = clauses.find((c) => m.start >= c.start && m.start < c.end);
    // "Mackenzie (2.5 EH/s, 80MW – BC, Canada)": a named site with its capacity in parentheses
    if (/^\s*(?:[-–•*]\s+)?[A-Z][\w .'’&-]{1,40}\(\s*(?:~|approx\.?\s*)?$/.test(s.slice(0, m.start)) || (/^\s*(?:[-–•*]\s+)?[A-Z][\w .'’&-]{1,40}\([^)]*$/.test(s.slice(0, m.start)) && m.kind === 'mw')) return;
    // "… ongoing Prince George (1.4 EH/s, 50MW – BC, Canada) Foundation works …": a site named mid-sentence
    if (/\b[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}\s*\(\s*(?:~|approx\.?\s*)?$/.test(s.slice(Math.max(0, m.start - 60), m.start)) && !/\b(?:Hash\s?rate|Hash Rate|Capacity|Total|Average|Operating|Installed|Deployed|Self)\b[^(]*\(\s*\S*$/.test(s.slice(Math.max(0, m.start - 60), m.start)) && /^[^)]{0,40}\b(?:\d+\s*MW|megawatts?)\b[^)]*(?:[–-]|,\s*[A-Z])/i.test(s.slice(m.end, m.end + 80))) return;
    // "sub-30 w/TH miners", "30-40 w/TH machines": a class of machines, not the fleet's efficiency
    if (m.kind === 'efficiency' && (/^\s*(?:miners?|machines?|rigs?|asics?|units|models?|servers?)\b/i.test(s.slice(m.end, m.end + 20)) || /(?:\bsub-?|\d\s*[-–])\s*$/i.test(s.slice(Math.max(0, m.start - 6), m.start)))) return;
    // "negative realized electricity costs of ~US$0.08/kWh": the sign is a word the figure does not carry
    if ((m.kind === 'kwh' || m.kind === 'usd') && /\bnegative\b/i.test(s.slice(Math.max(0, m.start - 60), m.start))) return;
    // "a little below 616.6 in September" compares two figures; "below 100 EH/s" alone is a bound
    // "achieved a self-mining capacity of up to 7.2 EH/s": a capacity is the most a fleet can do, so
    // "up to" names its size, once it is reached (not "capacity of up to 10 EH/s by year-end")
    const capacityReached = m.kind === 'hashrate' && /\b(?:achieved|reached|completed|attained|hit|has|have|with)\b[^.;]{0,60}\bcapacity\s+of\s+up\s+to\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(s.slice(Math.max(0, m.start - 110), m.start));
    const threshold = !capacityReached && THRESHOLD_BEFORE.test(s.slice(Math.max(0, m.start - 30), m.start)) && !(clauseOf?.comparison && /\b(?:below|above|under|over)\s*$/i.test(s.slice(Math.max(0, m.start - 12), m.start)) && clauseOf.start > 0);
    // "edged up to 36.5 EH/s" is a level reached, not a ceiling ("up to 50 EH/s")
    // "lowered its guidance from 6.0 EH/s to 5.0 EH/s": the figure moved to keeps the words before "from"
    const movedTo = clauseIdx >= 2 && /^\s*to\b/i.test(s.slice(clause.start, clause.start + 6));
    // … and "Operating guidance increased from 3.7 EH/s to 4.3 EH/s": the figure moved from keeps them too
    const movedFrom = !movedTo && clauseIdx >= 1 && /^\s*,?\s*from\b/i.test(s.slice(clause.start, clause.start + 8));
    const fwdBefore = movedTo ? s.slice(Math.max(clauses[clauseIdx - 2]!.start, m.start - 200), m.start) : movedFrom ? s.slice(Math.max(clauses[clauseIdx - 1]!.start, m.start - 200), m.start) : beforeWide;
    // "16 EH/s installed (18 J/TH) – on track for 30 EH/s": a figure in parentheses describes the one
    // before it, so the words after the parenthesis are not its own
    const inParens = /\(\s*(?:~|approx\.?\s*|c\.\s*)?$/.test(s.slice(Math.max(0, m.start - 12), m.start)) ? /^[^()]{0,30}?\)/.exec(s.slice(m.end, m.end + 40)) : null;
    const ownAfter = inParens ? inParens[0] : after;
    let fwdWindow = `${capacityReached ? fwdBefore.replace(/\bup\s+to\s+(?:approximately\s+|about\s+|~\s*)?$/i, ' ') : fwdBefore} ${TARGET_MET_AFTER.test(ownAfter) ? '' : ownAfter.split(/[,;]|\band\b|\bwith\s+(?:an?\s+|the\s+|its\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:targets?|goals?)\s+of\b/)[0]}`
      .replace(/\b(?:edged|ticked|inched|crept|moved|went|climbed|rose|jumped)\s+up\s+to\b/gi, ' ')
      // "brings the firm's BTC holdings up to 10,096 BTC": a level reached too
      .replace(/\b(brings?|bringing|brought)\b([^.;$\d]{0,60}?)\bup\s+to\b/gi, '$1$2 ')
      // "Achieves Q3 Hash Rate Target, with 28.2 EH/s Deployed": a target met is a fact
      .replace(/\b(?:achiev(?:ed|es|ing)|met|meets|reached|reaches|hit|hits|surpass(?:ed|es)|exceed(?:ed|s)|beat|beats)\s+(?:(?:its|our|the|their)\s+)?(?:[\w'’-]+\s+){0,4}?(?:targets?|goals?|guidance)\b(?!\s+of\b)/gi, ' ')
      // "achieving its efficiency target of 21 w/TH three months ahead of schedule": a target of a
      // stated size, met early
      .replace(/(?<!\bto\s)\b(?:achieved|achieving|reached|met)\s+(?:(?:its|our|the|their)\s+)?(?:[\w'’-]+\s+){0,3}?(?:targets?|goals?)\s+of\b(?=\s+(?:[\w-]+\s+){0,3}?ahead\s+of\s+schedule\b)/gi, ' ');
    // "held 19,211 BTC by the end of April": a past statement; a future month is caught by the publication date
    // "miners deployed to 19,395 miners, which could generate approximately 2.09 EH/s as of June 30":
    // what the machines in place can do on a past date, not a plan ("when fully deployed, could" is one)
    if (m.kind === 'hashrate' && /\b(?:deployed|installed|energized|in\s+operation)\b[^.;]{0,60}\b(?:which|that)\s+(?:could|can)\s+(?:generate|produce|deliver)\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(s.slice(Math.max(0, m.start - 120), m.start)) && !/\b(?:when|once|upon|after|if)\b/i.test(s.slice(Math.max(0, m.start - 120), m.start)) && PAST_DATE_AFTER.test(s.slice(m.end, m.end + 40))) {
      fwdWindow = fwdWindow.replace(/\b(?:could|can)\s+(?=(?:generate|produce|deliver)\b)/gi, ' ');
    }
    // "fleet wide efficiency is estimated at 27.8 J/TH": today's figure, measured roughly, not a forecast
    fwdWindow = fwdWindow.replace(/\b(?:now|currently|is|are)\s+(?:now\s+)?estimated\s+at\b/gi, ' ');
    if (PAST_TENSE.test(fwdWindow)) fwdWindow = fwdWindow.replace(/\bby the end of (?:the (?:month|quarter|period)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?|q[1-4](?:\s+(?:19|20)\d\d)?\b|(?:the\s+)?(?:first|second|third|fourth)\s+quarter(?:\s+(?:of\s+)?(?:19|20)\d\d)?)/gi, ' ');
    // "Our 2024 plan targets … 21 EH/s, … 391 MW, and … to 23 w/TH": a list under one plan stays a plan
    const gapFromPrev = i > 0 ? s.slice(mentions[i - 1]!.end, m.start) : '';
    // "on top of our existing 8.7 EH/s", "expansion of current installed hashrate of approximately
    // 1.2 EH to …": the level today, named inside a plan
    const presentLevel = (m.kind === 'hashrate' || m.kind === 'mw' || m.kind === 'efficiency') && /\b(?:existing|current(?:ly)?)\s+(?:[\w-]+\s+){0,3}?(?:of\s+)?(?:approximately\s+|about\s+|~\s*)?$/i.test(s.slice(Math.max(0, m.start - 50), m.start));
    // "increasing self-mining operating capacity from 2.0 EH/s to 5.5 EH/s over the coming months":
    // inside a plan, the level moved from is today's (the one moved to is the plan)
    const next = mentions[i + 1];
    const planFrom =
      !presentLevel &&
      (m.kind === 'hashrate' || m.kind === 'efficiency') &&
      next?.kind === m.kind &&
      /\bfrom\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(s.slice(Math.max(0, m.start - 30), m.start)) &&
      /^\s*to\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(s.slice(m.end, next.start)) &&
      !PAST_TENSE.test(s.slice(Math.max(clause.start, m.start - 80), m.start)) &&
      // "capacity guidance increased from 4.3 EH/s to 4.7 EH/s": both figures are plans
      !/\b(?:guidance|targets?|goals?|forecasts?|outlook|projections?|estimates?)\b/i.test(s.slice(Math.max(0, m.start - 80), m.start)) &&
      FORWARD_LOOKING.test(`${fwdWindow} ${s.slice(next.end, next.end + 60).split(/[.;]/)[0]}`);
    if ((presentLevel && FORWARD_LOOKING.test(fwdWindow)) || planFrom) present.add(m);
    if (!presentLevel && !planFrom && (FORWARD_LOOKING.test(fwdWindow) || (forwardRun && !PAST_TENSE.test(gapFromPrev) && !/[;.]|\b(?:which|that|while|whereas|but|because|result\w*|push\w*|driv\w*|drove|led|lead\w*)\b/i.test(gapFromPrev)))) {
      forwardRun = true;
      if (m.kind === 'hashrate' || m.kind === 'mw') exclude(sctx.excluded, m);
      return;
    }
    forwardRun = false;
    const sentenceWin = s.length > 4 * WINDOW ? s.slice(Math.max(0, m.start - 2 * WINDOW), m.end + 2 * WINDOW) : s;
    const sentenceCtx = prevSold ? `sold: ${sentenceWin}` : sentenceWin;
    // "…, a slight decrease from 19,309 BTC": a compared figure with no words of its own is the
    // same metric as the one it is compared with, whatever words follow it
    const bareCompared = m.sameAsPrev || (clause.comparison && m.start - clause.start < WINDOW && !COMPARED_FILLER_LEFT.test(s.slice(clause.start, m.start).replace(COMPARED_FILLER, ' ')));
    const prevSame = lastClassified(classified, m.kind, clauseIdx);
    // "…, including $26.1 million from digital assets and $9.7 million from HPC, down from $50.6
    // million": the figure compared is the total the parts came from, not the part before it
    const partBefore = prevSame?.c.notes.includes(REVENUE_PART);
    let c = bareCompared && prevSame && !partBefore
      ? { ...prevSame.c, confidence: prevSame.c.confidence - 0.05, notes: [...prevSame.c.notes, 'metric carried from the compared figure'] }
      : classify(m, before.length >= 8 ? before : beforeWide, after, s.slice(Math.max(clause.start, m.start - WINDOW), Math.min(clause.end, m.end + WINDOW)), sentenceCtx, s.slice(Math.max(clause.start, m.start - WINDOW), m.start), anaphoricLead(s.slice(Math.max(0, m.start - WINDOW), m.start), sctx.prevHashSubject), sctx.excluded, env.aliasRules);
    // "Cost to mine one bitcoin: $42,956 (energy), $39,727 (depreciation)": a part named in
    // parentheses right after the amount is its basis; depreciation alone is no cost basis
    const costPart = c?.metric === 'cost_per_btc' ? /^\s*\(\s*(energy|power|electricity|depreciation|all[- ]in|cash|direct)(?:\s+costs?)?\s*\)/i.exec(s.slice(m.end, m.end + 30)) : null;
    if (c && costPart) {
      const part = costPart[1]!.toLowerCase();
      if (part === 'depreciation') return;
      const basis = /^(?:energy|power|electricity)$/.test(part) ? 'electricity' : /^all[- ]in$/.test(part) ? 'all_in' : part;
      c = { ...c, basis, basisLabel: `${c.basisLabel ?? 'cost'} (${part})`, notes: [...c.notes, 'the basis named in parentheses after the amount'] };
    }
    // a filing's prose prints dollars in the thousands its statements use ("net cash proceeds of
    // $76,203"); with no scale word the amount cannot be told from a whole-dollar one
    if (c && env.periodic && m.kind === 'usd' && !m.perBtc && !/thousand|million|billion|mn|bn|\b[kmb]\b/i.test(m.raw)) c = undefined;
    if (!c && clause.comparison) {
      // "… mined 2,031 bitcoin … as compared to 1,871 bitcoin during …": the comparison repeats the metric
      const prev = lastClassified(classified, m.kind, clauseIdx);
      // not when the figure has its own qualifier ("with an average daily production of 20.55 BTC")
      const own = s.slice(Math.max(clause.start, m.start - WINDOW), m.start).toLowerCase();
      if (prev && !prev.c.notes.includes(REVENUE_PART) && !/\b(average|avg|daily|per day|a day|per block|each|customers?|hosting|network|total|cumulative)\b/.test(own)) c = { ...prev.c, confidence: prev.c.confidence - 0.1, notes: [...prev.c.notes, 'metric carried from the compared figure'] };
      // "Power cost per Bitcoin declined 15%, from $8,624 in 1Q23 to $7,197 in 2Q23": the metric is
      // named before "from", in a clause with no figure of its own
      const lead = clauseIdx > 0 ? s.slice(clauses[clauseIdx - 1]!.start, clause.start) : '';
      if (!c && !prev && /^\s*,?\s*from\b/i.test(s.slice(clause.start, clause.start + 8)) && lead && !mentions.some((x) => x.start >= clauses[clauseIdx - 1]!.start && x.start < clause.start)) {
        const wide = s.slice(Math.max(0, clause.start - WINDOW), m.start);
        const again = classify(m, wide, after, s.slice(Math.max(0, clause.start - WINDOW), Math.min(clause.end, m.end + WINDOW)), sentenceCtx, wide, wide, sctx.excluded, env.aliasRules);
        if (again) c = { ...again, confidence: again.confidence - 0.1, notes: [...again.notes, 'metric named before "from"'] };
      }
    }
    if (!c) {
      // "proceeds fell from $55.8 million in April to $29.4 million in May": the figure moved to is
      // the same metric as the one it moved from
      const prev = classified[classified.length - 1];
      if (prev && prev.m.kind === m.kind && FROM_TO_GAP.test(s.slice(prev.m.end, m.start)) && /\bfrom\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(s.slice(Math.max(0, prev.m.start - 30), prev.m.start))) {
        c = { ...prev.c, confidence: prev.c.confidence - 0.05, notes: [...prev.c.notes, 'metric carried from the figure it moved from'] };
      }
    }
    if (!c) {
      // "produced 825 BTC in March 2023 and 2,195 BTC in Q1 2023": one metric listed over periods,
      // each figure with its own period right after it
      const prev = classified[classified.length - 1];
      const gap = prev ? s.slice(prev.m.end, m.start) : '';
      if (
        prev &&
        prev.m.kind === m.kind &&
        (prev.clauseIdx === clauseIdx || (prev.clauseIdx === clauseIdx - 1 && /;/.test(gap) && !clause.comparison)) &&
        LIST_GAP.test(gap) &&
        findPeriods(gap, dateOpts(env)).length > 0 &&
        findPeriods(s.slice(m.end, m.end + 40), dateOpts(env)).some((h) => h.index <= 4)
      ) {
        c = { ...prev.c, confidence: prev.c.confidence - 0.05, notes: [...prev.c.notes, 'metric carried from the figure listed before it'] };
      }
    }
    if (!c && m.kind === 'btc' && i > 0) {
      // "increased its Bitcoin holdings by 416 BTC …, bringing its total to 4,783 BTC": the level the change brings
      const prev = mentions[i - 1]!;
      if (prev.kind === 'btc' && /\b(?:holdings?|treasury|reserves?|balance)\b[^.;$\d]{0,30}\b(?:by|of)\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(s.slice(Math.max(0, prev.start - 80), prev.start)) && TOTAL_BROUGHT.test(s.slice(prev.end, m.start))) {
        c = { metric: 'btc_held', confidence: 0.75, notes: ['the total a change in holdings brings'] };
      }
    }
    if (!c) return;
    // two figures with nothing but a footnote digit between them: a table row that lost its
    // cells ("Bitcoin mined4 668 BTC 728 BTC"); which column is which cannot be told from prose
    const gapBefore = i > 0 ? s.slice(mentions[i - 1]!.end, m.start) : 'x';
    const gapAfter = i + 1 < mentions.length ? s.slice(m.end, mentions[i + 1]!.start) : 'x';
    if (/^[\s*]*\d{0,2}[\s*]*$/.test(gapBefore) || /^[\s*]*\d{0,2}[\s*]*$/.test(gapAfter)) {
      c = capped(c, 0.4, 'figures run together like a flattened table row');
    }
    // "announced it has surpassed a total hashrate of 10 EH/s": a milestone passed is the level it
    // states; other bounds ("over", "more than", "nearly") stay below 0.5
    // ("Current hashrate surpasses 12.5 EH/s" too)
    const milestone = threshold && m.kind === 'hashrate' && /\b(?:has|have)\s+(?:now\s+)?(?:surpassed|exceeded|crossed|passed|topped)\b(?:[^.;$\d]|\.(?=\d)){0,40}$|\b(?:current|currently|now)\b[^.;$\d]{0,30}\b(?:surpass(?:es|ed)|exceed(?:s|ed))\s*$/i.test(s.slice(Math.max(0, m.start - 60), m.start));
    if (milestone) c = capped(c, 0.6, 'a milestone passed ("has surpassed"): the level it names');
    else if (threshold) c = capped(c, 0.35, 'a threshold ("exceeds", "over"), not the exact figure');
    // "1,060 Bitcoins were produced …, with 143 from self mining and 917 from client cloud mining"
    if (m.kind === 'btc' && /\bwith\s+[\d.,]+\s*(?:btcs?|bitcoins?)?\s+(?:coming\s+)?from\s+(?:self|its|our|own)[^.]{0,80}\b(?:cloud|hosting|hosted|clients?|customers?)\b/i.test(s.slice(m.end, Math.min(clause.end, m.end + 200)))) {
      c = capped(c, 0.4, 'a total over self-mining and customers’ mining');
    }
    // "A total of 19,274 bitcoin earned in our data centers; 13,762 bitcoin by self-mining": a total
    // over the company's and its customers' mining, with the self-mined part named next
    if (m.kind === 'btc' && c.metric === 'btc_produced' && i + 1 < mentions.length && mentions[i + 1]!.kind === 'btc' && mentions[i + 1]!.start - m.end < 90 && /^\s*(?:bitcoins?|btc)?\s*(?:were\s+|was\s+)?(?:(?:earned|mined|produced)\s+)?(?:by|from|through|via)\s+(?:its\s+|our\s+)?self[- ]?min(?:ing|ed)\b|^[^.;]{0,30}\bfor\s+(?:our|its)\s+(?:own\s+)?account\b/i.test(s.slice(mentions[i + 1]!.end, mentions[i + 1]!.end + 50))) {
      c = capped(c, 0.4, 'a total of which the self-mined part is named next');
    }
    // "21.9 exahashes or 22.4 exahashes including its share of a joint venture": two readings of one
    // figure; which one a reader takes cannot be told
    // (not "$44 million, or $22,000 each": a total and its amount per coin)
    const orNext = i + 1 < mentions.length && mentions[i + 1]!.kind === m.kind && !!mentions[i + 1]!.perBtc === !!m.perBtc && OR_GAP.test(s.slice(m.end, mentions[i + 1]!.start));
    const orPrev = i > 0 && mentions[i - 1]!.kind === m.kind && !!mentions[i - 1]!.perBtc === !!m.perBtc && OR_GAP.test(s.slice(mentions[i - 1]!.end, m.start));
    if (orNext || orPrev) c = capped(c, 0.45, 'one of two readings ("X or Y including …")');
    // "… which implies an electricity cost of about $0.12 per kWh": what the writer works out
    if (/\b(?:implies|implying|implied|would\s+imply)\b(?:\s+that)?(?:[^.;]|\.(?=\d)){0,120}$/i.test(s.slice(Math.max(0, m.start - 160), m.start))) c = capped(c, 0.4, 'the writer’s inference ("implies")');
    // "grows HODL 114 BTC to 549 BTC": the first figure is the change, the second the level
    // (not "growing its current 1.2 EH to 2.5 EH": a level named as today's)
    if (!presentLevel && /^\s*(?:of\s+)?to\s+(?:approximately\s+|about\s+|~\s*)?[~$]?\d/i.test(s.slice(m.end, m.end + 30)) && /\b(?:grow|grows|grew|grown|increas\w*|add(?:s|ed|ing)?|rais\w*|boost\w*|expand\w*|lift\w*)\b(?![^,;]*\bfrom\b)[^,;]{0,40}$/i.test(s.slice(Math.max(0, m.start - 50), m.start))) return;
    if (hypothetical) return;
    // one site's figure, a batch of machines, customers' machines, a peak (see fleet-scope.ts)
    if (m.kind !== 'usd') {
      const scope = fleetScope(m.kind, s, m, clause, env);
      if (scope.drop) return;
      for (const cap of scope.caps) c = capped(c, cap.max, cap.note);
    }
    classified.push({ m, c, clauseIdx });
    // "8.0 EH/s of installed and operational capacity" states both
    if (c.metric === 'hashrate_operating' && /\binstalled and operat(ional|ing|ed)\b/i.test(s.slice(Math.max(clause.start, m.start - 80), Math.min(clause.end, m.end + 60)))) {
      classified.push({ m, c: { ...c, metric: 'hashrate_installed', basis: 'installed' }, clauseIdx });
    }
  });

  // "X and Y … for the three months ended March 31, 2024 and 2023, respectively"
  const respectivelyMap = new Map<Mention, Period>();
  // "Marathon (MARA) and Riot (RIOT) produced 436 and 511 Bitcoins in March, respectively": the
  // n-th figure of a metric is the n-th company's
  const respectiveCompanies = new Map<Mention, { ticker: string; index: number }>();
  if (respectively) {
    // "mined 512 and 498 bitcoin in October and September, respectively": the numbers listed
    // before a figure share its unit and metric
    for (const entry of [...classified]) {
      const { m } = entry;
      const lead = RESPECTIVELY_LIST.exec(s.slice(Math.max(0, m.start - 80), m.start));
      if (!lead) continue;
      const from = m.start - lead[0].length;
      if (mentions.some((x) => x !== m && x.end > from && x.start < m.start)) continue;
      const printed = parseNumber(NUM_RE.exec(m.raw)?.[0] ?? '')?.value;
      if (!printed) continue;
      const factor = m.value / printed;
      const nums = [...lead[1]!.matchAll(NUM_ALL)];
      const listed = nums.map((n) => ({ m: { ...m, value: tidy((parseNumber(n[0])?.value ?? NaN) * factor), start: from + n.index!, end: from + n.index! + n[0].length, raw: n[0] }, c: entry.c, clauseIdx: entry.clauseIdx }));
      if (listed.some((x) => !Number.isFinite(x.m.value))) continue;
      classified.splice(classified.indexOf(entry), 0, ...listed);
    }
    const byMetric = mentionsByMetric(classified);
    const dates = findDates(s, dateOpts(env));
    const span = /\b(three|six|nine|twelve)\s+months\b/i.exec(s);
    const months = span ? { three: 3, six: 6, nine: 9, twelve: 12 }[span[1]!.toLowerCase() as 'three'] : /\byears?\s+ended\b/i.test(s) ? 12 : undefined;
    for (const [, ms] of byMetric) {
      if (ms.length < 2) continue;
      // "… in October and September, respectively": as many periods after the figures as figures
      const tail = ms[ms.length - 1]!.end;
      const after = periods.filter((h) => h.index > tail && !h.ytd && !h.unanchored);
      if (after.length === ms.length && !months) {
        ms.forEach((m, i) => respectivelyMap.set(m, after[i]!.period));
        continue;
      }
      // "… as of October 31 and September 30, 2024, respectively"
      const listed = months ? [] : listedDates(s.slice(tail), dateOpts(env));
      if (listed.length === ms.length) {
        ms.forEach((m, i) => respectivelyMap.set(m, { kind: 'instant', asOf: listed[i]! }));
        continue;
      }
      const listedCompanies: { ticker: string; index: number }[] = [];
      for (const x of companies) if (x.index < ms[0]!.start && !listedCompanies.some((n) => n.ticker === x.ticker)) listedCompanies.push(x);
      if (multi && listedCompanies.length === ms.length && dates.length <= 1 && after.length <= 1) {
        ms.forEach((m, i) => respectiveCompanies.set(m, listedCompanies[i]!));
        continue;
      }
      if (dates.length !== ms.length) {
        // pairs whose periods cannot be told apart (or that pair companies, not periods)
        for (const m of ms) respectivelyMap.set(m, { kind: 'instant', asOf: '' });
        continue;
      }
      ms.forEach((m, i) => respectivelyMap.set(m, months ? spanPeriod(dates[i]!, months) : { kind: 'instant', asOf: dates[i]! }));
    }
  }

  // "MARA and CleanSpark disclosed that their month-end energized hashrate … expanded to 40.2 EH/s and
  // 31.3 EH/s": companies joined by "and" as the subject, then as many figures of one metric joined by
  // "and", pair in order even without "respectively"
  if (!respectively && companies.length >= 2) {
    const firstFigure = classified[0]?.m.start ?? s.length;
    const subjects = companies.filter((x, i, all) => x.index < firstFigure && all.findIndex((y) => y.ticker === x.ticker) === i);
    const joined = subjects.length >= 2 && subjects.every((x, i) => i === 0 || /^[\w .&'’-]{0,30}?(?:\s*\([A-Z:. ]{2,20}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)$/.test(s.slice(subjects[i - 1]!.index, x.index).replace(/^\S+/, '')));
    if (joined) {
      for (const [, ms] of mentionsByMetric(classified)) {
        if (ms.length !== subjects.length) continue;
        if (!ms.every((m, i) => i === 0 || /^\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:approximately\s+|about\s+|~\s*)?$/.test(s.slice(ms[i - 1]!.end, m.start)))) continue;
        ms.forEach((m, i) => respectiveCompanies.set(m, subjects[i]!));
      }
    }
  }

  // "5,296 BTC held at year end" in a report whose period ends with the fiscal year
  const dp = env.defaultPeriod;
  const yearEndIsOwn = !!dp && dp.kind === 'flow' && !!dp.end && dp.end === lastDayOfMonth(Number(dp.end.slice(0, 4)), env.fyEndMonth);
  const afterPeriodEnd = AFTER_PERIOD_END.test(s);
  const ownFound: Period[] = [];
  // metrics a figure of this sentence already holds without the carried period: "the cash cost fell
  // to $81,072 (down from $83,091 in Q2) and the all-in cost dropped to $99,383" — the second cost
  // is of the first one's period, not of a month the sentence before named
  const placedWithoutCarry = new Set<string>();
  const unresolvedByClause = new Map<string, boolean>();
  // "mined 1,930.8 BTC in the quarter" in a quarterly release is the release's quarter
  const grainWord = dp?.kind === 'flow' ? { month: 'month', quarter: 'quarter', year: 'year' }[dp.grain as string] : undefined;
  // … and "record annual revenue … with 5,686 bitcoin mined" in a full-year report is its year
  const yearWords = grainWord === 'year' ? '|\\b(?:annual|full[- ]year)\\b' : '';
  // … and "produced 279 bitcoins in the past quarter" in a news copy of the quarter's results
  const ownSpan = grainWord ? new RegExp(`\\b(?:(?:in|during|for|over|through|throughout)\\s+the|this)\\s+(?:(?:past|last|latest|most\\s+recent|recent|just[- ]ended)\\s+)?(?:fiscal\\s+)?(?:${grainWord}|period)\\b${yearWords}`, 'gi') : undefined;
  const ownSpanAfter = grainWord ? new RegExp(`^\\s*\\)?\\s*(?:in|during|for|over|through|throughout)\\s+the\\s+(?:fiscal\\s+)?${grainWord}\\b(?!\\s+(?:ended|ending|of|to)\\b)`, 'i') : undefined;
  const hitIndex = { ...indexHits(periods, clauses), text: s };
  for (const { m, c, clauseIdx } of classified) {
    const clause = clauses[clauseIdx]!;
    let period: Period | undefined;
    let fromDefault = false;
    let fromCarry = false;
    const notes0: string[] = [];
    const mapped = respectivelyMap.get(m);
    if (present.has(m)) {
      if (!env.filedDate || env.periodic) continue;
      period = { kind: 'instant', asOf: env.filedDate };
      notes0.push('the level "existing" or "current" at publication, inside a plan');
    } else if (mapped) {
      if (mapped.kind === 'instant' && !mapped.asOf) continue;
      period = mapped;
    } else {
      // "from May's 493 bitcoins to June's 360": a month's possessive right before the figure is its period
      const possessive = MONTH_POSSESSIVE.exec(s.slice(Math.max(0, m.start - 20), m.start));
      const ownMonth = possessive ? findPeriods(`in ${possessive[1]}`, dateOpts(env))[0]?.period : undefined;
      period = ownMonth ?? pickPeriod(hitIndex, m, clauseIdx, c.metric, env, mentions);
      // its own period is a month or date whose year nothing tells: no other period may stand in
      if (period === UNANCHORED) continue;
      const startLevel = !period && clause.comparison && metricKind(c.metric) === 'stock' ? levelBeforeChange(s, m, mentions, periods, env) : undefined;
      if (startLevel) {
        period = startLevel;
        notes0.push('the level a change over a named period started from: the day before that period');
      } else if (!period && clause.comparison) {
        // "revenue per Bitcoin mined of $61,025, compared to a cost to mine of $31,482": two
        // metrics of one period set side by side, not a figure of another period
        if (!crossMetricComparison(m, c, clause, mentions, classified)) continue;
        notes0.push('compared with another metric of the same period');
      }
      // "… business in November 2024, which generated … (US$89.5 million) in the quarter": the words
      // right after the figure name its period, over a date further back
      if (period && ownSpanAfter && env.defaultPeriod && ownSpanAfter.test(s.slice(m.end, m.end + 40))) {
        period = env.defaultPeriod;
        notes0.push(`"the ${grainWord}" right after it: the period of the report`);
      }
      // once per clause: a long clause full of figures would otherwise be scanned once per figure
      // the clause up to the next figure of this kind: "~7.7 EH/s and on track to reach ~9.3 EH/s by
      // end of Third Quarter 2024" leaves the first figure's words without a period of their own
      const nextSame = mentions.find((x) => x.kind === m.kind && x.start >= m.end && x.start < clause.end);
      const clauseEnd = nextSame && FORWARD_LOOKING.test(s.slice(m.end, nextSame.start)) ? nextSame.start : clause.end;
      const unresolvedKey = `${clauseIdx}:${clauseEnd}`;
      let unresolved = unresolvedByClause.get(unresolvedKey);
      if (unresolved === undefined) {
        // … and "three months ahead of schedule" names no period either
        // … nor does the period a goal was set for ("reached its mid-year goal by achieving …"), nor
        // a time taken ("three months after breaking ground")
        let clauseText = s.slice(clause.start, clauseEnd).replace(/\b(?:year|month|quarter)[- ](?:over|on)[- ](?:year|month|quarter)\b|\ball[- ]time\b|\b(?:[\w-]+\s+)?(?:months?|weeks?|quarters?)\s+(?:ahead\s+of|behind)\s+schedule\b|\b(?:mid|full|half|year)[- ]?(?:year|end)\s+(?:[\w-]+\s+)?(?:goals?|targets?)\b|\b(?:[\w-]+|\d+)\s+(?:months?|weeks?)\s+after\b|\bincluding\s+(?:(?:its|the)\s+)?(?:month|quarter|year)[- ]to[- ]date\s+(?:production|output|mining)\b/gi, ' ');
        if (ownSpan) clauseText = clauseText.replace(ownSpan, ' ');
        // "at the end of the quarter" names the report's own period end (see ownEnd below)
        clauseText = clauseText.replace(ownEndRe(yearEndIsOwn, 'gi'), ' ');
        unresolved = UNRESOLVED_PERIOD.test(clauseText);
        unresolvedByClause.set(unresolvedKey, unresolved);
      }
      // "Cipher has deployed over 6.0 EH/s to date": a level "to date" is the one on the day of
      // publication (a flow "to date" is a cumulative sum from a start nothing names)
      if (!period && unresolved && metricKind(c.metric) === 'stock' && env.filedDate && /^\s*(?:[\w/'’-]+\s+){0,3}?to date\b/i.test(s.slice(m.end, clauseEnd))) {
        const rest = s.slice(clause.start, clauseEnd).replace(/\bto date\b/gi, ' ').replace(/\ball[- ]time\b/gi, ' ');
        if (!UNRESOLVED_PERIOD.test(rest)) {
          period = { kind: 'instant', asOf: env.filedDate };
          notes0.push('a level "to date": as of the publication date');
        }
      }
      if (!period && unresolved) continue;
      // "installed capacity at month-end" names the report's own month, whatever came before
      const ownEnd = ownEndRe(yearEndIsOwn, 'i').test(s.slice(clause.start, clause.end));
      if (!period && ownEnd && !env.periodic && env.defaultPeriod) {
        period = env.defaultPeriod;
        notes0.push('"month-end" (or quarter- or year-end): the end of the report’s period');
      }
      // "… $34,000 per bitcoin for the quarter": the report's quarter, not a month carried from before
      if (!period && ownSpan && env.defaultPeriod) {
        ownSpan.lastIndex = 0;
        if (ownSpan.test(s.slice(clause.start, clause.end))) {
          period = env.defaultPeriod;
          notes0.push(`"the ${grainWord}": the period of the report`);
        }
      }
      // "the cash cost fell to $81,072 (down from $83,091 in Q2)" after a sentence about October:
      // a figure compared with a quarter is a quarter's, not the month the sentence before named
      const comparedGrain = carry?.kind === 'flow' ? periods.find((h) => h.index > m.end && h.period.kind === 'flow' && clauses.some((x) => x.comparison && h.index >= x.start && h.index < x.end))?.period : undefined;
      const carryFits = !(comparedGrain?.kind === 'flow' && carry?.kind === 'flow' && comparedGrain.grain !== carry.grain) && !placedWithoutCarry.has(c.metric);
      // "Now holding approximately 4,529.7 BTC" after a sentence about April and May: a level "now"
      // is the report's, not the one of the months the sentence before looked back on
      const nowLevel = metricKind(c.metric) === 'stock' && !!env.defaultPeriod && CURRENT_WORD.test(s.slice(Math.max(clause.start, m.start - 120), m.start));
      if (!period && carry && carryFits && !nowLevel && !env.periodic && fitPeriod(c.metric, carry)) {
        // "It sold 4,451 BTC over the weekend. Net proceeds were $305 million." share one period
        period = carry;
        fromCarry = true;
        notes0.push('period from the previous sentence');
      }
      // a dated announcement that reports no period of its own (a purchase, a sale, a milestone)
      if (!period && !env.defaultPeriod && !env.periodic && env.filedDate) {
        const dated = announcementPeriod(c.metric, s.slice(clause.start, clause.end), env.filedDate);
        if (dated) {
          period = dated.period;
          fromDefault = true;
          notes0.push(dated.note);
        }
      }
      if (!period) {
        // a figure with no period of its own: the document's period, trusted less in long filings
        period = env.defaultPeriod;
        fromDefault = true;
      }
    }
    let fitted = fitPeriod(c.metric, period);
    if (!fitted) continue;
    // a period that ends after publication is a plan ("10 EH/s in May" written on May 6) …
    if (env.filedDate && periodEnd(fitted) > env.filedDate) {
      // … unless a level already reached in the quarter under way: "Increased Hash Rate to 7.4 EH/s
      // in First Quarter 2024", written on March 5, is the level on that day
      const reached = metricKind(c.metric) === 'stock' && period?.kind === 'flow' && period.start <= env.filedDate && PAST_TENSE.test(s.slice(clause.start, m.start));
      if (!reached) continue;
      fitted = { kind: 'instant', asOf: env.filedDate };
      notes0.push('a level reached in the period under way: as of the publication date');
    }
    let confidence = c.confidence;
    const notes = [...c.notes, ...notes0];
    // no publication date: a monthly report's "10 EH/s in May" in its April update may be a target
    // (with the date known, the plan rule above decides)
    if (!env.filedDate && dp?.kind === 'flow' && dp.grain === 'month' && dp.end && periodEnd(fitted) > dp.end && metricKind(c.metric) === 'stock') {
      confidence = Math.min(confidence, 0.45);
      notes.push('a level after the report’s month, with no publication date: may be a target');
    }
    // "- Improves overall fleet efficiency from 29.5 J/TH to 24.8 J/TH", a bullet under an expansion:
    // a present-tense effect with no subject may be what a plan above it will do
    const movedFrom = mentions[mentions.indexOf(m) - 1];
    if (movedFrom?.kind === m.kind && /^\W*(?:improves|increases|reduces|lowers|raises|expands|brings|takes|grows|lifts|cuts)\b/i.test(s) && /^\s*to\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(s.slice(movedFrom.end, m.start)) && /\bfrom\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(s.slice(Math.max(0, movedFrom.start - 30), movedFrom.start))) {
      confidence = Math.min(confidence, 0.45);
      notes.push('a present-tense change with no subject: may be the effect of a plan');
    }
    // a comparison clause compares one figure; another metric inside it ("… from 759 BTC in Q2
    // 2021, and cut the cost to $6,900") is a statement the clause cut did not see end: its period
    // cannot be trusted
    const firstInClause = clause.comparison && !mapped ? classified.find((x) => x.clauseIdx === clauseIdx) : undefined;
    if (firstInClause && firstInClause.m !== m && firstInClause.c.metric !== c.metric) {
      confidence = Math.min(confidence, 0.45);
      notes.push('another metric inside a comparison: its period is uncertain');
    }
    // a release's own statement about a period over 11 months before it is published is a
    // history recap or a misprinted year ("quarter ended March 31, 2021" in a 2022 release);
    // comparisons with last year's period are kept (clause.comparison)
    const span = fitted.kind === 'flow' ? fitted : undefined;
    const comparedBack = !!span && yearBack.some((h) => h.period.kind === 'flow' && h.period.start === span.start && h.period.end === span.end);
    if (!env.periodic && env.filedDate && !clause.comparison && !comparedBack && !fromDefault && Date.parse(env.filedDate) - Date.parse(periodEnd(fitted)) > 330 * 86_400_000) {
      confidence = Math.min(confidence, 0.45);
      notes.push('a period long before the release: a recap or a misprinted year');
    }
    // "Subsequent to the quarter's end, … 3.9 exahashes …": after the period, on a day not stated
    if (fromDefault && afterPeriodEnd) continue;
    if (fromDefault) {
      confidence -= env.periodic ? 0.4 : 0.1;
      notes.push('period from the document');
    }
    // "Current efficiency of 19 w/TH" in a quarter's results published weeks later: current when
    // it was written, not at the quarter's end (a monthly update's "current" stays at month-end,
    // days before it is out)
    let alternative: Period | undefined;
    if ((fromDefault || fromCarry) && fitted.kind === 'instant') {
      const end = fitted.asOf;
      const grain = period?.kind === 'flow' ? period.grain : undefined;
      // "Riot currently has a deployed fleet of approximately 42,919 miners, with a hash rate capacity of …"
      const lead = s.slice(Math.max(clause.start, m.start - 120), m.start);
      // a monthly update's holdings "now" or "currently" are the month-end level it reports; its
      // "currently operates 10 EH/s" is the fleet on the day it is out
      // … and a headline's "Reaches 6 EH/s" over a quarter's results: the level on the day it is out
      const reachesNow = grain !== 'month' && c.metric.startsWith('hashrate_') && /\b(?:reaches|hits|tops|surpasses|crosses)\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(lead);
      const current = ((grain !== 'month' || !c.metric.startsWith('btc_')) && CURRENT_WORD.test(lead)) || reachesNow;
      // … "we have achieved a self-mining capacity of 7.2 EH/s" in a quarter's results out weeks later: the
      // quarter's end, or the day it is out (the other reading, kept below 0.5)
      if (!current && grain !== 'month' && (c.metric.startsWith('hashrate_') || c.metric === 'power_capacity' || c.metric === 'fleet_efficiency') && /\b(?:has|have)\s+(?:now\s+)?(?:achieved|reached|surpassed|grown|expanded|increased|attained|improved|lowered|reduced)\b/i.test(s.slice(Math.max(0, m.start - 160), m.start)) && env.filedDate && Date.parse(env.filedDate) - Date.parse(end) > 20 * 86_400_000) alternative = { kind: 'instant', asOf: env.filedDate };
      // … the holdings "currently" in a monthly update stay at month-end; the day it is out is the other reading
      if (!current && grain === 'month' && c.metric.startsWith('btc_held') && CURRENT_WORD.test(lead) && env.filedDate && env.filedDate > end) alternative = { kind: 'instant', asOf: env.filedDate };
      if (current && env.filedDate && Date.parse(env.filedDate) - Date.parse(end) > (grain === 'month' ? 0 : 20 * 86_400_000)) {
        alternative = fitted;
        fitted = { kind: 'instant', asOf: env.filedDate };
        notes.push('"current" in a report published after its period: as of the publication date');
      } else if (current && !env.filedDate) {
        // the day it is current on is not known: not the period's end either
        confidence = Math.min(confidence, 0.45);
        notes.push('"current" in a report of unknown date: its date is not stated');
      }
    }
    // attribution: the company named nearest before the figure in this sentence, else the subject
    let company: string | undefined;
    const before = companies.filter((x) => x.index <= m.start);
    let named = before[before.length - 1];
    // "Marathon (MARA) and Riot (RIOT) produced 436 and 511 Bitcoins in March, respectively": the
    // n-th figure of its kind is the n-th company's
    const resp = respectiveCompanies.get(m);
    if (resp) named = resp;
    const selfRef = (from: number) => /\b(we|our|us|the company)\b/i.test(s.slice(from, m.start));
    if (multi) {
      if (named) company = named.ticker;
      else if (companies.length === 1) company = companies[0]!.ticker;
      else if (!companies.length) company = subject;
      else continue;
    } else if (named && named.ticker !== env.company?.ticker && !selfRef(named.index + 3)) {
      // a peer named in the figure's own clause, with no "we"/"the Company" in between
      if (named.index < clause.start) continue;
      company = named.ticker;
    }
    const cand: Candidate = {
      metric: c.metric,
      value: m.value,
      period: fitted,
      snippet: s.trim().slice(0, 300),
      locator: { kind: 'text', offset: offset + m.start, length: m.end - m.start },
      confidence: Math.max(0.05, Math.min(0.95, confidence)),
      notes,
      source: 'prose',
    };
    if (c.basis) cand.basis = c.basis;
    if (c.basisLabel) cand.basisLabel = c.basisLabel;
    if (company && company !== env.company?.ticker) cand.company = company;
    out.push(cand);
    // the report's period end is the other reading of "current" (the level then is close, not stated)
    if (alternative) {
      const atEnd = alternative.kind === 'instant' && fitted.kind === 'instant' && alternative.asOf < fitted.asOf;
      out.push(otherReading(cand, alternative, [...notes.filter((n) => !n.startsWith('"current"')), atEnd ? CURRENT_AT_PUBLICATION : 'read at the period’s end; the day it is out is the other reading']));
    }
    if (!clause.comparison && !fromDefault && period) ownFound.push(period);
    if (!clause.comparison && !fromCarry) placedWithoutCarry.add(c.metric);
  }
  if (companies.length) subject = companies[companies.length - 1]!.ticker;
  // a compared figure's period ("from 6,412.6 BTC in October") is never handed on
  const carried = ownPeriod ?? ownFound[0];
  return { candidates: out, subject, named: companies, ...(carried ? { period: carried } : {}), sold: out.some((c) => c.metric === 'btc_sold') };
}

/** "Remarkably, this figure improved further to …": the lead of the previous sentence's subject stands in. */
function anaphoricLead(lead: string, prevHashSubject: string | undefined): string {
  if (!prevHashSubject || /hash\s?rate/i.test(lead) || !ANAPHORA.test(lead)) return lead;
  return `${prevHashSubject} ${lead}`;
}

/** The last "… hash rate" phrase of a sentence: what "this figure" in the next one points back to. */
function hashSubjectOf(s: string): string | undefined {
  const all = [...s.matchAll(/(?:[\w'’-]+\s+){0,3}hash\s?rate\b/gi)];
  return all[all.length - 1]?.[0];
}

/** Period hits grouped by clause, and for each clause the hits of earlier non-comparison clauses. */
interface HitIndex {
  byClause: PeriodHit[][];
  clauses: readonly Clause[];
  /** the sentence, to read the words between a figure and a later period */
  text?: string;
}

/** "…, primarily due to the halving in April 2024": a period in the cause dates the cause, not the figure */
const CAUSE = /\b(?:due to|because|driven by|as a result of|owing to|attributable to|reflecting)\b/i;

function indexHits(hits: readonly PeriodHit[], clauses: readonly Clause[]): HitIndex {
  const byClause: PeriodHit[][] = clauses.map(() => []);
  let ci = 0;
  for (const h of [...hits].sort((a, b) => a.index - b.index)) {
    while (ci < clauses.length - 1 && h.index >= clauses[ci]!.end) ci++;
    if (h.index >= clauses[ci]!.start && h.index < clauses[ci]!.end) byClause[ci]!.push(h);
  }
  return { byClause, clauses };
}

/**
 * Nearest period phrase of the figure's clause; before the figure first, then after it. A clause
 * without a period of its own takes the nearest one named earlier in the sentence, never a compared one.
 */
const CHANGE_VERB = /\b(?:increas|grew|grow|rose|rais|expand|improv|decreas|reduc|fell|lower|boost|doubl|lift|scal)\w*/i;

/**
 * "In Q1 2023 we increased our operational hash rate from 7.0 EH/s to 11.5 EH/s": the level the
 * change started from is the one on the day before the quarter (the end of the one before). Only
 * for a pair of figures of one kind joined by "from … to" (or "to … from"), a verb of change, and
 * one month, quarter or year named in the sentence outside the pair.
 */
function levelBeforeChange(s: string, m: Mention, mentions: readonly Mention[], periods: readonly PeriodHit[], env: Env): Period | undefined {
  const i = mentions.indexOf(m);
  const next = mentions[i + 1];
  const prev = mentions[i - 1];
  const fromTo = next?.kind === m.kind && /\bfrom\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(s.slice(Math.max(0, m.start - 25), m.start)) && /^\s*(?:[a-z/]+\s+)?to\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(s.slice(m.end, next.start));
  const toFrom = prev?.kind === m.kind && /^\s*(?:[a-z/]+\s+)?from\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(s.slice(prev.end, m.start)) && /\bto\s+(?:approximately\s+|about\s+|~\s*)?$/i.test(s.slice(Math.max(0, prev.start - 25), prev.start));
  if (!fromTo && !toFrom) return undefined;
  const pairStart = Math.min(m.start, (fromTo ? m : prev!).start);
  const pairEnd = Math.max(m.end, (fromTo ? next! : m).end);
  if (!CHANGE_VERB.test(s.slice(Math.max(0, pairStart - 80), pairStart))) return undefined;
  const spans = periods.filter((h) => !h.unanchored && h.period.kind === 'flow' && h.period.start && ['month', 'quarter', 'year'].includes(h.period.grain) && (h.index + h.length <= pairStart || (h.index >= pairEnd && h.index - pairEnd <= 30)));
  const distinct = new Set(spans.map((h) => (h.period.kind === 'flow' ? h.period.start : '')));
  let start: string | undefined;
  if (distinct.size === 1) start = [...distinct][0];
  else if (!distinct.size) start = ownGrainStart(s.slice(0, pairStart), env);
  if (!start) return undefined;
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return { kind: 'instant', asOf: d.toISOString().slice(0, 10) };
}

/**
 * "During the quarter, we increased …" in a report on a month or quarter: the first day of the
 * quarter (the one the report's month falls in) or of the report's own month.
 */
function ownGrainStart(lead: string, env: Env): string | undefined {
  const p = env.defaultPeriod;
  const g = /\b(?:during|in|over|for|throughout)\s+the\s+(quarter|month)\b/i.exec(lead)?.[1]?.toLowerCase();
  if (!g || p?.kind !== 'flow' || !p.start || !p.end) return undefined;
  if (g === p.grain) return p.start;
  if (g === 'quarter' && p.grain === 'month') {
    // quarters line up with the fiscal year's end month
    const month = Number(p.start.slice(5, 7));
    const offset = ((month - (env.fyEndMonth % 3) - 1) % 3 + 3) % 3;
    const first = month - offset;
    const y = Number(p.start.slice(0, 4)) - (first < 1 ? 1 : 0);
    const mm = first < 1 ? first + 12 : first;
    return `${y}-${String(mm).padStart(2, '0')}-01`;
  }
  return undefined;
}

function pickPeriod(index: HitIndex, m: Mention, clauseIdx: number, metric: Metric, env: Env, mentions: readonly Mention[] = []): Period | undefined {
  const clause = index.clauses[clauseIdx]!;
  const own = index.byClause[clauseIdx]!;
  const usable = (h: PeriodHit): Period | undefined => {
    if (h.unanchored) return UNANCHORED;
    const p = h.ytd ? resolveYtd(h, env) : h.period;
    // "acquired 990 Bitcoin … on December 19": a purchase or sale on a named day is a flow over that day
    if (p?.kind === 'instant' && p.asOf && DAY_FLOWS.has(metric) && onDay(index.text ?? '', h)) return { kind: 'flow', start: p.asOf, end: p.asOf, grain: 'other' };
    // "as of June 30, 2021, produced 846 newly minted bitcoins in 2021" (written in August): the
    // year so far, to the date the clause names
    if (p?.kind === 'flow' && p.grain === 'year' && env.filedDate && p.end > env.filedDate && metricKind(metric) === 'flow') {
      const asOf = own.find((x) => x.period.kind === 'instant' && x.period.asOf >= p.start && x.period.asOf < p.end)?.period;
      if (asOf?.kind === 'instant') return { kind: 'flow', start: p.start, end: asOf.asOf, grain: 'ytd' };
    }
    // "increased it by 24% so far in 2023" beside a level: the span of a change, not the level's date
    if (p?.kind === 'flow' && p.grain === 'ytd' && p.end === env.filedDate && metricKind(metric) === 'stock') return undefined;
    return p && fitPeriod(metric, p) ? p : undefined;
  };
  if (!own.length) {
    // "… it generated 3,733 BTC over the same period": a period phrase right after the figure is
    // its own, even where the clause split put it in the next clause
    const next = index.byClause[clauseIdx + 1]?.[0];
    if (next && s_gap(next, m) <= 4) {
      const p = usable(next);
      if (p) return p;
    }
    if (clause.comparison) return undefined;
    // nearest before: distance grows going back, so the first usable hit is the best one
    for (let ci = clauseIdx - 1; ci >= 0; ci--) {
      if (index.clauses[ci]!.comparison) continue;
      const hs = index.byClause[ci]!;
      let best: { p: Period; d: number } | undefined;
      for (let i = hs.length - 1; i >= 0; i--) {
        const h = hs[i]!;
        if (best && h.index + h.length + 80 < m.start - best.d) break;
        const p = usable(h);
        const d = m.start - (h.index + h.length);
        if (p && (!best || d < best.d)) best = { p, d };
      }
      if (best) return best.p;
    }
    return undefined;
  }
  let best: { p: Period; d: number } | undefined;
  // hits are sorted: start from the figure and walk outwards while a nearer one is still possible
  let split = own.findIndex((h) => h.index >= m.start);
  if (split < 0) split = own.length;
  for (let i = split - 1; i >= 0; i--) {
    const h = own[i]!;
    if (best && h.index + h.length + 80 < m.start - best.d) break;
    const d = m.start - (h.index + h.length);
    const p = usable(h);
    if (p && (!best || d < best.d)) best = { p, d };
  }
  for (let i = split; i < own.length; i++) {
    const h = own[i]!;
    if (index.text && CAUSE.test(index.text.slice(m.end, h.index))) break;
    // "a 50 EH/s hashrate, with an average operating hashrate of 46.09 EH/s in October": a period right
    // after another figure of its kind, set off by a comma (not a list joined by "and"), is that figure's
    const taker = mentions.find((x) => x !== m && x.kind === m.kind && x.start >= m.end && x.end <= h.index && h.index - x.end <= 6);
    if (taker && index.text) {
      const between = index.text.slice(m.end, taker.start);
      if (/,/.test(between) && !/\b(?:and|or|then|respectively)\b/i.test(between)) continue;
    }
    // "mined 447 bitcoins, totaling 4,076 bitcoins year-to-date": a running total's words belong
    // to the figure of its kind they follow, not to one further back
    // … and "~7.7 EH/s and on track to reach ~9.3 EH/s by end of Third Quarter 2024": a period to
    // come after another figure of its kind is that figure's target date
    if ((h.ytd || (env.filedDate && periodEnd(h.period) > env.filedDate)) && mentions.some((x) => x !== m && x.kind === m.kind && x.start >= m.end && x.end <= h.index)) continue;
    const gapAfter = s_gap(h, m);
    // "from 40.91 EH/s in July to 44.85 EH/s in September": a phrase right after a figure is its own
    const d = gapAfter <= 4 ? 0 : (h.index - m.end) * 1.5 + 5;
    if (best && d >= best.d && gapAfter > 4) break;
    const p = usable(h);
    // "$25,329 per bitcoin in 2024, … in April 2024": the figure's own period, even where it does
    // not fit the metric, keeps a later one from standing in
    if (!p && gapAfter <= 4 && !h.unanchored) break;
    if (p && (!best || d < best.d)) best = { p, d };
  }
  return best?.p;
}

/**
 * A compared figure with its own metric words, set against a figure of the same kind that is
 * another metric (or none of ours): the comparison is across metrics, not periods.
 */
function crossMetricComparison(m: Mention, c: Classified, clause: Clause, mentions: readonly Mention[], classified: readonly { m: Mention; c: Classified }[]): boolean {
  if (c.notes.some((n) => n.includes('carried'))) return false;
  let compared: Mention | undefined;
  for (const x of mentions) if (x.end <= clause.start) compared = x;
  if (!compared || compared.kind !== m.kind || !!compared.perBtc !== !!m.perBtc) return false;
  const prev = classified.find((x) => x.m === compared);
  return !prev || prev.c.metric !== c.metric;
}

/** The last figure of this kind classified in an earlier clause (figures are classified in order). */
function lastClassified<T extends { m: Mention; clauseIdx: number }>(xs: readonly T[], kind: MentionKind, beforeClause: number): T | undefined {
  // binary search past the figures of this and later clauses: a long clause must not be rescanned per figure
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]!.clauseIdx < beforeClause) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= Math.max(0, lo - 64); i--) if (xs[i]!.m.kind === kind) return xs[i];
  return undefined;
}

function s_gap(h: PeriodHit, m: Mention): number {
  return h.index >= m.end ? h.index - m.end : Number.POSITIVE_INFINITY;
}

export { tidy };
