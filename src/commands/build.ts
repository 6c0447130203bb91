import { resolve } from 'node:path';
import { openApp } from '../app.ts';
import { PROJECT_ROOT } from '../db/client.ts';
import { rowCounts } from '../db/queries.ts';
import { loadSnapshot } from '../db/snapshot.ts';
import { generateReports, type ReportFormat } from '../report/index.ts';
import { DB_OPTIONS, EXIT, str, type Command } from './_command.ts';

export const buildCommand: Command = {
  name: 'build',
  summary: 'Load the embedded snapshot and write every report (what `npm start` runs; offline)',
  help: `Usage: hashledger build [--out reports/] [--db path]

The main job, offline: migrates the database, loads the embedded snapshot of facts read from
real public filings (data/snapshot/facts.json) next to anything you ingested or synced, and
writes the treasury and cost reports to reports/ as Markdown, HTML, XLSX, CSV and JSON.

Example:
  npm start            # same as: hashledger build
  hashledger build --out /tmp/miners`,
  options: { ...DB_OPTIONS, out: { type: 'string' } },
  async run({ values }, io) {
    const app = openApp({ dbPath: str(values.db) });
    try {
      const loaded = loadSnapshot(app.db);
      const counts = rowCounts(app.db);
      io.stderr(
        `database ${app.dbPath}: ${counts.companies} companies, ${counts.documents} documents, ${counts.facts} facts` +
          ` (snapshot: ${loaded.documents} documents loaded, ${loaded.skipped} already present)\n`,
      );
      const outDir = resolve(str(values.out) ?? resolve(PROJECT_ROOT, 'reports'));
      const formats: ReportFormat[] = ['md', 'html', 'xlsx', 'csv', 'json'];
      const { files } = await generateReports(app, { formats, outDir });
      io.stdout(`${files.map((f) => `wrote ${f}`).join('\n')}\n`);
      return EXIT.ok;
    } finally {
      app.close();
    }
  },
};
