/** Every requested format rendered in memory: relative file name → contents. Pure. */
import type { ReportModel } from '../model.ts';
import { renderCsv } from './csv.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderCompanyMd, renderCostsMd, renderTreasuryMd } from './markdown.ts';
import { renderXlsx } from './xlsx.ts';

export type ReportFormat = 'md' | 'html' | 'xlsx' | 'csv' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'xlsx', 'csv', 'json'];

export function renderAll(m: ReportModel, formats: readonly ReportFormat[]): Map<string, string | Buffer> {
  const out = new Map<string, string | Buffer>();
  for (const f of formats) {
    switch (f) {
      case 'md':
        if (m.kinds.includes('treasury')) out.set('treasury.md', renderTreasuryMd(m));
        if (m.kinds.includes('costs')) out.set('costs.md', renderCostsMd(m));
        // a page per company that has figures, named by ticker (kept to file-name characters)
        for (const p of m.pages) if (p.factCount > 0) out.set(`companies/${p.ticker.replace(/[^A-Za-z0-9._-]/g, '_')}.md`, renderCompanyMd(m, p));
        break;
      case 'html':
        out.set('report.html', renderHtml(m));
        break;
      case 'xlsx':
        out.set('hashledger-report.xlsx', renderXlsx(m));
        break;
      case 'csv':
        for (const [name, text] of Object.entries(renderCsv(m))) out.set(`csv/${name}`, text);
        break;
      case 'json':
        out.set('report.json', renderJson(m));
        break;
    }
  }
  return out;
}
