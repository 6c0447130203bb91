/**
 * What the held-out shape tests share: extract a text written for the test as a release of one
 * registry company published on a date, and list the confident facts of a metric.
 */
import { extractFacts } from '../../src/extract/index.ts';
import type { ExtractedFact } from '../../src/model/fact.ts';
import { parseText } from '../../src/parse/text.ts';
import { findCompany, loadRegistry } from '../../src/registry/companies.ts';

export const companies = loadRegistry();

export const run = (ticker: string, filedDate: string, text: string, title?: string): ExtractedFact[] =>
  extractFacts(parseText(text), { company: findCompany(companies, ticker)!, companies, filedDate, ...(title ? { title } : {}) });

/** facts of `metric` at confidence ≥ 0.5 */
export const confident = (facts: ExtractedFact[], metric: string) => facts.filter((f) => f.metric === metric && f.confidence >= 0.5);
/** "start..end=value" of the confident flows */
export const flows = (facts: ExtractedFact[], metric: string) => confident(facts, metric).map((f) => `${f.periodStart}..${f.periodEnd}=${f.value}`);
/** "asOf=value" of the confident stocks */
export const stocks = (facts: ExtractedFact[], metric: string) => confident(facts, metric).map((f) => `${f.asOf}=${f.value}`);
