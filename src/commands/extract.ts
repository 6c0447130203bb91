import { readFileSync } from 'node:fs';
import { describeError } from '../errors.ts';
import { parseAndExtract } from '../parse/index.ts';
import { extractContextFor, inferLocalMeta } from '../pipeline/meta.ts';
import { findCompany, loadRegistry } from '../registry/companies.ts';
import { toTextTable } from '../format/cells.ts';
import { EXIT, str, type Command } from './_command.ts';

export const extractCommand: Command = {
  name: 'extract',
  summary: 'Print the facts of one document, without touching the database',
  help: `Usage: hashledger extract <file> [--company T] [--url U] [--form F] [--date YYYY-MM-DD] [--json]

Parses one document and prints the facts the extractor reads from it: metric, value, unit,
period (periodStart/periodEnd for flows, asOf for stocks), basis, snippet and locator.
JSON (an array) with --json or when stdout is not a terminal; a table otherwise.

Examples:
  hashledger extract ../shared/corpus/sec/CLSK/10-Q-2024-03-31.html --json
  hashledger extract update.pdf --company IREN --date 2025-12-05`,
  options: {
    company: { type: 'string' },
    url: { type: 'string' },
    form: { type: 'string' },
    date: { type: 'string' },
    json: { type: 'boolean' },
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      io.stderr('hashledger extract: name exactly one file (see hashledger extract --help)\n');
      return EXIT.usage;
    }
    const companies = loadRegistry();
    const flag = str(values.company);
    const company = flag ? findCompany(companies, flag) : undefined;
    if (flag && !company) {
      io.stderr(`hashledger extract: unknown company "${flag}"\n`);
      return EXIT.usage;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (err) {
      io.stderr(`NotFoundError: ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : describeError(err)}\n`);
      return EXIT.partial;
    }
    const meta = inferLocalMeta(file, companies, {
      ...(company ? { companyTicker: company.ticker } : {}),
      ...(str(values.url) ? { sourceUrl: str(values.url)! } : {}),
      ...(str(values.form) ? { form: str(values.form)! } : {}),
      ...(str(values.date) ? { filedDate: str(values.date)! } : {}),
    });
    let facts;
    try {
      // same bounded worker as ingest: a hostile file cannot hang or exhaust this process
      ({ facts } = await parseAndExtract(bytes, extractContextFor(meta, companies)));
    } catch (err) {
      io.stderr(`${describeError(err).replace(/^(\w+): /, `$1: ${file}: `)}\n`);
      return EXIT.partial;
    }
    if (values.json || !process.stdout.isTTY) {
      io.stdout(`${JSON.stringify(facts, null, 2)}\n`);
    } else {
      io.stdout(
        toTextTable(
          ['metric', 'value', 'unit', 'period', 'basis', 'conf', 'snippet'],
          facts.map((f) => [f.metric, f.value, f.unit, f.asOf ? `@${f.asOf}` : `${f.periodStart}..${f.periodEnd}`, f.basis ?? '', f.confidence, f.snippet]),
        ),
      );
    }
    return EXIT.ok;
  },
};
