import type { Company } from '../model/company.ts';

/**
 * Which company a sentence talks about, for articles that cover several miners. Names come from
 * the registry (name, aliases, ticker as "NASDAQ: CLSK"), so adding a miner needs no code.
 */
export interface CompanyMatcher {
  find(text: string): { ticker: string; index: number }[];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function companyMatcher(companies: readonly Company[]): CompanyMatcher {
  const pats: { ticker: string; re: RegExp }[] = [];
  for (const c of companies) {
    const names = new Set<string>([c.name.replace(/,?\s+(Inc|Corp|Ltd|Limited|Group|Holdings|Co)\.?\)?$/i, ''), ...c.aliases]);
    // "Hut8" and "Hut 8", "BitDigital" and "Bit Digital": a space in a name may be left out
    const alts = [...names].filter((n) => n.length >= 3).map((n) => escape(n).replace(/ /g, '\\s*'));
    // a ticker alone is too ambiguous ("RIOT", "CORE"); only as an exchange symbol
    alts.push(`(?:nasdaq|nyse|tsx)\\s*:\\s*${escape(c.ticker)}`);
    pats.push({ ticker: c.ticker, re: new RegExp(`\\b(?:${alts.join('|')})(?:'s|’s)?\\b`, 'gi') });
  }
  return {
    find(text: string) {
      const out: { ticker: string; index: number }[] = [];
      for (const p of pats) {
        p.re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = p.re.exec(text))) out.push({ ticker: p.ticker, index: m.index });
      }
      return out.sort((a, b) => a.index - b.index);
    },
  };
}

/** Capitalised words that open sentences without naming anyone: never a company's name. */
const NOT_A_NAME = /^(?:The|This|That|These|Those|It|Its|We|Our|Us|They|Their|He|She|His|Her|There|Here|In|On|At|As|For|With|After|Before|During|Since|By|From|Of|To|Each|All|Both|Such|Total|Net|Gross|Adjusted|Cash|Revenue|Revenues|Hash|Hashrate|Mining|Bitcoin|Bitcoins|BTC|Ethereum|Ether|ETH|Shares|Investors|Analysts|Miners|Management|Production|Holdings|Fiscal|First|Second|Third|Fourth|Year|Quarter|Month|Q[1-4]|January|February|March|April|May|June|July|August|September|October|November|December|Chief|CEO|CFO|COO|Mr|Ms|Dr|Demand|Difficulty|Power|Energy|Electricity|Average|Approximately|About|Over|Under|Nearly|Some|Most|Many|Other|Another|One|Two|Three|If|When|While|Although|However|Despite|Because|Including)$/;
/** Openers before the subject: "Meanwhile, Metaplanet has …", "In another development, SBI …". */
const LEAD_ADVERBIAL = /^(?:(?:Meanwhile|Separately|Elsewhere|Additionally|Also|However|Notably|Similarly|Likewise|Further|Furthermore|Lastly|Finally|(?:In|On)\s+(?:another|a\s+separate|other|related)(?:\s+\w+){0,2}\s+(?:development|news|move|front|note))\s*,\s*)+/;
const REPORTING_VERB = /^(?:has|have|had|is|was|are|were|announced|announces|reported|reports|acquired|acquires|bought|buys|purchased|purchases|sold|sells|holds|held|mined|mines|produced|produces|added|adds|raised|raises|disclosed|discloses|revealed|posted|posts|refuted|denied|plans|expanded|expands|owns|owned|now)\b/;

/**
 * Who a sentence of an article is about, from its opening words: 'own' (the company, by a
 * registry name), 'other' (a capitalised name the registry does not know: "Meanwhile, Metaplanet
 * has …"), 'follows' ("the company …", "it …": whoever the sentence before was about), or
 * undefined (no subject read). A digest of several firms hands figures to whoever it names.
 */
export function sentenceLead(s: string, named: readonly { ticker: string; index: number }[], own: Company | undefined, docText = ''): 'own' | 'other' | 'follows' | undefined {
  const opened = s.trimStart();
  const t = opened.replace(LEAD_ADVERBIAL, '');
  // "The Company" in capitals is a release's defined term for its issuer; "The company" is whoever came before
  if (/^(?:[Tt]he\s+(?:company|firm|miner|group)|[Ii]ts?)\b/.test(t)) return 'follows';
  const m = /^((?:[A-Z][\w&.'’-]*)(?:\s+(?:[A-Z][\w&.'’-]*|&))*?)(?:\s*\([^)]{1,60}\))?(?:\s*,[^,.;]{3,120},)?\s+(\w+)/.exec(t);
  if (!m) return undefined;
  const name = m[1]!;
  // "Kong added that Bitdeer plans …": the company named anywhere in the sentence is its subject
  if (own && named.some((h) => h.ticker === own.ticker)) return 'own';
  if (own && [own.name, ...own.aliases].some((a) => name.toLowerCase().startsWith(a.toLowerCase()))) return 'own';
  // "CORZ sold 1,576 BTC": news copies name the company by its ticker
  const first = name.split(/\s+/)[0]!.replace(/['’]s$/, '');
  if (own && first === own.ticker) return 'own';
  // a registry peer opening the sentence: the registry attribution reads it
  const nameStart = s.length - t.length;
  if (named.some((h) => h.index >= nameStart && h.index < nameStart + name.length)) return undefined;
  if (!REPORTING_VERB.test(m[2]!)) return undefined;
  if (NOT_A_NAME.test(first) || first.length < 3) return undefined;
  // a capitalised first word is only a name if the text writes it so where a sentence does not
  // start ("Settlement was in USDT" is not a firm; "…, Metaplanet rejects claims" is)
  const proper = t !== opened || new RegExp(`[a-z,;:]\\s+${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(docText);
  return proper ? 'other' : undefined;
}
