/**
 * How an extracted fact is scored against a label a person read off the document. Shared by
 * scripts/eval.ts and the corpus tests so the numbers they report follow one set of rules:
 *
 * - A label matches a fact of the same metric family, the same period and a value within
 *   rounding (0.6 % or half a unit of the label's last printed decimal).
 * - Label "hashrate" maps by basis: operating_average → hashrate_average; deployed, installed,
 *   energized, max, nameplate → hashrate_installed; active, operating, unspecified →
 *   hashrate_operating. Hashrate periods compare on the date (asOf, or the end of an average's
 *   span), because companies state averages "as of" a date.
 * - cost_per_btc families are split by basis (costs are never compared across bases); label basis
 *   direct_energy and cash count as direct (a cash cost to mine is the direct cost without depreciation).
 * - WRONG: a fact with confidence ≥ 0.5, for the filer, whose family and period some label of
 *   the document covers (facts, otherPeriods or extra) but whose value no such label has.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ExtractedFact } from '../../src/model/fact.ts';

export const LabelFact = z.object({
  metric: z.string(),
  value: z.number(),
  basis: z.string().optional(),
  asOf: z.string().optional(),
  periodStart: z.string().optional(),
  periodEnd: z.string().optional(),
});
export type LabelFact = z.infer<typeof LabelFact>;

export const LabelLine = z.object({
  company: z.string(),
  file: z.string(),
  facts: z.array(LabelFact),
  otherPeriods: z.array(LabelFact).optional(),
  /** person-read facts from a labels-extra file (audited after the first labelling): asserted, scored apart */
  extra: z.array(LabelFact).optional(),
  sourceKind: z.string().optional(),
  notes: z.string().optional(),
});
export type LabelLine = z.infer<typeof LabelLine>;

function readJsonl(path: string, errors: string[]): LabelLine[] {
  const labels: LabelLine[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        errors.push(`${path}:${i + 1}: not JSON`);
        return;
      }
      const r = LabelLine.safeParse(json);
      if (r.success) labels.push(r.data);
      else errors.push(`${path}:${i + 1}: ${z.prettifyError(r.error)}`);
    });
  return labels;
}

/**
 * Reads DIR/labels.jsonl; undefined when the folder has none. Bad lines are reported, not fatal.
 * DIR/labels-extra.jsonl (when present) and any `extraFiles` add person-read facts found after the
 * first labelling: merged by file + company into `extra`, so the base recall stays comparable.
 */
export function readLabels(dir: string, extraFiles: readonly string[] = []): { labels: LabelLine[]; errors: string[] } | undefined {
  const path = join(dir, 'labels.jsonl');
  if (!existsSync(path)) return undefined;
  const errors: string[] = [];
  const labels = readJsonl(path, errors);
  const extras = [join(dir, 'labels-extra.jsonl'), ...extraFiles].filter((p, i, all) => existsSync(p) && all.indexOf(p) === i);
  for (const p of extras) {
    for (const x of readJsonl(p, errors)) {
      const facts = [...x.facts, ...(x.otherPeriods ?? []), ...(x.extra ?? [])];
      const base = labels.find((l) => l.file === x.file && l.company === x.company);
      if (base) base.extra = [...(base.extra ?? []), ...facts];
      else labels.push({ company: x.company, file: x.file, facts: [], extra: facts });
    }
  }
  return { labels, errors };
}

function costBasis(b: string | undefined): string {
  const x = (b ?? 'company_defined').toLowerCase();
  // a cash cost is the direct cost without depreciation (src/model/metrics.ts): one family
  return x === 'direct_energy' || x === 'cash' ? 'direct' : x;
}

export function labelFamily(l: { metric: string; basis?: string | undefined }): string {
  if (l.metric === 'hashrate') {
    const b = (l.basis ?? 'unspecified').toLowerCase();
    if (b === 'operating_average' || b === 'average') return 'hashrate_average';
    if (['deployed', 'installed', 'energized', 'max', 'maximum', 'nameplate'].includes(b)) return 'hashrate_installed';
    return 'hashrate_operating';
  }
  if (l.metric === 'cost_per_btc') return `cost_per_btc:${costBasis(l.basis)}`;
  return l.metric;
}

export function factFamily(f: Pick<ExtractedFact, 'metric' | 'basis'>): string {
  return f.metric === 'cost_per_btc' ? `cost_per_btc:${costBasis(f.basis)}` : f.metric;
}

