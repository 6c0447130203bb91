import type { Company } from '../model/company.ts';
import type { ExtractedFact } from '../model/fact.ts';
import { METRICS, metricUnit, type Metric } from '../model/metrics.ts';
import type { ParsedDocument } from '../model/parsed.ts';
import { dateOpts, type Candidate, type Env } from './_candidate.ts';
import { inferAnchor } from './anchor.ts';
import { inferPublished } from './dateline.ts';
import { inferDocType } from './doctype.ts';
import { inferFiler } from './filer.ts';
import { companyMatcher } from './attribution.ts';
import { findPeriods, notAPeriod, spanPeriod, type Period } from './dates.ts';
import { withFlatRows } from './flat-rows.ts';
import { aliasRulesFrom } from './labels.ts';
import { DATED_AT_PUBLICATION, readProse } from './prose.ts';
import { LABEL_RULES, type ValueKind } from './rules.ts';
import { capUnscopedHashrate } from './scope.ts';
import { readTables } from './tables.ts';
import { inBounds } from './units.ts';

/** Bumped whenever extraction output may change; stored on every fact and document. */
export const EXTRACTOR_VERSION = '0.9.10';
export const EXTRACTOR_NAME = 'hashledger-rules';

/** What the extractor may know about a document besides its content. All optional. */
export interface ExtractContext {
  /** the filer / issuer the document belongs to */
  company?: Company;
  /** the registry, to attribute figures in articles that name several companies */
  companies?: readonly Company[];
  form?: string;
  /** filing or publication date, YYYY-MM-DD: anchors "last month", years left out of dates */
  filedDate?: string;
  /** period of report stated by the filing, YYYY-MM-DD */
  periodOfReport?: string;
  sourceUrl?: string;
  /** the document's title when the source knows it (feed item, EDGAR description) */
  title?: string;
}

const PERIODIC_FORMS = /^(10-Q|10-K|20-F|40-F)/i;

/**
 * ParsedDocument → facts. Pure: no I/O. Figures the extractor is unsure of are returned with
 * confidence < 0.5 rather than dropped, or not returned at all when a wrong value is likely.
 */
export function extractFacts(doc: ParsedDocument, ctxIn: ExtractContext = {}): ExtractedFact[] {
  // no filer given: read the issuer off the document, and say so on every fact it gets
  const inferred = !ctxIn.company && ctxIn.companies?.length ? inferFiler(doc, ctxIn.companies) : undefined;
  // no publication date given: the release's own dateline anchors "year to date" and "last month"
  // no form given: a 10-Q/10-K says so on its cover, with the period it reports on
  const cover = ctxIn.form ? undefined : inferDocType(doc);
  const dateline = ctxIn.filedDate || cover ? undefined : inferPublished(doc);
  // no date given: the latest date the document reports as past anchors months left without a year
  // (a filing's own period end: its later months, subsequent events, stay without a year)
  const anchor = ctxIn.filedDate || ctxIn.periodOfReport ? undefined : cover ? cover.periodOfReport : inferAnchor(doc, ctxIn.title);
  // a dateline before a date the release reports as past ("September 7" on a September update) is a typo
  const published = dateline && !(anchor && anchor > dateline) ? dateline : undefined;
  const ctx = {
    ...ctxIn,
    ...(inferred ? { company: inferred } : {}),
    ...(published ? { filedDate: published } : {}),
    ...(cover ? { form: cover.form } : {}),
    ...(cover?.periodOfReport && !ctxIn.periodOfReport ? { periodOfReport: cover.periodOfReport } : {}),
  };
  if (inferred) return extractWith(doc, ctx, published ? undefined : anchor).map((f) => (f.company ? f : { ...f, company: inferred.ticker }));
  return extractWith(doc, ctx, published ? undefined : anchor);
}

function extractWith(doc: ParsedDocument, ctx: ExtractContext, anchor: string | undefined): ExtractedFact[] {
  const env = buildEnv(doc, ctx, anchor);
  const matcher = ctx.companies?.length ? companyMatcher(ctx.companies) : undefined;
  const candidates = withFlatRows(doc, env, [...readTables(doc.tables, env), ...readProse(doc, env, matcher ? { matcher } : {})]);
  capUnscopedHashrate(doc, candidates);
  return finalize(candidates);
}

function kindOfMetric(metric: string): ValueKind | undefined {
  return LABEL_RULES.find((r) => r.metric === metric)?.value;
}

/** `anchor`: a reference date read off the document (inferAnchor), used only when no date is known. */
export function buildEnv(doc: ParsedDocument, ctx: ExtractContext, anchor?: string): Env {
  const fyEndMonth = ctx.company?.fiscalYearEndMonth ?? 12;
  const periodic = !!ctx.form && PERIODIC_FORMS.test(ctx.form);
  const ref = ctx.filedDate ?? anchor ?? ctx.periodOfReport;
  const env: Env = {
    fyEndMonth,
    periodic,
    ...(!ctx.filedDate && anchor ? { refIsBound: true } : {}),
    aliasRules: aliasRulesFrom(ctx.company?.labelAliases, kindOfMetric),
    companies: ctx.companies ?? [],
    ...(ref ? { ref } : {}),
    ...(ctx.filedDate ? { filedDate: ctx.filedDate } : {}),
    ...(ctx.company ? { company: ctx.company } : {}),
  };
  const def = defaultPeriod(doc, ctx, env);
  if (def) env.defaultPeriod = def;
  return env;
}

