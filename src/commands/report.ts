import { openApp } from '../app.ts';
import type { Company } from '../model/company.ts';
import { REPORT_FORMATS, REPORT_KINDS, generateReports, type ReportFormat } from '../report/index.ts';
import type { ReportKind } from '../report/model.ts';
import { DB_OPTIONS, EXIT, list, str, type Command } from './_command.ts';

export const reportCommand: Command = {
  name: 'report',
  summary: 'Write treasury-sales and cost-positioning reports (md, html, xlsx, csv, json)',
  help: `Usage: hashledger report [treasury|costs|all] [--format LIST] [--out DIR] [--company T ...] [--db path]

Builds the reports from the canonical value of every company·metric·period in the database
and the bundled network snapshot (data/network/). Nothing is fetched. Default: all reports,
every format, into reports/.

Reports (the first argument; default all):
  treasury   BTC produced, sold and held by period, realized price against the market,
             a league table of sellers, production against the network, "what changed" lines
  costs      cost per BTC by basis (never ranked across bases), fleet efficiency, hashcost,
             hashprice now and its sensitivity to BTC price and difficulty
  all        both

Formats (--format, comma-separated or repeated; default all of them):
  md     treasury.md and/or costs.md (one file per report)
  html   report.html: one self-contained page (no scripts, no external files) with charts
  xlsx   hashledger-report.xlsx: one sheet per table, numbers stored as numbers, frozen headers
  csv    csv/<table>.csv: one file per table (summary, treasury, production, costs, facts, ...)
  json   report.json: the whole report model, every number with its flags and source

Options:
  --out DIR        where to write (created if missing); default reports/
  --company T      only these companies: ticker or name (CANG, Cango); repeatable or comma-separated
  --db PATH        database file; default $HASHLEDGER_DB or data/hashledger.db

Every number links to the document it came from. † marks a value whose sources disagree,
‡ a value hashledger computed (e.g. proceeds ÷ BTC sold).

Examples:
  hashledger report                                       every report, every format, into reports/
  hashledger report treasury --format md                  reports/treasury.md only
  hashledger report treasury --format md,html --company CANG,CLSK
  hashledger report costs --format xlsx --out /tmp/reports
  hashledger report --format csv --company Cango          CSV tables for Cango only
  hashledger report --format json --out /tmp/r            report.json for scripts

Exit codes: 0 written, 2 usage error (unknown report, format or company).`,
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
    const kindArg = (positionals[0] ?? 'all').toLowerCase();
    if (kindArg !== 'all' && !(REPORT_KINDS as readonly string[]).includes(kindArg)) {
      io.stderr(`hashledger report: unknown report "${positionals[0]}" (expected treasury, costs or all)\n`);
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
    const app = openApp({ dbPath: str(values.db) });
    try {
      const asked = list(values.company);
      const resolved = asked.map((a) => ({ asked: a, company: resolveCompany(app.companies, a) }));
      const missing = resolved.filter((r) => !r.company);
      if (missing.length) {
        for (const { asked: a } of missing) {
          const near = suggest(app.companies, a);
          io.stderr(`hashledger report: unknown company "${a}"${near ? ` — did you mean ${near.ticker} (${near.name})?` : ''}\n`);
        }
        io.stderr(`known companies: ${app.companies.map((c) => c.ticker).join(', ')} (see data/companies.json)\n`);
        return EXIT.usage;
      }
      const companies = [...new Set(resolved.map((r) => r.company!.ticker))];
      const { files, tickers } = await generateReports(app, {
        formats: formats.length ? (formats as ReportFormat[]) : [...REPORT_FORMATS],
        outDir,
        kinds,
        ...(companies.length ? { companies } : {}),
      });
      const empty = companies.filter((t) => !tickers.includes(t));
      if (empty.length) io.stderr(`hashledger report: no facts yet for ${empty.join(', ')} in the database: run \`hashledger sync --company ${empty.join(',')}\` or \`hashledger ingest\` first\n`);
      for (const f of files) io.stdout(`${f}\n`);
      io.stderr(`wrote ${files.length} file${files.length === 1 ? '' : 's'} to ${outDir}\n`);
      return EXIT.ok;
    } finally {
      app.close();
    }
  },
};

/** A ticker, a name or an alias from the registry, any case: "cang", "Cango", "Cango Inc." */
function resolveCompany(companies: readonly Company[], asked: string): Company | undefined {
  const a = asked.trim().toLowerCase();
  return (
    companies.find((c) => c.ticker.toLowerCase() === a) ??
    companies.find((c) => c.name.toLowerCase() === a || c.aliases.some((x) => x.toLowerCase() === a))
  );
}

/** The registry entry one or two edits away from a mistyped ticker or name, if any. */
function suggest(companies: readonly Company[], asked: string): Company | undefined {
  const a = asked.toLowerCase();
  let best: { c: Company; d: number } | undefined;
  for (const c of companies) {
    for (const name of [c.ticker, c.name, ...c.aliases]) {
      const n = name.toLowerCase();
      const d = n.startsWith(a) && a.length >= 3 ? 0 : editDistance(a, n);
      if (d <= 2 && (!best || d < best.d)) best = { c, d };
    }
  }
  return best?.c;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length]!;
}
