import type { Company } from '../model/company.ts';
import type { ParsedDocument } from '../model/parsed.ts';
import { companyMatcher } from './attribution.ts';

/** How much of the document's opening names its issuer: title, dateline, first paragraphs. */
const HEAD_CHARS = 2_500;

/**
 * The issuer of a document nobody named (a file passed to `extract` without --company, a release
 * found on disk): the registry company its title and opening name, when one clearly leads. A
 * document whose opening names several miners about equally is an article about all of them,
 * and gets no filer, so each figure is attributed sentence by sentence instead.
 */
export function inferFiler(doc: ParsedDocument, companies: readonly Company[]): Company | undefined {
  if (!companies.length) return undefined;
  const head = `${doc.title ?? ''}\n${doc.text.slice(0, HEAD_CHARS)}`;
  const hits = companyMatcher(companies).find(head);
  if (!hits.length) return undefined;
  const counts = new Map<string, number>();
  for (const h of hits) counts.set(h.ticker, (counts.get(h.ticker) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [leader, runnerUp] = ranked;
  if (!leader) return undefined;
  if (runnerUp && runnerUp[1] * 2 > leader[1]) return undefined;
  return companies.find((c) => c.ticker === leader[0]);
}
