/** The report model as JSON: every number with its flags and source, for scripts. */
import type { ReportModel } from '../model.ts';

export function renderJson(m: ReportModel): string {
  return `${JSON.stringify(m, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
