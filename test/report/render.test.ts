import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as XlsxNs from 'xlsx';
import { renderCsv } from '../../src/report/render/csv.ts';
import { renderHtml } from '../../src/report/render/html.ts';
import { renderJson } from '../../src/report/render/json.ts';
import { renderCompanyMd, renderCostsMd, renderTreasuryMd } from '../../src/report/render/markdown.ts';
import { renderXlsx } from '../../src/report/render/xlsx.ts';
import { fixtureDb } from './fixture.ts';
import { HOSTILE, modelOf } from './helpers.ts';

const XLSX = createRequire(import.meta.url)('xlsx') as typeof XlsxNs;
const SIXK = 'https://www.stocktitan.net/sec-filings/CANG/6-k-cango-inc-current-report-foreign-issuer-c76390c14a64.html';

describe('golden reports (reviewed by reading; figures checked in model.test.ts)', () => {
  const m = modelOf(fixtureDb());
  it('treasury.md', async () => {
    await expect(renderTreasuryMd(m)).toMatchFileSnapshot('golden/treasury.md');
  });
  it('costs.md', async () => {
    await expect(renderCostsMd(m)).toMatchFileSnapshot('golden/costs.md');
  });
  it('a page per company (Cango)', async () => {
    const page = m.pages.find((p) => p.ticker === 'CANG')!;
    const md = renderCompanyMd(m, page);
    // the sale a person read off the release: 4,451 BTC for about $305 million
    expect(md).toContain('# CANG — Cango Inc.');
    expect(md).toMatch(/\| 4,451 \|/);
    await expect(md).toMatchFileSnapshot('golden/company-CANG.md');
  });
  it('treasury JSON', async () => {
    const json = renderJson(m);
    const parsed = JSON.parse(json) as typeof m;
    expect(parsed.treasury.league[0]?.soldBtc).toBe(4451);
    await expect(JSON.stringify({ asOf: parsed.asOf, treasury: parsed.treasury, costs: parsed.costs.groups }, null, 2)).toMatchFileSnapshot('golden/treasury.json');
  });
});

describe('xlsx', () => {
  const buf = renderXlsx(modelOf(fixtureDb([HOSTILE])));
  const wb = XLSX.read(buf, { type: 'buffer', cellNF: true });

  it('has the named sheets first', () => {
    expect(wb.SheetNames.slice(0, 6)).toEqual(['Summary', 'Treasury', 'Production', 'Costs', 'Network', 'Facts']);
  });

  it('stores numbers as numbers with number formats, dates as dates', () => {
    const ws = wb.Sheets.Treasury!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true });
    const header = rows[0] as string[];
    const sold = header.indexOf('Sold (BTC)');
    const proceeds = header.indexOf('Proceeds (USD)');
    const start = header.indexOf('Start');
    const r = rows.findIndex((row) => (row as unknown[])[sold] === 4451);
    expect(r).toBeGreaterThan(0);
    const cellAt = (c: number) => ws[XLSX.utils.encode_cell({ r, c })] as XlsxNs.CellObject;
    expect(cellAt(sold).t).toBe('n');
    expect(cellAt(sold).z).toBe('#,##0.00');
    expect(cellAt(proceeds).v).toBe(305_000_000);
    expect(cellAt(proceeds).z).toBe('"$"#,##0');
    expect(cellAt(start).t).toBe('n');
    expect(cellAt(start).z).toBe('yyyy-mm-dd');
    // 2026-02-07 as an Excel serial day
    expect(cellAt(start).v).toBe(46060);
    const flags = header.indexOf('Flags († conflicted, ‡ computed)');
    expect(String(cellAt(flags).v)).toContain('Realized price (USD/BTC) ‡');
  });

  it('freezes the header row, sets an autofilter and column widths on every sheet', () => {
    const zip = XLSX.CFB.read(buf, { type: 'buffer' });
    wb.SheetNames.forEach((name, i) => {
      const xml = Buffer.from(XLSX.CFB.find(zip, `/xl/worksheets/sheet${i + 1}.xml`)!.content as Uint8Array).toString('utf8');
      expect(xml, name).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
      expect(xml, name).toMatch(/<autoFilter ref="A1:[A-Z]+\d+"\/>/);
      expect(xml, name).toContain('<cols>');
      expect(wb.Sheets[name]!['!autofilter']?.ref).toBe(wb.Sheets[name]!['!ref']);
    });
  });

  it('Facts sheet: every fact with source URL, form, date and snippet; formulas neutralized', () => {
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Facts!, { raw: true });
    expect(rows.length).toBe(47);
    const sale = rows.find((r) => r.Metric === 'btc_sold' && r.Company === 'CANG')!;
    expect(sale['Source URL']).toBe(SIXK);
    expect(sale.Form).toBe('6-K');
    expect(sale.Value).toBe(4451);
    expect(sale.Snippet).toBe('sold 4,451 Bitcoin on the open market');
    const hostile = rows.find((r) => String(r.Snippet).includes('HYPERLINK'))!;
    expect(hostile.Snippet).toBe('\'=HYPERLINK("http://evil.example","click") holds 703 BTC');
    // no cell anywhere is a formula
    for (const name of wb.SheetNames) for (const [k, c] of Object.entries(wb.Sheets[name]!)) if (!k.startsWith('!')) expect((c as XlsxNs.CellObject).f).toBeUndefined();
  });
});

