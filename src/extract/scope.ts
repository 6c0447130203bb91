import type { ParsedDocument } from '../model/parsed.ts';
import type { Candidate } from './_candidate.ts';

const SELF_MINING = /\bself[- ]?min(?:ing|ed|er)\b/i;
const CUSTOMERS_MACHINES = /\b(?:colocat\w*|co-locat\w*|hosting\s+(?:customers?|clients?)|hosted\s+(?:miners|customers?|clients?)|customers?['’]?\s+(?:miners|machines|servers))\b/i;
const OWN_SCOPE = /\bself[- ]?min|\bown(?:ed)?\b|\bproprietary\b/i;

/**
 * A release that keeps self-mining apart from its customers' machines ("owned and colocated
 * servers", a "Self-Mining" section) states hashrate for two scopes. A sentence figure that names
 * neither may be the total over customers' machines too: it stays below 0.5 rather than be taken
 * for the company's own fleet. Tables are left to their row labels.
 */
export function capUnscopedHashrate(doc: ParsedDocument, candidates: Candidate[]): void {
  const text = doc.blocks.map((b) => b.text).join('\n');
  if (!SELF_MINING.test(text) || !CUSTOMERS_MACHINES.test(text)) return;
  for (const c of candidates) {
    if (c.source === 'table' || !c.metric.startsWith('hashrate_') || OWN_SCOPE.test(c.snippet)) continue;
    if (c.confidence >= 0.5) {
      c.confidence = 0.45;
      c.notes.push('the document reports self-mining apart from customers’ machines; this figure names neither');
    }
  }
}
