import { z } from 'zod';
import { CostBasis, Metric, Unit } from './metrics.ts';
import { IsoDate } from './period.ts';

/** Where in the parsed document a figure was read. */
export const Locator = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    /** character offset into ParsedDocument.text */
    offset: z.number().int().nonnegative(),
    length: z.number().int().nonnegative(),
    page: z.number().int().positive().optional(),
  }),
  z.object({
    kind: z.literal('table'),
    table: z.number().int().nonnegative(),
    row: z.number().int().nonnegative(),
    col: z.number().int().nonnegative(),
    page: z.number().int().positive().optional(),
    sheet: z.string().optional(),
  }),
  z.object({
    kind: z.literal('xbrl'),
    concept: z.string(),
    contextRef: z.string().optional(),
  }),
]);
export type Locator = z.infer<typeof Locator>;

/**
 * One number a document states, as the extractor returns it (no database ids yet).
 * Flows carry periodStart/periodEnd; stocks carry asOf. `basis` qualifies cost_per_btc
 * (CostBasis) and may qualify hashrate ('operating_average', 'deployed', 'energized', …).
 */
export const ExtractedFactFields = z.object({
  metric: Metric,
  value: z.number().finite(),
  unit: Unit,
  periodStart: IsoDate.optional(),
  periodEnd: IsoDate.optional(),
  asOf: IsoDate.optional(),
  basis: z.string().optional(),
  /** the company's own wording of the basis, e.g. "cost to mine one bitcoin" */
  basisLabel: z.string().optional(),
  /** ticker when the document names a company other than the filer */
  company: z.string().optional(),
  snippet: z.string(),
  locator: Locator,
  extractor: z.string(),
  extractorVersion: z.string(),
  /** 0..1; below 0.5 means "shown to analysts only when flagged" */
  confidence: z.number().min(0).max(1),
  derived: z.boolean().default(false),
  /** free-text reasons the extractor lowered confidence or why it chose the period */
  notes: z.string().optional(),
});

/** A flow has periodStart+periodEnd, a stock has asOf; never both, never neither. */
function checkPeriod(f: { asOf?: string | undefined; periodStart?: string | undefined; periodEnd?: string | undefined }, ctx: z.RefinementCtx): void {
  const isStock = f.asOf !== undefined;
  const isFlow = f.periodStart !== undefined && f.periodEnd !== undefined;
  if (isStock === isFlow) {
    ctx.addIssue({ code: 'custom', message: 'a fact needs either asOf or periodStart+periodEnd', path: ['asOf'] });
  }
  if (isFlow && f.periodStart! > f.periodEnd!) {
    ctx.addIssue({ code: 'custom', message: 'periodStart is after periodEnd', path: ['periodStart'] });
  }
}

export const ExtractedFact = ExtractedFactFields.superRefine(checkPeriod);
export type ExtractedFact = z.infer<typeof ExtractedFact>;
export type ExtractedFactInput = z.input<typeof ExtractedFact>;

export { CostBasis, checkPeriod };
