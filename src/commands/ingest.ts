import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { openApp } from '../app.ts';
import { rowCounts } from '../db/queries.ts';
import { describeError } from '../errors.ts';
import { MAX_DOCUMENT_BYTES } from '../parse/index.ts';
import { prepareDocument, recordPrepared, type IngestResult, type PreparedDocument } from '../pipeline/ingest.ts';
import { listDocumentPaths } from '../pipeline/local.ts';
import { inferLocalMeta } from '../pipeline/meta.ts';
import { findCompany } from '../registry/companies.ts';
import { progressBar } from './_progress.ts';
import { DB_OPTIONS, EXIT, str, type Command } from './_command.ts';

/** Documents read ahead of the one being recorded: enough to keep every parse thread busy. */
const IN_FLIGHT = Math.max(2, availableParallelism() + 1);

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Load local documents (HTML, PDF, XLSX, TXT) into the database',
  help: `Usage: hashledger ingest <file|dir>... [--company T] [--form F] [--url U] [--date YYYY-MM-DD] [--json] [--db path]

Parses and extracts every document given (folders are walked recursively for .htm .html .pdf
.xlsx .xls .txt .md) and records the document and its facts. Re-ingesting the same bytes adds no
rows. A file that cannot be read is reported on one line, recorded with its error, and the rest
goes on; the exit status is 1 when any file failed.

The company comes from --company, else a folder or file name that is a registry ticker
(CLSK/10-Q-2024-03-31.html), else a provenance.json beside the file.

Examples:
  hashledger ingest ~/Downloads/cango-feb-2026.html --company CANG --url https://... --date 2026-02-10
  hashledger ingest ../shared/corpus/sec
  hashledger ingest filings/ --json`,
  options: {
    ...DB_OPTIONS,
    company: { type: 'string' },
    form: { type: 'string' },
    url: { type: 'string' },
    date: { type: 'string' },
    json: { type: 'boolean' },
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    if (!positionals.length) {
      io.stderr('hashledger ingest: name at least one file or folder (see hashledger ingest --help)\n');
      return EXIT.usage;
    }
    const app = openApp({ dbPath: str(values.db) });
    try {
      const companyFlag = str(values.company);
      if (companyFlag && !findCompany(app.companies, companyFlag)) {
        io.stderr(`hashledger ingest: unknown company "${companyFlag}" (known: ${app.companies.map((c) => c.ticker).join(', ')})\n`);
        return EXIT.usage;
      }
      const { files, missing } = listDocumentPaths(positionals);
      for (const m of missing) io.stderr(`NotFoundError: ${m}: no such file or folder\n`);
      const bar = progressBar(io, files.length, 'ingest');
      const results: (IngestResult & { file: string })[] = [];
      const report = (shown: string, outcome: IngestResult | { failed: unknown }) => {
        if ('failed' in outcome) {
          bar.clear();
          io.stderr(`${describeError(outcome.failed).replace(/^(\w+): /, `$1: ${shown}: `)}\n`);
          results.push({ file: shown, sha256: '', documentId: 0, status: 'error', error: describeError(outcome.failed), factCount: 0, isNew: false, warnings: [] });
          bar.tick();
          return;
        }
        if (outcome.status === 'error') {
          bar.clear();
          io.stderr(`${outcome.error}\n`);
        }
        results.push({ ...outcome, file: shown });
        bar.tick(shown);
      };
      // Documents are stored and parsed in worker threads while this thread records the ones before
      // them, so a few are kept in flight; each is recorded (numbered in the database) and reported
      // in file order, as a run one at a time would.
      const inFlight: { shown: string; prepared: Promise<PreparedDocument | { failed: unknown }> }[] = [];
      const finish = async (job: (typeof inFlight)[number]) => {
        const prepared = await job.prepared;
        // a database failure propagates and ends the run, as it always has
        report(job.shown, 'failed' in prepared ? prepared : recordPrepared(app, prepared));
      };
      for (const file of files) {
        const shown = relative(process.cwd(), file) || file;
        let prepared: Promise<PreparedDocument | { failed: unknown }>;
        try {
          const size = statSync(file).size;
          if (size > MAX_DOCUMENT_BYTES) throw new Error(`the file is ${size} bytes, over the ${MAX_DOCUMENT_BYTES}-byte cap`);
          const bytes = readFileSync(file);
          const meta = inferLocalMeta(file, app.companies, {
            ...(companyFlag ? { companyTicker: findCompany(app.companies, companyFlag)!.ticker } : {}),
            ...(str(values.form) ? { form: str(values.form)! } : {}),
            ...(str(values.url) ? { sourceUrl: str(values.url)! } : {}),
            ...(str(values.date) ? { filedDate: str(values.date)! } : {}),
          });
          prepared = prepareDocument(app, { bytes, meta }).catch((failed: unknown) => ({ failed }));
        } catch (failed) {
          prepared = Promise.resolve({ failed });
        }
        inFlight.push({ shown, prepared });
        if (inFlight.length >= IN_FLIGHT) await finish(inFlight.shift()!);
      }
      for (const job of inFlight) await finish(job);
      bar.done();
      const failed = results.filter((r) => r.status === 'error').length + missing.length;
      const counts = rowCounts(app.db);
      const summary = {
        files: files.length,
        parsed: results.filter((r) => r.status === 'parsed').length,
        failed,
        newDocuments: results.filter((r) => r.isNew).length,
        facts: results.reduce((n, r) => n + r.factCount, 0),
        database: { path: app.dbPath, ...counts },
      };
      if (values.json) io.stdout(`${JSON.stringify({ ...summary, results }, null, 2)}\n`);
      else {
        io.stdout(
          `ingested ${summary.parsed} of ${summary.files} documents (${summary.newDocuments} new), ${summary.facts} facts; ` +
            `${failed} failed. Database ${app.dbPath}: ${counts.documents} documents, ${counts.facts} facts.\n`,
        );
      }
      return failed ? EXIT.partial : EXIT.ok;
    } finally {
      app.close();
    }
  },
};
