/**
 * The report model as JSON: every number with its flags and source, for scripts. Company
 * pages keep their headline figures, grid and lines; their rows are the top-level tables
 * filtered by ticker, so they are not repeated here. (JSON.stringify already writes NaN and
 * ±Infinity as null, so no replacer: one called per value cost more than the rest of it.)
 */
import type { ReportModel } from '../model.ts';

export function renderJson(m: ReportModel): string {
  const pages = m.pages.map(({ treasury: _t, production: _p, costs: _c, ...rest }) => rest);
  return `${JSON.stringify({ ...m, pages }, null, 2)}\n`;
}
