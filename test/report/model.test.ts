import { describe, expect, it } from 'vitest';
import { fixtureDb } from './fixture.ts';
import { modelOf } from './helpers.ts';

// Expected figures are read off the documents named in fixture.ts, or computed by hand from them.
const SIXK = 'https://www.stocktitan.net/sec-filings/CANG/6-k-cango-inc-current-report-foreign-issuer-c76390c14a64.html';

describe('treasury model', () => {
  const m = modelOf(fixtureDb());

  it("Cango's February 2026 sale: 4,451 BTC for about $305 million, ≈ $68.5k per BTC", () => {
    const row = m.treasury.rows.find((r) => r.companyTicker === 'CANG' && r.soldBtc.value !== null)!;
    expect(row.periodStart).toBe('2026-02-07');
    expect(row.soldBtc.value).toBe(4451);
    expect(row.proceedsUsd.value).toBe(305_000_000);
    // not stated by the company: proceeds ÷ coins, marked computed
    expect(row.realizedPriceUsd.value).toBeCloseTo(305_000_000 / 4451, 6);
    expect(row.realizedPriceUsd.value).toBeCloseTo(68_524, 0);
    expect(row.realizedPriceUsd.derived).toBe(true);
    // market: mean of the 2026-02-07..09 daily prices 69,184.54, 70,716.78, 70,130.11
    const market = (69_184.54 + 70_716.78 + 70_130.11) / 3;
    expect(row.marketAvgPriceUsd.value).toBeCloseTo(market, 6);
    expect(row.premiumToMarket.value).toBeCloseTo(305_000_000 / 4451 / market - 1, 9);
    expect(row.premiumToMarket.value).toBeCloseTo(-0.0212, 4);
    // against the latest holdings before the sale: 7,474 BTC at 2026-01-31
    expect(row.heldStartBtc.value).toBe(7474);
    expect(row.heldStartAsOf).toBe('2026-01-31');
    expect(row.soldShareOfHoldings.value).toBeCloseTo(4451 / 7474, 9);
    expect(row.sources[0]?.url).toBe(SIXK);
  });

  it('with only the end-2025 balance, the sale is set against 7,528.3 BTC', () => {
    const m2 = modelOf(fixtureDb([], { without: (d) => d.url?.includes('theminermag') ?? false }));
    const row = m2.treasury.rows.find((r) => r.companyTicker === 'CANG' && r.soldBtc.value !== null)!;
    expect(row.heldStartBtc.value).toBe(7528.3);
    expect(row.heldStartAsOf).toBe('2025-12-31');
    expect(row.soldShareOfHoldings.value).toBeCloseTo(0.5912, 4);
    const line = m2.treasury.changes.find((c) => c.kind === 'sale' && c.companyTicker === 'CANG')!;
    // the end-2025 balance is also the latest before the sale: named once
    expect(line.text).toContain('that is 59.1% of the 7,528.3 BTC it held at the end of 2025.');
    expect(line.text).not.toContain('latest balance before the sale');
  });

  it('writes a quotable line for the sale against the end-2025 holdings and the latest before it, with the 6-K link', () => {
    const line = m.treasury.changes.find((c) => c.kind === 'sale' && c.companyTicker === 'CANG')!;
    // 305,000,000 ÷ 4,451 = 68,524 → "about $68.5k" (the proceeds are stated to 3 figures);
    // 4,451 ÷ 7,528.3 (2025-12-31) = 59.1%; 4,451 ÷ 7,474 (2026-01-31) = 59.6%
    expect(line.text).toBe(
      'Cango sold 4,451 BTC over February 7–9, 2026 for about $305 million, about $68.5k per BTC (proceeds divided by coins sold), 2.1% below the average market price of $70,010 over the period; that is 59.1% of the 7,528.3 BTC it held at the end of 2025 and 59.6% of the 7,474 BTC it held at 2026-01-31, its latest balance before the sale.',
    );
    expect(line.sources.map((s) => s.url)).toContain(SIXK);
    // the year-end balance's document is cited too
    expect(line.sources.map((s) => s.url)).toContain('https://globalfintechedge.com/news/cangos-bitcoin-bet-gets-bigger-december-output-rises-as-miner-stockpiles-7500-btc');
    expect(m.changes[0]).toEqual(line);
  });

  it('league table: sellers by BTC sold, months never double-counted with a YTD', () => {
    expect(m.treasury.league.map((l) => [l.companyTicker, l.soldBtc])).toEqual([
      ['CANG', 4451],
      ['BITF', 362],
      ['CLSK', 2.43],
    ]);
    const bitf = m.treasury.league[1]!;
    expect(bitf.proceedsUsd.value).toBe(9_500_000);
    expect(bitf.soldShareOfProduction.value).toBeCloseTo(362 / 411, 9);
  });

  it('CleanSpark Q2 FY2024 from its 10-Q: 2,031 produced, 5,021 held, up from 2,243 at 2023-09-30', () => {
    const row = m.treasury.rows.find((r) => r.companyTicker === 'CLSK' && r.periodStart === '2024-01-01' && r.periodEnd === '2024-03-31')!;
    expect(row.periodLabel).toBe('Q1 2024 (FY2024 Q2)');
    expect(row.producedBtc.value).toBe(2031);
    expect(row.heldEndBtc.value).toBe(5021);
    expect(row.heldStartBtc.value).toBe(2243);
    expect(row.heldChangeBtc.value).toBe(2778);
    expect(row.heldChangeBtc.derived).toBe(true);
  });

  it('a stated average sale price is used as stated (CleanSpark May 2024: 2.43 BTC at ~$59,000)', () => {
    const row = m.treasury.rows.find((r) => r.companyTicker === 'CLSK' && r.periodStart === '2024-05-01')!;
    expect(row.realizedPriceUsd.value).toBe(59_000);
    expect(row.realizedPriceUsd.derived).toBeUndefined();
    expect(row.soldShareOfProduction.value).toBeCloseTo(2.43 / 417, 9);
  });

  it('a fiscal year ending in September: the sale is set against the end of fiscal 2023 as well (CleanSpark)', () => {
    const line = m.treasury.changes.find((c) => c.kind === 'sale' && c.companyTicker === 'CLSK')!;
    // 2.43 ÷ 2,243 (2023-09-30) = 0.108%; 2.43 ÷ 5,021 (2024-03-31) = 0.0484%; the stated $59,000 is kept as stated
    expect(line.text).toContain('about $59,000 per BTC');
    expect(line.text).toContain('that is 0.11% of the 2,243 BTC it held at the end of fiscal 2023 (2023-09-30) and 0.048% of the 5,021 BTC it held at 2024-03-31');
  });
});

