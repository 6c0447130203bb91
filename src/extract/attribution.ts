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
    const alts = [...names].filter((n) => n.length >= 3).map(escape);
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
