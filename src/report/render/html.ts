/**
 * One self-contained HTML file: inline CSS and SVG, no scripts, no external resources.
 * Every piece of text from the database is escaped; links are emitted only for http(s) URLs.
 */
import type { SourceRef } from '../cells.ts';
import type { SensitivityGrid } from '../costs.ts';
import { displayOf, isCell, isSources, sourceLabel } from '../display.ts';
import { fmtNumber } from '../format.ts';
import type { CompanyPage, ReportModel } from '../model.ts';
import {
  adjustmentsTable,
  costBasisTable,
  factsTable,
  fleetTable,
  leagueTable,
  monthsTable,
  productionTable,
  rankingTable,
  summaryTable,
  treasuryTable,
  type Table,
} from '../tables.ts';
import type { ChangeLine } from '../treasury.ts';
import { escapeHtml as e, safeHref } from './escape.ts';
import { barChart, lineChart } from './svg.ts';

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header{background:#13233a;color:#fff;padding:16px 24px}header h1{margin:0 0 4px;font-size:22px}header p{margin:2px 0;color:#cfd8e3}
nav{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:6px 24px;z-index:3;display:flex;flex-wrap:wrap;gap:2px 14px}nav a{color:#13233a;text-decoration:none;font-weight:600}
main{padding:8px 24px 48px;max-width:1500px}section{margin-top:28px;scroll-margin-top:40px}h2{border-bottom:2px solid #13233a;padding-bottom:4px}h3{margin-top:22px}
.tw{overflow-x:auto;margin:8px 0}.tw.long{max-height:70vh;overflow:auto;border:1px solid #d0d0d0}
table{border-collapse:collapse;font-size:12.5px;background:#fff}th,td{border:1px solid #e0e0e0;padding:3px 7px;vertical-align:top}
th{background:#eef2f7;text-align:left;position:sticky;top:0;z-index:1}td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}td.c{background:#fff4e5}td.d{color:#2b4c7e}
td{white-space:nowrap}td.w,td.snip,td.src{white-space:normal}td.w{min-width:140px}.src a,.src span{white-space:nowrap}
.legend-box{font-size:12.5px;color:#444;background:#fff;border:1px solid #ddd;padding:6px 10px;display:inline-block}
ul.changes li{margin:4px 0}.src{font-size:12px}.note{font-size:12px;color:#555;font-style:italic}
figure{margin:10px 0}svg{background:#fff;border:1px solid #e0e0e0;max-width:100%;height:auto}
svg .grid{stroke:#eee}svg .tick{font-size:11px;fill:#555}svg .legend{font-size:11px;fill:#333}svg .ctitle{font-size:13px;font-weight:600;fill:#13233a}svg .ref{stroke:#d62728;stroke-dasharray:4 3;stroke-width:1.5}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{background:#fff;border:1px solid #ddd;padding:8px 12px;min-width:150px}.card b{display:block;font-size:18px}
details{margin:8px 0}summary{cursor:pointer;font-weight:600;color:#13233a}td.snip{min-width:280px;max-width:520px;font-size:12px;color:#333}
p.jump a{margin-right:10px;white-space:nowrap}section.company{scroll-margin-top:40px}
`;

function links(sources: readonly SourceRef[]): string {
  return sources
    .map((s) => {
      const href = safeHref(s.url);
      const label = e(sourceLabel(s));
      return href ? `<a href="${href}" rel="noopener noreferrer">${label}</a>` : `<span title="${e(s.url ?? '')}">${label}</span>`;
    })
    .join(', ');
}

// newest lines shown before the rest fold away
const SUMMARY_CHANGES = 15;
const COMPANY_CHANGES = 8;

/** Text columns at least this wide (in spreadsheet characters) hold prose that may wrap. */
const WRAP_WIDTH = 24;

/** Tables longer than this scroll inside their own box, so their header row stays in sight. */
const LONG_TABLE_ROWS = 25;

/** "www.sec.gov/Archives/…/0001213900-25-110383.htm": a URL short enough to sit in a table cell. */
function shortUrl(url: string): string {
  const bare = url.replace(/^https?:\/\//i, '');
  if (bare.length <= 48) return bare;
  return `${bare.slice(0, 24)}…${bare.slice(-22)}`;
}

export function htmlTable(t: Table, opts: { drop?: string[]; snippetCol?: string } = {}): string {
  if (!t.rows.length) return '<p class="note">No data.</p>';
  const keep = t.columns.map((c, i) => ({ c, i })).filter(({ c }) => !opts.drop?.includes(c.header));
  const head = `<tr>${keep.map(({ c }) => `<th>${e(c.header)}</th>`).join('')}</tr>`;
  // per column, once: the class its cells get; cells do not wrap unless their column holds prose
  const base = keep.map(({ c }) => (c.header === opts.snippetCol ? 'snip' : c.kind === 'text' && (c.width ?? 0) >= WRAP_WIDTH ? 'w' : ''));
  const out: string[] = [];
  for (const r of t.rows) {
    let tr = '<tr>';
    for (let k = 0; k < keep.length; k++) {
      const { c, i } = keep[k]!;
      const v = r[i] ?? null;
      if (isSources(v)) {
        tr += `<td class="src">${links(v)}</td>`;
        continue;
      }
      if (c.kind === 'url' && typeof v === 'string') {
        const href = safeHref(v);
        tr += `<td class="src">${href ? `<a href="${href}" rel="noopener noreferrer">${e(shortUrl(v))}</a>` : e(v)}</td>`;
        continue;
      }
      const cell = isCell(v) ? v : null;
      const raw = cell ? cell.value : v;
      const text = displayOf(v, c.kind);
      const title = cell?.note ? ` title="${e(cell.note)}"` : '';
      if (!text) {
        tr += `<td${title}></td>`;
        continue;
      }
      let cls = base[k]!;
      if (c.kind !== 'text' && c.kind !== 'date' && typeof raw === 'number') cls = cls ? `n ${cls}` : 'n';
      if (cell?.conflicted) cls = cls ? `${cls} c` : 'c';
      if (cell?.derived) cls = cls ? `${cls} d` : 'd';
      tr += `<td${cls ? ` class="${cls}"` : ''}${title}>${e(text)}</td>`;
    }
    out.push(`${tr}</tr>`);
  }
  const wrap = t.rows.length > LONG_TABLE_ROWS ? 'tw long' : 'tw';
  return `<div class="${wrap}"><table><thead>${head}</thead><tbody>\n${out.join('\n')}\n</tbody></table></div>${t.note ? `<p class="note">${e(t.note)}</p>` : ''}`;
}

/** Lines past `show` fold into a closed <details>, so a long list does not bury the tables below it. */
function changesHtml(lines: readonly ChangeLine[], show = Infinity): string {
  if (!lines.length) return '<p class="note">Nothing reported.</p>';
  const li = (l: ChangeLine) => `<li><b>${e(l.date)}</b> ${e(l.text)} <span class="src">${links(l.sources)}</span></li>`;
  const head = `<ul class="changes">${lines.slice(0, show).map(li).join('\n')}</ul>`;
  if (lines.length <= show) return head;
  return `${head}<details><summary>${lines.length - show} earlier lines</summary><ul class="changes">${lines.slice(show).map(li).join('\n')}</ul></details>`;
}

function gridHtml(g: SensitivityGrid): string {
  const head = `<tr><th>${e(g.rowHeader)} \\ ${e(g.colHeader)}</th>${g.difficulties.map((d, j) => `<th>${(d / 1e12).toFixed(1)} T (×${g.difficultySteps[j]})</th>`).join('')}</tr>`;
  const rows = g.prices
    .map(
      (p, i) =>
        `<tr><th>$${fmtNumber(p, 0)} (×${g.priceSteps[i]})</th>${(g.values[i] ?? [])
          .map((v) => `<td class="n"${v < 0 ? ' style="color:#b00020"' : ''}>${g.unit === 'fraction' ? `${(v * 100).toFixed(1)}%` : `$${v.toFixed(2)}`}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  return `<h4>${e(g.title)}</h4><div class="tw"><table>${head}${rows}</table></div><p class="note">${e(g.note)}</p>`;
}

function holdingsChart(m: ReportModel, pages: readonly CompanyPage[], title: string): string {
  const series = pages.map((p) => ({
    name: p.ticker,
    points: m.facts.filter((f) => f.canonical && f.companyTicker === p.ticker && f.metric === 'btc_held' && f.asOf && f.basis === '').map((f) => ({ x: f.asOf!, y: f.value })),
  }));
  return lineChart({ title, yLabel: 'BTC', series });
}

function companySection(m: ReportModel, p: CompanyPage): string {
  const l = p.latest;
  const card = (label: string, value: string, sub: string | null) => `<div class="card">${e(label)}<b>${e(value)}</b>${sub ? `<span class="note">${e(sub)}</span>` : ''}</div>`;
  return `<section id="co-${e(p.ticker)}" class="company"><h3>${e(p.ticker)} — ${e(p.name)}</h3>
<div class="cards">${card('Holdings', l.heldBtc.value !== null ? `${displayOf(l.heldBtc, 'btc')} BTC` : '—', l.heldAsOf)}${card('Hashrate', l.hashrateEhs.value !== null ? `${displayOf(l.hashrateEhs, 'ehs')} EH/s` : '—', l.hashrateAsOf)}${card('Efficiency', l.efficiencyJth.value !== null ? `${displayOf(l.efficiencyJth, 'jth')} J/TH` : '—', l.efficiencyAsOf)}${card('Facts', String(p.factCount), null)}</div>
${changesHtml(p.changes, COMPANY_CHANGES)}
${holdingsChart(m, [p], `${p.ticker} holdings`)}
${m.kinds.includes('treasury') ? htmlTable(treasuryTable(p.treasury), { drop: ['Company', 'Start', 'End'] }) : ''}
${m.kinds.includes('costs') && p.costs.length ? htmlTable(costBasisTable({ basis: '', label: '', rows: p.costs, ranking: [] }), { drop: ['Company', 'Start', 'End'] }) : ''}
${m.kinds.includes('costs') && p.grid ? gridHtml(p.grid) : ''}
</section>`;
}

export function renderHtml(m: ReportModel): string {
  const now = m.network.now;
  const wantT = m.kinds.includes('treasury');
  const wantC = m.kinds.includes('costs');
  const nav = [
    ['summary', 'Summary'],
    ...(wantT ? [['treasury', 'Treasury'], ['production', 'Production']] : []),
    ...(wantC ? [['costs', 'Costs']] : []),
    ['network', 'Network'],
    ['companies', 'Companies'],
    ['facts', 'Facts'],
  ];
  const firstGroup = m.costs.groups[0];
  const body = [
    `<section id="summary"><h2>Summary</h2>
<div class="legend-box">${e(m.legend.conflicted)}<br>${e(m.legend.derived)}</div>
<h3>What changed</h3>${changesHtml(m.changes, SUMMARY_CHANGES)}
${htmlTable(summaryTable(m))}</section>`,
    wantT
      ? `<section id="treasury"><h2>Treasury sales</h2>
<h3>League table of sellers</h3>
${barChart({ title: 'BTC sold (non-overlapping periods)', yLabel: 'BTC', bars: m.treasury.league.map((l) => ({ label: l.companyTicker, value: l.soldBtc })) })}
${htmlTable(leagueTable(m.treasury.league))}
${holdingsChart(m, m.pages, 'BTC holdings by company')}
<h3>By period</h3>${htmlTable(treasuryTable(m.treasury.rows), { drop: ['Start', 'End'] })}</section>
<section id="production"><h2>Production against the network</h2>${htmlTable(productionTable(m.production), { drop: ['Start', 'End'] })}</section>`
      : '',
    wantC
      ? `<section id="costs"><h2>Cost positioning</h2>
${now ? `<p>Hashprice on ${e(now.date)}: <b>$${now.hashpriceUsdPerPhDay.toFixed(2)}</b> per PH/s per day = 144 × (${now.subsidyBtc} + ${now.feesBtcPerBlock.toFixed(4)} BTC) × $${fmtNumber(now.btcPriceUsd, 0)} ÷ ${fmtNumber(now.networkHashrateEhs * 1000, 0)} PH/s.</p>` : ''}
${m.costs.hashpriceGrid ? gridHtml(m.costs.hashpriceGrid) : ''}
<h3>Fleet, hashprice and hashcost</h3>${htmlTable(fleetTable(m.costs.fleet))}
<h3>Cost per BTC by basis</h3><p class="note">Each basis is its own table; costs on different bases are never ranked together.</p>
${
  firstGroup
    ? barChart({
        title: `Latest cost per BTC, ${firstGroup.label}, restated to ${m.asOf ?? 'now'}`,
        yLabel: 'USD/BTC',
        bars: firstGroup.ranking.map((r) => ({ label: r.companyTicker, value: r.costAtCurrentUsdPerBtc.value ?? r.costUsdPerBtc.value ?? 0, note: r.periodLabel })),
        ...(now ? { ref: { value: now.btcPriceUsd, label: `BTC $${fmtNumber(now.btcPriceUsd, 0)}` } } : {}),
      })
    : ''
}
${m.costs.groups.map((g) => `<h4>${e(g.label)}</h4>${htmlTable(costBasisTable(g), { drop: ['Start', 'End'] })}${htmlTable(rankingTable(g))}`).join('\n')}
</section>`
      : '',
    `<section id="network"><h2>Network</h2>
${lineChart({ title: 'BTC price, monthly average', yLabel: 'USD', series: [{ name: 'BTC/USD', points: m.network.months.filter((x) => x.avgBtcPriceUsd !== null).map((x) => ({ x: x.month, y: x.avgBtcPriceUsd! })) }] })}
${lineChart({ title: 'Hashprice, monthly average', yLabel: 'USD per PH/s per day', series: [{ name: 'hashprice', points: m.network.months.filter((x) => x.avgHashpriceUsdPerPhDay !== null).map((x) => ({ x: x.month, y: x.avgHashpriceUsdPerPhDay! })) }] })}
${htmlTable(adjustmentsTable(m))}
${htmlTable(monthsTable(m))}
<ul class="note">${m.network.origins.map((o) => `<li>${e(o.file)}: ${e(o.repo)} ${e(o.path)} @ ${e(o.commit.slice(0, 12))}</li>`).join('')}</ul></section>`,
    `<section id="companies"><h2>Companies</h2><p class="jump">${m.pages.map((p) => `<a href="#co-${e(p.ticker)}">${e(p.ticker)}</a>`).join(' ')}</p>${m.pages.map((p) => companySection(m, p)).join('\n')}</section>`,
    `<section id="facts"><h2>Facts</h2><details><summary>Every fact with its source (${m.facts.length})</summary>${htmlTable(factsTable(m.facts), { snippetCol: 'Snippet' })}</details></section>`,
  ].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(m.title)}</title><style>${CSS}</style></head>
<body><header><h1>${e(m.title)}</h1>
<p>${m.counts.facts} facts from ${m.counts.documents} documents · ${m.companies.length} companies · ${m.counts.conflicted} conflicted · ${m.counts.derived} derived</p>
${now ? `<p>Network as of ${e(now.date)}: BTC $${fmtNumber(now.btcPriceUsd, 0)} · difficulty ${(now.difficulty / 1e12).toFixed(2)} T (height ${fmtNumber(now.adjustmentHeight, 0)}) · ${fmtNumber(now.networkHashrateEhs, 1)} EH/s · hashprice $${now.hashpriceUsdPerPhDay.toFixed(2)}/PH/day</p>` : ''}</header>
<nav>${nav.map(([id, label]) => `<a href="#${id}">${label}</a>`).join('')}</nav>
<main>
${body}
</main></body></html>
`;
}