/**
 * The period a document reports on: a 10-Q's quarter (from its period of report), a 10-K's
 * year, or the month/quarter a release's title or opening names ("… Update for November 2024").
 */
export function defaultPeriod(doc: ParsedDocument, ctx: ExtractContext, env: Env): Period | undefined {
  if (ctx.periodOfReport && ctx.form && PERIODIC_FORMS.test(ctx.form)) {
    return spanPeriod(ctx.periodOfReport, /^10-Q/i.test(ctx.form) ? 3 : 12);
  }
  const opening = [ctx.title ?? '', doc.title ?? '', ...doc.blocks.slice(0, 12).map((b) => b.text)].filter(Boolean);
  const firstFlow = (text: string): Period | undefined => {
    const head = text.slice(0, 600);
    const hits = findPeriods(head, { ...dateOpts(env), keepUnanchored: true }).filter((h) => !notAPeriod(head, h));
    // "holdings at the end of January" names a date, not the month the document reports on
    // not "holdings at the end of January" (a date), nor "+38% vs. September" (another month compared)
    const flow = hits.find(
      (h) =>
        h.period.kind === 'flow' &&
        !h.ytd &&
        !/\b(?:end|close|start|beginning)\s+of\s+(?:the\s+)?$|\b(?:vs\.?|versus|compared\s+(?:to|with)|from|than|over)\s+(?:the\s+)?$/i.test(head.slice(Math.max(0, h.index - 20), h.index)) &&
        // "… down from $29.3 million in the first quarter": the figure compared with, and its period
        !/\b(?:vs\.?|versus|compared\s+(?:to|with)|from|than)\s+(?:approximately\s+|about\s+|~\s*)?\$?[\d.,]+\s*(?:million|billion|thousand|[kmb]n?|btc|bitcoins?|eh\/s)?\s+(?:in|during|for)\s+(?:the\s+)?$/i.test(head.slice(Math.max(0, h.index - 60), h.index)) &&
        // "Jan. - Apr. average BTC mined": the baseline an article compares with, not what it reports
        !/^[\s.]*(?:\(\w[\w -]*\)\s*)?(?:monthly\s+|daily\s+)?(?:average|avg\.?|mean)\b/i.test(head.slice(h.index + h.length, h.index + h.length + 30)),
    );
    // "mined 668 bitcoin in December … its 2024 total" with no date to tell December's year: no default
    if (!flow || flow.unanchored || flow.period.kind !== 'flow') return undefined;
    // "… compared with the pre-halving months (January to April)": a span of months that is not a
    // month, quarter or year is a comparison base more often than the period a copy reports on
    if (flow.period.grain === 'other') return undefined;
    if (ctx.filedDate && flow.period.end > ctx.filedDate) return undefined;
    return flow.period;
  };
  // a monthly update says so ("February 2023 Monthly Investor Update", "for the month of …"); its
  // month wins over other reports it mentions ("results for the six months ended December 31")
  for (const text of opening) {
    if (!/\bmonthly\s+(?:investor\s+|production\s+|operational?\s+|operations\s+|business\s+)?(?:update|report)|\bfor the month of\b/i.test(text.slice(0, 600))) continue;
    const p = firstFlow(text);
    if (p?.kind === 'flow' && p.grain === 'month') return p;
  }
  // a headline naming a quarter without its year ("… Posts Double-Digit Third Quarter Revenue
  // Growth"): the latest such quarter before publication, ahead of quarters the text compares
  const headline = opening[0] ?? '';
  // … and "Hut 8's Q2 Loss Widens to $69M"
  const bareQuarter = /\b(First|Second|Third|Fourth)\s+Quarter\b(?!\s*(?:of\s+)?(?:Fiscal\s+|FY\s*)?['’]?\d{2,4}\b)|\bQ([1-4])\b(?!\s*(?:FY\s*)?['’]?\d{2,4}\b)/.exec(headline);
  if (bareQuarter && ctx.filedDate && !findPeriods(headline, dateOpts(env)).length) {
    const word = bareQuarter[1] ?? ['first', 'second', 'third', 'fourth'][Number(bareQuarter[2]) - 1]!;
    const p = firstFlow(`in the ${word.toLowerCase()} quarter`);
    if (p) return p;
  }
  // a news copy's opening sentence: "… mined 1,213 BTC in September"; not the page's adverts
  // above the story ("… saw the opportunity in March. Read full update"), which come before the
  // first block that names the company
  const names = ctx.company ? companyMatcher([ctx.company]) : undefined;
  const storyStart = names ? opening.findIndex((t) => names.find(t.slice(0, 600)).length > 0) : -1;
  for (const text of opening.slice(Math.max(0, storyStart))) {
    // … or a headline's treasury trade: "Bitfarms buys 1K bitcoins so far in 2022" (a trade's month
    // in the body, "sold 2000 BTC in March", is the trade's, not what the whole article reports on)
    const isHeadline = text === opening[0] || text === doc.title;
    if (!/update|results|report|production|operations|operational|highlights|announces|letter|earnings|hash\s?rate|\bmined\b|\bproduced\b|\b(?:quarter|months|year|period)\s+ended\b/i.test(text) && !(isHeadline && /\b(?:buys|bought|purchases|purchased|acquires|acquired|sells|sold)\b/i.test(text))) continue;
    const p = firstFlow(text);
    if (p) return p;
  }
  // a key-metrics table whose first column is one month ("Key metrics | Oct-22"), published soon after it
  for (const table of doc.tables.slice(0, 3)) {
    const header = table.rows[0]?.[1] ?? '';
    const hit = findPeriods(header, dateOpts(env))[0];
    if (hit?.period.kind !== 'flow' || hit.period.grain !== 'month' || !ctx.filedDate) continue;
    const lagDays = (Date.parse(ctx.filedDate) - Date.parse(hit.period.end)) / 86_400_000;
    if (lagDays >= 0 && lagDays <= 45) return hit.period;
  }
  return undefined;
}