/** Metrics measured at an instant: a label that gives them a span ("average fleet efficiency … during the quarter") is read at the span's end. */
const STOCK_FAMILIES = /^(?:hashrate_|btc_held|fleet_efficiency$|power_capacity$)/;

export function periodKeyOf(family: string, p: { asOf?: string | undefined; periodStart?: string | undefined; periodEnd?: string | undefined }): string {
  if (STOCK_FAMILIES.test(family)) return `@${p.asOf ?? p.periodEnd ?? ''}`;
  return p.asOf ? `@${p.asOf}` : `${p.periodStart ?? ''}..${p.periodEnd ?? ''}`;
}

function decimals(n: number): number {
  const s = String(n);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

export function valuesMatch(label: number, fact: number): boolean {
  const tol = Math.max(Math.abs(label) * 0.006, 0.5 * 10 ** -decimals(label), 1e-9);
  return Math.abs(label - fact) <= tol;
}

export function factMatchesLabel(l: LabelFact, f: ExtractedFact): boolean {
  const fam = labelFamily(l);
  return factFamily(f) === fam && periodKeyOf(fam, f) === periodKeyOf(fam, l) && valuesMatch(l.value, f.value);
}

export interface FamilyScore {
  labelled: number;
  found: number;
  /** found by a fact of confidence ≥ 0.5 (what a default-threshold export would show) */
  foundConfident: number;
  other: number;
  otherFound: number;
  extra: number;
  extraFound: number;
  wrong: number;
}

export interface DocScore {
  /** per family: labelled / found for `facts`, other / otherFound for `otherPeriods`, extra / extraFound for `extra` */
  families: Map<string, FamilyScore>;
  misses: string[];
  otherMisses: string[];
  extraMisses: string[];
  wrong: { fact: ExtractedFact; family: string; period: string; labels: number[] }[];
  /** confident facts from a document labelled with no facts at all */
  falseAlarms: ExtractedFact[];
  unlabelled: { fact: ExtractedFact; family: string; period: string }[];
}

/** Scores one document's facts against its label line; `filer` is the ticker facts default to. */
export function scoreDocument(label: LabelLine, facts: readonly ExtractedFact[], filer: string | undefined): DocScore {
  const score: DocScore = { families: new Map(), misses: [], otherMisses: [], extraMisses: [], wrong: [], falseAlarms: [], unlabelled: [] };
  const fam = (k: string) => {
    let r = score.families.get(k);
    if (!r) score.families.set(k, (r = { labelled: 0, found: 0, foundConfident: 0, other: 0, otherFound: 0, extra: 0, extraFound: 0, wrong: 0 }));
    return r;
  };
  const own = facts.filter((f) => !f.company || f.company === filer);
  const all = [...label.facts, ...(label.otherPeriods ?? []), ...(label.extra ?? [])];
  for (const l of label.facts) {
    const k = labelFamily(l);
    const r = fam(k);
    r.labelled++;
    if (own.some((f) => factMatchesLabel(l, f))) r.found++;
    else score.misses.push(`${k} ${periodKeyOf(k, l)} = ${l.value}`);
    if (own.some((f) => f.confidence >= 0.5 && factMatchesLabel(l, f))) r.foundConfident++;
  }
  for (const l of label.otherPeriods ?? []) {
    const k = labelFamily(l);
    const r = fam(k);
    r.other++;
    if (own.some((f) => factMatchesLabel(l, f))) r.otherFound++;
    else score.otherMisses.push(`${k} ${periodKeyOf(k, l)} = ${l.value}`);
  }
  for (const l of label.extra ?? []) {
    const k = labelFamily(l);
    const r = fam(k);
    r.extra++;
    if (own.some((f) => factMatchesLabel(l, f))) r.extraFound++;
    else score.extraMisses.push(`${k} ${periodKeyOf(k, l)} = ${l.value}`);
  }
  if (!all.length) {
    // a multi-company article has one label line per company: only this company's facts count
    score.falseAlarms = own.filter((f) => f.confidence >= 0.5);
    return score;
  }
  for (const f of own) {
    const k = factFamily(f);
    const key = periodKeyOf(k, f);
    const covering = all.filter((l) => labelFamily(l) === k && periodKeyOf(k, l) === key);
    if (!covering.length) {
      score.unlabelled.push({ fact: f, family: k, period: key });
      continue;
    }
    if (f.confidence < 0.5) continue;
    if (!covering.some((l) => valuesMatch(l.value, f.value))) {
      fam(k).wrong++;
      score.wrong.push({ fact: f, family: k, period: key, labels: covering.map((l) => l.value) });
    }
  }
  return score;
}
