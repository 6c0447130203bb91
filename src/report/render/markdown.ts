/** Markdown renderer: pure, model → string. Scraped text is escaped so it cannot break tables or inject HTML. */
import type { SourceRef } from '../cells.ts';
import type { SensitivityGrid } from '../costs.ts';
import { displayOf, isSources, sourceLabel } from '../display.ts';
import { fmtNumber } from '../format.ts';
import type { CompanyPage, ReportModel } from '../model.ts';
import {
  adjustmentsTable,
  costBasisTable,
  fleetTable,
  leagueTable,
  monthsTable,
  productionTable,
  rankingTable,
  treasuryTable,
  type Table,
} from '../tables.ts';
import type { ChangeLine } from '../treasury.ts';

const MD_SPECIAL = /[\r\n\\|<>[\]*_`]/;

export function escapeMd(s: string): string {
  if (!MD_SPECIAL.test(s)) return s;
  return s
    .replace(/\r?\n|\r/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([[\]*_`])/g, '\\$1');
}

function link(s: SourceRef): string {
  const label = escapeMd(sourceLabel(s));
  // angle brackets keep spaces and parentheses in a URL from ending the link early
  return s.url ? `[${label}](<${s.url.replace(/[<>\s]/g, encodeURIComponent)}>)` : label;
}

export function mdTable(t: Table, opts: { drop?: string[] } = {}): string {
  const keep = t.columns.map((c, i) => ({ c, i })).filter(({ c }) => !opts.drop?.includes(c.header));
  if (!t.rows.length) return '_No data._\n';
  const head = `| ${keep.map(({ c }) => escapeMd(c.header)).join(' | ')} |`;
  const align = `| ${keep.map(({ c }) => (c.kind === 'text' || c.kind === 'date' || c.kind === 'sources' || c.kind === 'url' ? '---' : '---:')).join(' | ')} |`;
  const body = t.rows.map(
    (r) =>
      `| ${keep
        .map(({ c, i }) => {
          const v = r[i] ?? null;
          if (isSources(v)) return v.map(link).join(', ');
          return escapeMd(displayOf(v, c.kind));
        })
        .join(' | ')} |`,
  );
  return `${[head, align, ...body].join('\n')}\n${t.note ? `\n_${escapeMd(t.note)}_\n` : ''}`;
}

function changesList(lines: readonly ChangeLine[]): string {
  if (!lines.length) return '_Nothing reported._\n';
  return `${lines.map((l) => `- **${l.date}** ${escapeMd(l.text)} ${l.sources.length ? `(${l.sources.map(link).join(', ')})` : ''}`.trimEnd()).join('\n')}\n`;
}

function legend(m: ReportModel): string {
  return `${escapeMd(m.legend.conflicted)}  \n${escapeMd(m.legend.derived)}\n`;
}

function header(m: ReportModel, title: string): string {
  const now = m.network.now;
  return [
    `# ${title}`,
    '',
    `${m.counts.facts} facts from ${m.counts.documents} documents, ${m.counts.canonical} canonical values (${m.counts.conflicted} conflicted, ${m.counts.derived} derived), ${m.companies.length} companies.`,
    now
      ? `Network as of ${now.date}: BTC $${fmtNumber(now.btcPriceUsd, 0)}, difficulty ${(now.difficulty / 1e12).toFixed(2)} T (retarget at height ${fmtNumber(now.adjustmentHeight, 0)}), implied hashrate ${fmtNumber(now.networkHashrateEhs, 1)} EH/s, hashprice $${now.hashpriceUsdPerPhDay.toFixed(2)} per PH/s per day.`
      : 'No network data.',
    '',
    legend(m),
  ].join('\n');
}

export function gridMd(g: SensitivityGrid): string {
  const head = `| ${escapeMd(g.rowHeader)} \\ ${escapeMd(g.colHeader)} | ${g.difficulties.map((d, j) => `${(d / 1e12).toFixed(1)} T (×${g.difficultySteps[j]})`).join(' | ')} |`;
  const align = `| ---: | ${g.difficulties.map(() => '---:').join(' | ')} |`;
  const rows = g.prices.map(
    (p, i) =>
      `| $${fmtNumber(p, 0)} (×${g.priceSteps[i]}) | ${(g.values[i] ?? [])
        .map((v) => (g.unit === 'fraction' ? `${(v * 100).toFixed(1)}%` : `$${v.toFixed(2)}`))
        .join(' | ')} |`,
  );
  return `**${escapeMd(g.title)}**\n\n${[head, align, ...rows].join('\n')}\n\n_${escapeMd(g.note)}_\n`;
}

const companyHeading = (p: CompanyPage, level: string) => `${level} ${escapeMd(p.ticker)} — ${escapeMd(p.name)}`;