describe('costs model', () => {
  const m = modelOf(fixtureDb());

  it('never mixes bases: one group per basis, each row of its group', () => {
    const bases = m.costs.groups.map((g) => g.basis);
    expect(new Set(bases).size).toBe(bases.length);
    for (const g of m.costs.groups) for (const r of g.rows) expect(r.basis).toBe(g.basis);
    const direct = m.costs.groups.find((g) => g.basis === 'direct')!;
    expect(direct.rows[0]?.costUsdPerBtc.value).toBe(14_692);
    expect(direct.rows[0]?.companyLabel).toBe('Cost to mine one bitcoin - Owned facilities');
    const own = m.costs.groups.find((g) => g.basis === 'company_defined')!;
    expect(own.rows[0]?.costUsdPerBtc.value).toBe(16_882);
  });

  it('margin against the period average price', () => {
    const r = m.costs.groups.find((g) => g.basis === 'direct')!.rows[0]!;
    expect(r.marginUsdPerBtc.value).toBeCloseTo(r.marketAvgPriceUsd.value! - 14_692, 9);
    expect(r.marginPct.value).toBeCloseTo(1 - 14_692 / r.marketAvgPriceUsd.value!, 9);
  });

  it('hashcost and breakeven from Riot April 2025: 21.0 J/TH at 3.7¢/kWh', () => {
    const riot = m.costs.fleet.find((f) => f.companyTicker === 'RIOT')!;
    // 21.0 × 37 $/MWh × 24 / 1000 = 18.648 USD per PH/s per day
    expect(riot.hashcostUsdPerPhDay.value).toBeCloseTo(18.648, 9);
    const now = m.network.now!;
    const btcPerPhDay = (144 * (now.subsidyBtc + now.feesBtcPerBlock)) / (now.networkHashrateEhs * 1000);
    expect(riot.breakevenPowerOnlyUsd.value).toBeCloseTo(18.648 / btcPerPhDay, 6);
    expect(riot.efficiencyRank).toBe(1);
  });

  it('hashprice grid: the ×1/×1 cell is the current hashprice', () => {
    const g = m.costs.hashpriceGrid!;
    expect(g.values[2]![1]).toBeCloseTo(m.network.now!.hashpriceUsdPerPhDay, 9);
    // hashprice is proportional to price and inversely proportional to difficulty
    expect(g.values[4]![1]! / g.values[2]![1]!).toBeCloseTo(1.3, 9);
    expect(g.values[2]![3]! / g.values[2]![1]!).toBeCloseTo(1 / 1.2, 9);
  });
});

describe('production model', () => {
  const m = modelOf(fixtureDb());
  it("expected BTC from a stated average hashrate lands near what was mined (Cango Dec 2025, Riot Apr 2025)", () => {
    for (const [t, start] of [
      ['CANG', '2025-12-01'],
      ['RIOT', '2025-04-01'],
    ] as const) {
      const r = m.production.find((p) => p.companyTicker === t && p.periodStart === start)!;
      expect(r.expectedBtc.derived).toBe(true);
      expect(r.realization.value).toBeGreaterThan(0.95);
      expect(r.realization.value).toBeLessThan(1.05);
    }
  });
});

describe('conflicted values', () => {
  it('carry their flag (†) into the cells computed from them', async () => {
    const { listFacts } = await import('../../src/db/queries.ts');
    const { reconcile } = await import('../../src/reconcile/index.ts');
    const { buildReport } = await import('../../src/report/model.ts');
    const { loadNetworkSnapshot } = await import('../../src/network/snapshot.ts');
    const { loadRegistry } = await import('../../src/registry/companies.ts');
    const { renderTreasuryMd } = await import('../../src/report/render/markdown.ts');
    const facts = listFacts(fixtureDb());
    const canonical = reconcile(facts).canonical.map((c) => (c.companyTicker === 'CANG' && c.metric === 'btc_sold' ? { ...c, conflicted: true } : c));
    const m = buildReport({ canonical, facts, companies: loadRegistry(), network: loadNetworkSnapshot() });
    const row = m.treasury.rows.find((r) => r.companyTicker === 'CANG' && r.soldBtc.value !== null)!;
    expect(row.soldBtc.conflicted).toBe(true);
    expect(row.realizedPriceUsd.conflicted).toBe(true);
    expect(m.counts.conflicted).toBe(1);
    const md = renderTreasuryMd(m);
    expect(md).toContain('| 4,451† |');
    expect(md).toContain('$68,524†‡');
  });
});
