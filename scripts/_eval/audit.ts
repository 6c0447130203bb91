/**
 * Facts an audit judged wrong (or doubtful) that no label covers: the eval reports which of them
 * the extractor still emits, so a fix is measured on what an analyst would actually have seen.
 * One JSON object a line: {ref, verdict: "wrong"|"doubtful", file, company, metric, value, period}
 * with period "@YYYY-MM-DD" (stocks and hashrate, compared on the date) or "start..end".
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ExtractedFact } from '../../src/model/fact.ts';
import { valuesMatch } from './match.ts';

export const AuditEntry = z.object({
  ref: z.string().optional(),
  verdict: z.enum(['wrong', 'doubtful']).default('wrong'),
  file: z.string(),
  company: z.string(),
  metric: z.string(),
  value: z.number(),
  period: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export function readAudit(path: string): AuditEntry[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const r = AuditEntry.safeParse(JSON.parse(l));
      if (!r.success) throw new Error(`${path}:${i + 1}: ${z.prettifyError(r.error)}`);
      return r.data;
    });
}

function periodOf(f: ExtractedFact): string {
  if (f.metric.startsWith('hashrate_')) return `@${f.asOf ?? f.periodEnd ?? ''}`;
  return f.asOf ? `@${f.asOf}` : `${f.periodStart ?? ''}..${f.periodEnd ?? ''}`;
}

/** The audited facts of this document that `facts` still contain (any confidence), with the fact. */
export function stillEmitted(entries: readonly AuditEntry[], file: string, company: string, facts: readonly ExtractedFact[], filer: string | undefined): { entry: AuditEntry; fact: ExtractedFact }[] {
  const out: { entry: AuditEntry; fact: ExtractedFact }[] = [];
  for (const e of entries) {
    if (e.file !== file || e.company !== company) continue;
    const fact = facts.find((f) => (f.company ?? filer) === e.company && f.metric === e.metric && periodOf(f) === e.period && valuesMatch(e.value, f.value));
    if (fact) out.push({ entry: e, fact });
  }
  return out;
}
