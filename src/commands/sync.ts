import { openApp } from '../app.ts';
import { describeError, HashledgerError, ValidationError } from '../errors.ts';
import { USER_AGENT_HELP } from '../sources/http.ts';
import { syncCompanies, type SyncEvent, type SyncSummary } from '../sources/sync.ts';
import { DB_OPTIONS, EXIT, list, str, type Command, type CommandIo } from './_command.ts';

const HELP = `Usage: hashledger sync [--company T ...] [--since YYYY-MM-DD] [--forms 8-K,10-Q,...] [--offline] [--json] [--db path]

Fetches the covered miners' SEC filings (press-release exhibits of 8-K/6-K, 10-Q/10-K/20-F/40-F),
their XBRL company facts and their IR press releases, and loads every figure into the database.
Incremental: a second run fetches only what is new; an interrupted run continues where it stopped.

Options:
  --company T     ticker (repeatable or comma-separated); default: every company in the registry
  --since DATE    only filings and releases dated on or after DATE
  --forms LIST    only these forms (amendments included), e.g. 8-K,6-K
  --phrase TEXT   keep only 8-K/6-K whose text contains TEXT (EDGAR full-text search)
  --no-ir         skip IR press releases      --no-xbrl   skip XBRL company facts
  --revalidate    re-check every listing now instead of honouring cache lifetimes
  --offline       use only what is already cached; no network
  --json          print the summary as JSON (counts, facts added, errors with URLs)
  --db PATH       database file (default HASHLEDGER_DB or data/hashledger.db)

${USER_AGENT_HELP}

Environment:
  HASHLEDGER_USER_AGENT    required for SEC requests: the tool and a contact e-mail
  HASHLEDGER_RATE          requests per second (default 5, at most 10 against SEC)
  HASHLEDGER_SEC_BASE_URL  send SEC requests to a mirror: https://data.sec.gov/x becomes {base}/data.sec.gov/x

Exit codes: 0 all done, 1 some filings failed (the rest loaded), 2 usage error, 130 interrupted.`;

export const syncCommand: Command = {
  name: 'sync',
  summary: 'Fetch new SEC filings, XBRL facts and IR releases into the database (incremental)',
  help: HELP,
  options: {
    ...DB_OPTIONS,
    company: { type: 'string', multiple: true },
    since: { type: 'string' },
    forms: { type: 'string' },
    phrase: { type: 'string' },
    'no-ir': { type: 'boolean' },
    'no-xbrl': { type: 'boolean' },
    revalidate: { type: 'boolean' },
    offline: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const v = args.values;
    const since = str(v.since);
    if (since && !/^\d{4}-\d{2}-\d{2}$/.test(since)) {
      io.stderr(`ValidationError: --since expects YYYY-MM-DD, got "${since}"\n`);
      return EXIT.usage;
    }
    const forms = list(v.forms).map((f) => f.toUpperCase());
    const controller = new AbortController();
    const onSigint = () => controller.abort(new Error('interrupted'));
    process.once('SIGINT', onSigint);
    let app;
    try {
      app = openApp({ ...(str(v.db) ? { dbPath: str(v.db)! } : {}) });
    } catch (err) {
      process.off('SIGINT', onSigint);
      io.stderr(`${describeError(err)}\n`);
      return EXIT.usage;
    }
    const bar = io.isTTY && !v.json ? progressBar(io) : undefined;
    try {
      const companies = list(v.company);
      const phrase = str(v.phrase);
      const summary = await syncCompanies(
        app,
        {
          ...(companies.length ? { companies } : {}),
          ...(since ? { since } : {}),
          ...(forms.length ? { forms } : {}),
          ...(phrase ? { phrase } : {}),
          ...(v.offline ? { offline: true } : {}),
          ...(v.revalidate ? { revalidate: true } : {}),
          ...(v['no-ir'] ? { ir: false } : {}),
          ...(v['no-xbrl'] ? { xbrl: false } : {}),
          env: io.env,
          signal: controller.signal,
        },
        bar?.update,
      );
      bar?.done();
      io.stdout(v.json ? `${JSON.stringify(summary, null, 2)}\n` : renderSummary(summary));
      if (summary.interrupted) return 130;
      return summary.filingsFailed + summary.releasesFailed > 0 ? EXIT.partial : EXIT.ok;
    } catch (err) {
      bar?.done();
      io.stderr(`${err instanceof HashledgerError ? err.toLine() : describeError(err)}\n`);
      return err instanceof ValidationError ? EXIT.usage : EXIT.partial;
    } finally {
      process.off('SIGINT', onSigint);
      app.close();
    }
  },
};

export function renderSummary(s: SyncSummary): string {
  const lines = [
    `${s.interrupted ? 'sync interrupted (run it again to continue)' : 'sync done'}: ${s.companies.join(', ') || 'no companies'}`,
    `  filings   ${s.filingsSeen} seen, ${s.filingsFetched} fetched, ${s.filingsSkipped} already done, ${s.filingsFailed} failed`,
    `  releases  ${s.releasesSeen} seen, ${s.releasesFetched} fetched, ${s.releasesSkipped} already done, ${s.releasesFailed} failed`,
    `  documents ${s.documentsIngested} ingested, ${s.factsAdded} facts added (${s.xbrlFacts} from XBRL)`,
    `  http      ${s.http.requests} requests, ${s.http.cacheHits} from cache, ${s.http.notModified} not modified, ${s.http.retries} retries`,
  ];
  if (s.errors.length) {
    lines.push(`  errors (${s.errors.length}):`);
    for (const e of s.errors.slice(0, 20)) lines.push(`    ${e.ticker ? `[${e.ticker}] ` : ''}${e.message}${e.url && !e.message.includes(e.url) ? ` <${e.url}>` : ''}`);
    if (s.errors.length > 20) lines.push(`    … ${s.errors.length - 20} more (use --json)`);
  }
  return `${lines.join('\n')}\n`;
}

/** One line redrawn on stderr: company, items done of planned, the current item. */
function progressBar(io: CommandIo): { update: (e: SyncEvent) => void; done: () => void } {
  let ticker = '';
  let total = 0;
  let done = 0;
  let failed = 0;
  const width = 24;
  const draw = (label: string) => {
    const frac = total ? Math.min(1, done / total) : 0;
    const filled = Math.round(frac * width);
    const line = `${ticker.padEnd(5)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}${failed ? ` (${failed} failed)` : ''} ${label}`;
    io.stderr(`\r\x1b[2K${line.slice(0, 110)}`);
  };
  return {
    update(e) {
      if (e.kind === 'company') {
        ticker = e.ticker;
        total = 0;
        done = 0;
        failed = 0;
        draw('listing…');
      } else if (e.kind === 'plan') {
        total += e.total;
        draw('');
      } else if (e.kind === 'item') {
        done++;
        if (e.status === 'failed') failed++;
        draw(e.label);
      }
    },
    done() {
      io.stderr('\r\x1b[2K');
    },
  };
}
