import { openApp } from '../app.ts';
import { listFacts } from '../db/queries.ts';
import { formatNumber, toTextTable } from '../format/cells.ts';
import { reconcile } from '../reconcile/index.ts';
import type { Conflict, Finding, ReconcileResult } from '../reconcile/types.ts';
import { DB_OPTIONS, EXIT, list, str, type Command } from './_command.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const checkCommand: Command = {
  name: 'check',
  summary: 'Reconcile sources and check consistency (conflicts, roll-forward, bounds, units, gaps, staleness)',
  help: `Usage: hashledger check [--company T] [--as-of YYYY-MM-DD] [--json] [--db path]

Chooses one value per company, metric and period (amendment over original; annual report over
quarterly over monthly release over third-party copy; issuer over aggregator; later over
earlier; then confidence), lists sources that disagree beyond tolerance, and checks:
holdings roll-forward, sales above what was held and produced, plausible ranges, ×1000 unit
mistakes, gaps in monthly series, and companies that stopped publishing (judged at --as-of,
default the latest date in the data).

Exit code 0 when nothing is an error, 1 when something is.

Examples:
  hashledger check
  hashledger check --company CLSK,MARA
  hashledger check --json > check.json`,
  options: {
    ...DB_OPTIONS,
    company: { type: 'string', multiple: true },
    'as-of': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    const asOf = str(values['as-of']);
    if (asOf !== undefined && !ISO_DATE.test(asOf)) {
      io.stderr(`hashledger check: --as-of takes a date as YYYY-MM-DD (got "${asOf}")\n`);
      return EXIT.usage;
    }
    const tickers = list(values.company).map((c) => c.toUpperCase());
    const app = openApp({ dbPath: str(values.db) });
    try {
      const unknown = tickers.filter((t) => !app.companies.some((c) => c.ticker === t));
      if (unknown.length) {
        io.stderr(`hashledger check: unknown company ${unknown.join(', ')} (known: ${app.companies.map((c) => c.ticker).join(', ')})\n`);
        return EXIT.usage;
      }
      const facts = listFacts(app.db, tickers.length ? { companies: tickers } : {});
      const companies = tickers.length ? app.companies.filter((c) => tickers.includes(c.ticker)) : app.companies;
      const result = reconcile(facts, { companies, ...(asOf ? { asOf } : {}) });
      const summary = summarize(result, facts.length);
      if (values.json) {
        io.stdout(`${JSON.stringify({ summary, findings: result.findings, conflicts: result.conflicts, setAside: result.setAside.map(setAsideRow) }, null, 2)}\n`);
      } else {
        const names = new Map(app.companies.map((c) => [c.ticker, c.name]));
        io.stdout(renderText(result, summary, names));
      }
      return summary.errors > 0 ? EXIT.partial : EXIT.ok;
    } finally {
      app.close();
    }
  },
};

interface Summary {
  facts: number;
  canonical: number;
  derived: number;
  setAside: number;
  conflicts: number;
  errors: number;
  warnings: number;
  info: number;
}

function summarize(r: ReconcileResult, facts: number): Summary {
  const count = (s: Finding['severity']) => r.findings.filter((f) => f.severity === s).length;
  return {
    facts,
    canonical: r.canonical.length,
    derived: r.canonical.filter((c) => c.derived).length,
    setAside: r.setAside.length,
    conflicts: r.conflicts.length,
    errors: count('error'),
    warnings: count('warning'),
    info: count('info'),
  };
}

function setAsideRow(cv: ReconcileResult['setAside'][number]) {
  return {
    companyTicker: cv.companyTicker,
    metric: cv.metric,
    periodKey: cv.periodKey,
    basis: cv.basis,
    reason: cv.reason,
    factIds: cv.observations.map((o) => o.id),
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function renderText(r: ReconcileResult, s: Summary, names: Map<string, string>): string {
  const out: string[] = [];
  const byCompany = new Map<string, Finding[]>();
  for (const f of r.findings) {
    const list = byCompany.get(f.companyTicker);
    if (list) list.push(f);
    else byCompany.set(f.companyTicker, [f]);
  }
  for (const [ticker, findings] of byCompany) {
    out.push(`${ticker}${names.has(ticker) ? ` — ${names.get(ticker)}` : ''}`);
    const table = toTextTable(
      ['severity', 'check', 'metric', 'period', 'finding'],
      findings.map((f) => [f.severity, f.kind, f.metric ?? '', f.periodKey ?? '', f.message]),
      400,
    );
    out.push(table.replace(/^/gm, '  ').trimEnd(), '');
  }
  if (r.conflicts.length) {
    out.push('Conflicts (the chosen value is marked *):');
    for (const c of r.conflicts) out.push(renderConflict(c));
    out.push('');
  }
  if (r.setAside.length) {
    out.push('Set aside (no trustworthy observation):');
    for (const cv of r.setAside) out.push(`  ${cv.companyTicker} ${cv.metric} ${cv.periodKey}${cv.basis ? ` [${cv.basis}]` : ''}: ${cv.reason}`);
    out.push('');
  }
  if (!r.findings.length) out.push('No findings.');
  out.push(
    `${plural(s.facts, 'fact')} → ${plural(s.canonical, 'canonical value')} (${s.derived} derived), ${s.setAside} set aside; ` +
      `${plural(s.conflicts, 'conflict')}; ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.info} info`,
  );
  return `${out.join('\n')}\n`;
}

function renderConflict(c: Conflict): string {
  const head = `  ${c.companyTicker} ${c.metric} ${c.periodKey}${c.basis ? ` [${c.basis}]` : ''}: spread ${(c.spread * 100).toFixed(1)}%` +
    (c.allowed !== undefined ? `, tolerance ±${formatNumber(Math.round(c.allowed * 1000) / 1000)}` : '');
  let chosenMarked = false;
  const rows = c.values.map((v) => {
    const mark = !chosenMarked && v.value === c.chosen ? '*' : ' ';
    if (mark === '*') chosenMarked = true;
    const where = [v.form ?? 'document', v.filedDate ? `filed ${v.filedDate}` : '', v.sourceUrl ?? v.localPath ?? ''].filter(Boolean).join('  ');
    return `    ${mark} ${formatNumber(v.value).padStart(14)}  fact #${v.factId}  ${where}`;
  });
  return [head, ...rows].join('\n');
}