describe('xlsx text that XML cannot carry as is', () => {
  // the Bitfarms September 2023 holdings again, behind a snippet with a control character,
  // a literal SpreadsheetML escape, markup and a very long URL
  const longUrl = `https://www.binance.com/en/news/flash/7818517?${'x'.repeat(2100)}`;
  const odd = { ...HOSTILE, url: longUrl, title: 'Bitfarms <update> & "news"', facts: [{ ...HOSTILE.facts[0]!, snippet: 'holds\u0001 703 BTC _x0041_ <b>&amp;</b>' }] };
  const wb = XLSX.read(renderXlsx(modelOf(fixtureDb([odd]))), { type: 'buffer' });

  it('reads back exactly what the report holds', () => {
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Facts!, { raw: true });
    const row = rows.find((r) => String(r.Snippet).includes('<b>'))!;
    expect(row.Snippet).toBe('holds\u0001 703 BTC _x0041_ <b>&amp;</b>');
    expect(row['Document title']).toBe('Bitfarms <update> & "news"');
    // text kept in full; a target longer than Excel accepts is left unlinked rather than breaking the file
    expect(row['Source URL']).toBe(longUrl);
  });
});

describe('csv', () => {
  const files = renderCsv(modelOf(fixtureDb([HOSTILE])));
  it('one file per table, numbers bare, formulas neutralized', () => {
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['treasury.csv', 'league.csv', 'facts.csv', 'costs.csv', 'production.csv', 'what_changed.csv']));
    expect(files['league.csv']!.split('\n')[1]).toMatch(/^1,CANG,Cango Inc\.,4451,305000000,68523\.927/);
    expect(files['facts.csv']).toContain('"\'=HYPERLINK(""http://evil.example"",""click"") holds 703 BTC"');
    expect(files['facts.csv']).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});

describe('html', () => {
  const html = renderHtml(modelOf(fixtureDb([HOSTILE])));

  it('is self-contained: no scripts, no external styles or images', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\bsrc\s*=\s*["']?https?:/i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
    expect(html).toContain('<svg');
  });

  it('escapes scraped text', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; mined 411');
    expect(html).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(html).toContain(`href="${SIXK}"`);
  });

  it('renders in a headless browser', (ctx) => {
    const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
    if (!chromium) {
      ctx.skip(true, 'no /usr/bin/chromium on this machine: headless render check skipped');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'hashledger-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const png = join(dir, 'r.png');
    execFileSync(
      chromium,
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dir, 'profile')}`, `--screenshot=${png}`, '--window-size=1280,2000', `file://${file}`],
      { stdio: 'ignore', timeout: 60_000 },
    );
    expect(existsSync(png)).toBe(true);
    expect(statSync(png).size).toBeGreaterThan(20_000);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  }, 90_000);
});