function companyTreasury(p: CompanyPage, heading = companyHeading(p, '###')): string {
  const l = p.latest;
  return [
    heading,
    '',
    l.heldBtc.value !== null ? `Latest holdings: ${displayOf(l.heldBtc, 'btc')} BTC at ${l.heldAsOf}.` : 'No holdings reported.',
    '',
    changesList(p.changes.filter((c) => c.kind !== 'cost')),
    mdTable(treasuryTable(p.treasury), { drop: ['Company', 'Start', 'End'] }),
  ].join('\n');
}

function companyCosts(p: CompanyPage, heading = companyHeading(p, '###')): string {
  return [
    heading,
    '',
    p.latest.efficiencyJth.value !== null ? `Fleet efficiency ${displayOf(p.latest.efficiencyJth, 'jth')} J/TH at ${p.latest.efficiencyAsOf}.` : '',
    p.latest.hashrateEhs.value !== null ? `Hashrate ${displayOf(p.latest.hashrateEhs, 'ehs')} EH/s at ${p.latest.hashrateAsOf}.` : '',
    '',
    p.costs.length ? mdTable({ ...costBasisTableOf(p), title: '' }, { drop: ['Company', 'Start', 'End'] }) : '_No cost per BTC reported._\n',
    p.grid ? gridMd(p.grid) : '',
  ].join('\n');
}

function costBasisTableOf(p: CompanyPage): Table {
  // one company, several bases: show the basis beside each row instead of one table per basis
  const t = costBasisTable({ basis: '', label: '', rows: p.costs, ranking: [] });
  return {
    ...t,
    columns: [...t.columns.slice(0, 4), { header: 'Basis', kind: 'text' }, ...t.columns.slice(4)],
    rows: t.rows.map((r, i) => [...r.slice(0, 4), p.costs[i]!.basis, ...r.slice(4)]),
  };
}

export function renderTreasuryMd(m: ReportModel): string {
  return [
    header(m, 'Bitcoin miners — treasury sales'),
    '## What changed',
    '',
    changesList(m.treasury.changes),
    '## League table of sellers',
    '',
    mdTable(leagueTable(m.treasury.league)),
    '## Production against the network',
    '',
    mdTable(productionTable(m.production), { drop: ['Start', 'End'] }),
    '## By company',
    '',
    ...m.pages.map((p) => companyTreasury(p)),
  ].join('\n');
}

export function renderCostsMd(m: ReportModel): string {
  const now = m.network.now;
  return [
    header(m, 'Bitcoin miners — cost positioning'),
    '## Hashprice and its sensitivity',
    '',
    now
      ? `Hashprice on ${now.date}: $${now.hashpriceUsdPerPhDay.toFixed(2)} per PH/s per day = 144 × (${now.subsidyBtc} + ${now.feesBtcPerBlock.toFixed(4)} BTC) × $${fmtNumber(now.btcPriceUsd, 0)} ÷ ${fmtNumber(now.networkHashrateEhs * 1000, 0)} PH/s.\n`
      : '',
    m.costs.hashpriceGrid ? gridMd(m.costs.hashpriceGrid) : '',
    '## Fleet, hashprice and hashcost',
    '',
    mdTable(fleetTable(m.costs.fleet)),
    '## Cost per BTC by basis',
    '',
    'Each basis is its own table: a direct-energy cost and an all-in cost measure different things and are never ranked together.',
    '',
    ...m.costs.groups.flatMap((g) => [`### ${escapeMd(g.label)}`, '', mdTable(costBasisTable(g), { drop: ['Start', 'End'] }), mdTable(rankingTable(g))]),
    '## What changed',
    '',
    changesList(m.costs.changes),
    '## By company',
    '',
    ...m.pages.filter((p) => p.costs.length || p.fleet).map((p) => companyCosts(p)),
    '## Network',
    '',
    mdTable(adjustmentsTable(m)),
    mdTable(monthsTable(m)),
    '### Sources of network data',
    '',
    ...m.network.origins.map((o) => `- ${escapeMd(o.file)}: ${escapeMd(o.repo)} ${escapeMd(o.path)} @ ${o.commit.slice(0, 12)}`),
    '',
  ].join('\n');
}

/**
 * One company on its own page (`companies/CANG.md`): what an analyst forwards about one miner —
 * its sales and holdings, production against the network and its costs, each line sourced.
 */
export function renderCompanyMd(m: ReportModel, p: CompanyPage): string {
  return [
    header(m, `${p.ticker} — ${p.name}`),
    `${p.factCount} facts about ${escapeMd(p.name)} in the database.`,
    '',
    companyTreasury(p, '## Treasury'),
    '## Production against the network',
    '',
    mdTable(productionTable(p.production), { drop: ['Company', 'Start', 'End'] }),
    companyCosts(p, '## Costs and fleet'),
  ].join('\n');
}
