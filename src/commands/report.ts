import { openApp } from '../app.ts';
import { REPORT_FORMATS, REPORT_KINDS, generateReports, type ReportFormat } from '../report/index.ts';
import type { ReportKind } from '../report/model.ts';
import { DB_OPTIONS, EXIT, list, str, type Command } from './_command.ts';

export const reportCommand: Command = {
  name: 'report',
  summary: 'Write treasury-sales and cost-positioning reports (md, html, xlsx, csv, json)',
  help: `Usage: hashledger report [treasury|costs|all] [--format md,html,xlsx,csv,json] [--out reports/] [--company T] [--db path]

Builds the reports from the canonical value of every company·metric·period and the bundled
network snapshot (data/network/). Default: all reports, every format, into reports/.

Files: treasury.md, costs.md, report.html (self-contained), hashledger-report.xlsx,
csv/<table>.csv, report.json.

Examples:
  hashledger report
  hashledger report treasury --format md,html --company CANG,CLSK
  hashledger report costs --format xlsx --out /tmp/reports`,
  options: {
    ...DB_OPTIONS,
    format: { type: 'string', multiple: true },
    out: { type: 'string' },
    company: { type: 'string', multiple: true },
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length > 1) {
      io.stderr(`hashledger report: one report kind at most (treasury, costs or all), got ${positionals.join(' ')}\n`);
      return EXIT.usage;
    }
    const kindArg = positionals[0] ?? 'all';
    if (kindArg !== 'all' && !(REPORT_KINDS as readonly string[]).includes(kindArg)) {
      io.stderr(`hashledger report: unknown report "${kindArg}" (expected treasury, costs or all)\n`);
      return EXIT.usage;
    }
    const kinds: ReportKind[] = kindArg === 'all' ? [...REPORT_KINDS] : [kindArg as ReportKind];
    const formats = list(values.format).map((f) => f.toLowerCase());
    const unknown = formats.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
    if (unknown.length) {
      io.stderr(`hashledger report: unknown format ${unknown.map((f) => `"${f}"`).join(', ')} (expected ${REPORT_FORMATS.join(', ')})\n`);
      return EXIT.usage;
    }
    const outDir = str(values.out) ?? 'reports';
    const companies = list(values.company).map((c) => c.toUpperCase());
    const app = openApp({ dbPath: str(values.db) });
    try {
      const unknownCo = companies.filter((t) => !app.companies.some((c) => c.ticker === t));
      if (unknownCo.length) {
        io.stderr(`hashledger report: unknown company ${unknownCo.join(', ')} (known: ${app.companies.map((c) => c.ticker).join(', ')})\n`);
        return EXIT.usage;
      }
      const { files } = await generateReports(app, {
        formats: formats.length ? (formats as ReportFormat[]) : [...REPORT_FORMATS],
        outDir,
        kinds,
        ...(companies.length ? { companies } : {}),
      });
      for (const f of files) io.stdout(`${f}\n`);
      io.stderr(`wrote ${files.length} files to ${outDir}\n`);
      return EXIT.ok;
    } finally {
      app.close();
    }
  },
};
