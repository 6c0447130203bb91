import type { ParsedDocument } from '../model/parsed.ts';
import type { Candidate } from './_candidate.ts';

const SELF_MINING = /\bself[- ]?min(?:ing|ed|er)\b/i;
const CUSTOMERS_MACHINES = /\b(?:colocat\w*|co-locat\w*|hosting\s+(?:customers?|clients?)|hosted\s+(?:miners|customers?|clients?)|customers?['’]?\s+(?:miners|machines|servers))\b/i;
// the self-mining words must name the hash rate: "self-mined 3,202 bitcoins" beside a total does not
const OWN_SCOPE = /\bself[- ]?min\w*\s+(?:[\w-]+\s+){0,2}?(?:hash|capacity|fleet|operat|eh\/s|exahash)|(?:eh\/s|exahash\w*|ph\/s)\s+(?:of\s+|for\s+|(?:allocated|dedicated|devoted)\s+to\s+)?self[- ]?min|\bown(?:ed)?\b|\bproprietary\b/i;
/** "Total hashrate of 13.5 EH/s consisting of 6.6 EH/s self-mining and 6.9 EH/s hosting" */
const TOTAL_SPLIT = /\b(?:consisting\s+of|comprised\s+of|comprising|made\s+up\s+of|of\s+which|split\s+between|including)\s+(?:[^.;]|\.(?=\d)){0,60}?\bself[- ]?min(?:ing|ed)\b(?:[^.;]|\.(?=\d)){0,60}?\b(?:hosting|hosted|colocat\w*|customers?)\b/i;

/**
 * A release that keeps self-mining apart from its customers' machines ("owned and colocated
 * servers", a "Self-Mining" section, a total split into self-mining and hosting) states hashrate for two scopes. A sentence figure that names
 * neither may be the total over customers' machines too: it stays below 0.5 rather than be taken
 * for the company's own fleet. Tables are left to their row labels.
 */
export function capUnscopedHashrate(doc: ParsedDocument, candidates: Candidate[]): void {
  const text = doc.blocks.map((b) => b.text).join('\n');
  // a "total hashrate" split into self-mining and hosting parts says the release's totals count
  // customers' machines: "our total hashrate increased to 13.5 EH/s" elsewhere is that total
  if (!SELF_MINING.test(text) || !(CUSTOMERS_MACHINES.test(text) || TOTAL_SPLIT.test(text))) return;
  for (const c of candidates) {
    if (c.source === 'table' || !c.metric.startsWith('hashrate_') || OWN_SCOPE.test(c.snippet)) continue;
    if (c.confidence >= 0.5) {
      c.confidence = 0.45;
      c.notes.push('the document reports self-mining apart from customers’ machines; this figure names neither');
    }
  }
}
