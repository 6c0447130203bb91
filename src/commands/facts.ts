import { openApp } from '../app.ts';
import { listFacts } from '../db/queries.ts';
import { toCsv, toTextTable } from '../format/cells.ts';
import { METRICS } from '../model/metrics.ts';
import { findCompany } from '../registry/companies.ts';
import { DB_OPTIONS, EXIT, list, str, type Command } from './_command.ts';

const COLUMNS = ['company', 'metric', 'value', 'unit', 'periodStart', 'periodEnd', 'asOf', 'basis', 'confidence', 'derived', 'form', 'filedDate', 'sourceUrl', 'snippet'] as const;

export const factsCommand: Command = {
  name: 'facts',
  summary: 'List the facts in the database, with their sources',
  help: `Usage: hashledger facts [--company T] [--metric M] [--since YYYY-MM-DD] [--min-confidence 0.5] [--format table|csv|json] [--db path]

Every observation stored, each with the document it came from. --company and --metric take
several values (repeat the flag or separate with commas). Default format: a table on a
terminal, JSON otherwise.

Metrics: ${Object.keys(METRICS).join(', ')}

Examples:
  hashledger facts --company CANG --metric btc_sold,btc_sold_proceeds
  hashledger facts --company CLSK --format csv > clsk.csv`,
  options: {
    ...DB_OPTIONS,
    company: { type: 'string', multiple: true },
    metric: { type: 'string', multiple: true },
    since: { type: 'string' },
    'min-confidence': { type: 'string' },
    format: { type: 'string' },
  },
  async run({ values }, io) {
    const format = str(values.format) ?? (process.stdout.isTTY ? 'table' : 'json');
    if (!['table', 'csv', 'json'].includes(format)) {
      io.stderr(`hashledger facts: --format must be table, csv or json (got "${format}")\n`);
      return EXIT.usage;
    }
    const metrics = list(values.metric);
    const unknown = metrics.filter((m) => !(m in METRICS));
    if (unknown.length) {
      io.stderr(`hashledger facts: unknown metric ${unknown.join(', ')} (known: ${Object.keys(METRICS).join(', ')})\n`);
      return EXIT.usage;
    }
    const minConf = str(values['min-confidence']);
    if (minConf !== undefined && !(Number(minConf) >= 0 && Number(minConf) <= 1)) {
      io.stderr('hashledger facts: --min-confidence is a number from 0 to 1\n');
      return EXIT.usage;
    }
    const app = openApp({ dbPath: str(values.db) });
    try {
      // a ticker or a name, any case; a typo is a usage error, not an empty list
      const asked = list(values.company);
      const found = asked.map((a) => findCompany(app.companies, a));
      const unknownCo = asked.filter((_, i) => !found[i]);
      if (unknownCo.length) {
        io.stderr(`hashledger facts: unknown company ${unknownCo.join(', ')} (known: ${app.companies.map((c) => c.ticker).join(', ')})\n`);
        return EXIT.usage;
      }
      const rows = listFacts(app.db, {
        companies: found.map((c) => c!.ticker),
        metrics,
        ...(minConf !== undefined ? { minConfidence: Number(minConf) } : {}),
        ...(str(values.since) ? { since: str(values.since)! } : {}),
      });
      const flat = rows.map((r) => ({
        company: r.companyTicker,
        metric: r.metric,
        value: r.value,
        unit: r.unit,
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        asOf: r.asOf,
        basis: r.basis || null,
        confidence: r.confidence,
        derived: r.derived,
        form: r.form,
        filedDate: r.filedDate,
        sourceUrl: r.sourceUrl ?? r.localPath,
        snippet: r.snippet,
        locator: JSON.parse(r.locator) as unknown,
      }));
      if (format === 'json') io.stdout(`${JSON.stringify(flat, null, 2)}\n`);
      else if (format === 'csv') io.stdout(toCsv(COLUMNS, flat.map((f) => COLUMNS.map((c) => f[c]))));
      else {
        io.stdout(
          toTextTable(
            ['company', 'metric', 'value', 'unit', 'period', 'basis', 'form', 'filed', 'snippet'],
            flat.map((f) => [f.company, f.metric, f.value, f.unit, f.asOf ? `@${f.asOf}` : `${f.periodStart}..${f.periodEnd}`, f.basis ?? '', f.form ?? '', f.filedDate ?? '', f.snippet]),
            50,
          ),
        );
        io.stdout(`${flat.length} facts\n`);
      }
      return EXIT.ok;
    } finally {
      app.close();
    }
  },
};