function keyOf(c: Candidate): string {
  const p = c.period.kind === 'instant' ? `@${c.period.asOf}` : `${c.period.start}..${c.period.end}`;
  return `${c.company ?? ''}|${c.metric}|${c.basis ?? ''}|${p}`;
}

function close(a: number, b: number): boolean {
  const tol = Math.max(Math.abs(a), Math.abs(b)) * 0.0051 + 1e-9;
  if (Math.abs(a - b) <= tol) return true;
  // "$0.032 per kWh" and "$31.71 per MWh" in one article: one is the other rounded as printed
  const decimals = (n: number) => (String(n).split('.')[1] ?? '').length;
  const roundsTo = (x: number, y: number) => Math.abs(Number(x.toFixed(decimals(y))) - y) < 1e-12;
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 0.02 && (roundsTo(a, b) || roundsTo(b, a));
}

const SOURCE_RANK = { table: 3, line: 2, prose: 1 } as const;

/** Dedups equal figures, demotes disagreeing ones below 0.5, converts to ExtractedFact. */
function finalize(candidatesIn: Candidate[]): ExtractedFact[] {
  // "Cango sells 2,000 BTC" over "… sold 2000 BTC in March": the headline's sale, dated only by the
  // day it was written, is the one the text dates; keep the dated one
  const candidates = candidatesIn.filter((c) => !(c.notes.includes(DATED_AT_PUBLICATION) && candidatesIn.some((o) => o !== c && o.metric === c.metric && !o.notes.includes(DATED_AT_PUBLICATION) && close(o.value, c.value) && (o.company ?? '') === (c.company ?? ''))));
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (!inBounds(c.metric, c.value)) continue;
    const k = keyOf(c);
    const g = groups.get(k);
    if (g) g.push(c);
    else groups.set(k, [c]);
  }
  const facts: ExtractedFact[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => b.confidence - a.confidence || SOURCE_RANK[b.source] - SOURCE_RANK[a.source]);
    const kept: Candidate[] = [];
    for (const c of group) {
      const same = kept.find((k) => close(k.value, c.value));
      if (same) {
        // two places agree: a little more trust
        same.confidence = Math.min(0.97, same.confidence + 0.03);
        continue;
      }
      if (kept.length) {
        c.notes.push(`disagrees with ${kept[0]!.value} stated elsewhere in the document`);
        c.confidence = Math.min(c.confidence, 0.45);
      }
      kept.push(c);
    }
    for (const c of kept) facts.push(toFact(c));
  }
  return facts;
}

function toFact(c: Candidate): ExtractedFact {
  const metric: Metric = c.metric;
  const fact: ExtractedFact = {
    metric,
    value: c.value,
    unit: metricUnit(metric),
    ...(c.period.kind === 'instant' ? { asOf: c.period.asOf } : { periodStart: c.period.start, periodEnd: c.period.end }),
    snippet: c.snippet,
    locator: c.locator,
    extractor: EXTRACTOR_NAME,
    extractorVersion: EXTRACTOR_VERSION,
    confidence: Math.round(c.confidence * 100) / 100,
    derived: false,
  };
  if (c.basis) fact.basis = c.basis;
  if (c.basisLabel) fact.basisLabel = c.basisLabel.replace(/\s+/g, ' ').trim();
  if (c.company) fact.company = c.company;
  if (c.notes.length) fact.notes = c.notes.join('; ');
  return fact;
}

export { METRICS };
