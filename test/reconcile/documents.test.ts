/**
 * Documents written to conflict (test/fixtures/conflicts/<case>/), recorded into an in-memory
 * database with the facts a person reads off them (expected-facts.json, shaped as the
 * extractor returns them), then reconciled from listFacts. Figures are real; provenance.json
 * names the document each comes from and marks the two test constructs (an 8-K/A and a
 * companyfacts excerpt tagged ×1000).
 *
 * The facts are recorded with recordDocument rather than extracted, so these tests pin down
 * reconciliation whatever the extractor reads today; `pipeline.test.ts` runs the same
 * documents through ingestDocument.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app.ts';
import { listFacts } from '../../src/db/queries.ts';
import { reconcile } from '../../src/reconcile/index.ts';
import type { ReconcileResult } from '../../src/reconcile/types.ts';
import { CASES, recordCase } from './_cases.ts';

let app: App;
let r: ReconcileResult;

beforeAll(() => {
  app = openApp({ dbPath: ':memory:', storeDir: mkdtempSync(join(tmpdir(), 'hl-conflicts-')) });
  for (const c of CASES) recordCase(app, c);
  r = reconcile(listFacts(app.db), { companies: app.companies });
});
afterAll(() => app.close());

const cv = (company: string, metric: string, periodKey: string, basis = '') =>
  r.canonical.find((c) => c.companyTicker === company && c.metric === metric && c.periodKey === periodKey && c.basis === basis);
const findings = (company: string, kind: string) => r.findings.filter((f) => f.companyTicker === company && f.kind === kind);

describe('CleanSpark: monthly copies, an amendment, two 10-Q excerpts and a ×1000 XBRL tag', () => {
  it('chooses the amendment’s 2,243 BTC at 2023-09-30 over the release copy’s 2,240 and the 10-Q’s agreeing 2,243', () => {
    const held = cv('CLSK', 'btc_held', '@2023-09-30')!;
    expect(held.value).toBe(2243);
    expect(held.rule).toBe('amendment');
    expect(held.observations.map((o) => o.value).sort()).toEqual([2240, 2243, 2243]);
    expect(held.conflicted).toBe(false);
  });

  it('flags the companyfacts count tagged ×1000 (5,021,000) and keeps the 10-Q’s 5,021', () => {
    expect(cv('CLSK', 'btc_held', '@2024-03-31')!.value).toBe(5021);
    const unit = findings('CLSK', 'unit_mistake');
    expect(unit).toHaveLength(1);
    expect(unit[0]!.periodKey).toBe('@2024-03-31');
    expect(unit[0]!.severity).toBe('error');
    expect(findings('CLSK', 'implausible').map((f) => f.periodKey)).toEqual(['@2024-03-31']);
  });

  it('keeps the stated 2,020 for Oct–Dec 2023 (Dec 2024 10-Q) and it agrees with 4,051 − 2,031 and with 633 + 666 + 720 within 1 BTC', () => {
    const q = cv('CLSK', 'btc_produced', '2023-10-01..2023-12-31')!;
    expect(q.value).toBe(2020);
    expect(q.derived).toBe(false);
    expect(findings('CLSK', 'conflict')).toEqual([]);
  });

  it('rolls Sep → Oct → Nov → Dec 2023 forward without findings, starting from the amended 2,243', () => {
    // Oct: 2,243 + 633 − 562 = 2,314 vs 2,311 stated: 3 BTC, inside 0.5%
    const rf = findings('CLSK', 'rollforward').map((f) => f.periodKey);
    expect(rf).not.toContain('2023-10-01..2023-10-31');
    expect(rf).not.toContain('2023-11-01..2023-11-30');
    expect(rf).not.toContain('2023-12-01..2023-12-31');
  });

  it('warns that the six-month roll-forward leaves 1,273 BTC unexplained: sales for the half are not stated', () => {
    // 5,021 − (2,243 + 4,051)
    const f = findings('CLSK', 'rollforward').find((x) => x.periodKey === '2023-10-01..2024-03-31')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/-1,273 BTC unexplained \(sales, purchases not stated/);
  });

  it('reports the missing months between the December 2023 and May 2024 releases', () => {
    expect(findings('CLSK', 'gap').map((g) => g.periodKey)).toEqual(['2024-01-01..2024-04-30']);
  });

  it('reports CleanSpark as quiet: its latest figure ends 2024-12-31, the data run to 2026-01-31', () => {
    const stale = findings('CLSK', 'stale');
    expect(stale).toHaveLength(1);
    expect(stale[0]!.message).toMatch(/ends 2024-12-31 \(396 days before 2026-01-31/);
  });
});

describe('Bit Digital: year-to-date roll-forwards and a copy that gives the half as the quarter', () => {
  it('derives Q2 and Q3 2025 from the year-to-date tables', () => {
    expect(cv('BTBT', 'btc_produced', '2025-04-01..2025-06-30')!.value).toBe(68.2); // 151.5 − 83.3
    expect(cv('BTBT', 'btc_produced', '2025-07-01..2025-09-30')!.value).toBe(64.9); // 216.4 − 151.5
    expect(cv('BTBT', 'btc_sold', '2025-07-01..2025-09-30')!.value).toBe(10.8); // 608.8 − 598.0
    expect(cv('BTBT', 'btc_sold', '2025-07-01..2025-09-30')!.derived).toBe(true);
  });

  it('keeps the stated (wrong) Q2 sale as canonical but flags it twice: against the YTD difference and as more than was available', () => {
    const q2 = cv('BTBT', 'btc_sold', '2025-04-01..2025-06-30')!;
    expect(q2.value).toBe(598);
    expect(q2.derived).toBe(false);
    const conflict = findings('BTBT', 'conflict').find((f) => f.periodKey === '2025-04-01..2025-06-30')!;
    expect(conflict.message).toMatch(/give 205\.4/); // 598.0 − 392.6
    const sold = findings('BTBT', 'sold_exceeds_available')[0]!;
    expect(sold.severity).toBe('error');
    expect(sold.message).toMatch(/had at most 485\.8/); // 417.6 + 68.2
  });

  it('rolls the year-to-date tables forward exactly when the exchanges are counted, and warns when they are not', () => {
    // Q1: 741.9 + 83.3 − 392.6 = 432.6 vs 417.6: the 15.0 BTC exchanged into USDC is not a tracked metric
    const q1 = findings('BTBT', 'rollforward').find((f) => f.periodKey === '2025-01-01..2025-03-31')!;
    expect(q1.message).toMatch(/gives 432\.6: -15 BTC unexplained/);
    // Q3 derived: 280.4 + 64.9 − 10.8 = 334.5 vs 6.1 (318.4 into ETH, 10.0 into USDC)
    const q3 = findings('BTBT', 'rollforward').find((f) => f.periodKey === '2025-07-01..2025-09-30')!;
    expect(q3.message).toMatch(/gives 334\.5: -328\.4 BTC unexplained/);
  });

  it('chooses among the three copies of the 741.9 BTC opening balance by the latest 10-Q, all agreeing', () => {
    const open = cv('BTBT', 'btc_held', '@2024-12-31')!;
    expect(open.observations).toHaveLength(3);
    expect(open.fact.filedDate).toBe('2025-11-14');
    expect(open.reason).toMatch(/^3 observations agree; later filing/);
  });
});

describe('Riot: an aggregator summary that glued a footnote to the hashrate', () => {
  it('sets 110.9 EH/s aside as implausible and keeps the table’s 10.9 EH/s', () => {
    const hr = cv('RIOT', 'hashrate_installed', '@2023-09-30', 'deployed')!;
    expect(hr.value).toBe(10.9);
    expect(hr.rule).toBe('plausible');
    const f = findings('RIOT', 'implausible');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/^110\.9 EH\/s is outside 0–100 EH\/s/);
  });

  it('rolls August → September 2023 forward within tolerance (7,309 + 362 − 340 = 7,331 vs 7,327)', () => {
    expect(findings('RIOT', 'rollforward')).toEqual([]);
  });
});

describe('Cango: monthly updates retold by third parties, and a quarter', () => {
  it('derives July 2025 from the quarter minus August and September (1,930.8 − 663.7 − 616.6)', () => {
    const jul = cv('CANG', 'btc_produced', '2025-07-01..2025-07-31')!;
    expect(jul.derived).toBe(true);
    expect(jul.value).toBe(650.5);
    expect(jul.inputs!.map((i) => i.value)).toEqual([1930.8, 663.7, 616.6]);
  });

  it('finds no gap from July 2025 to January 2026 once July is derived', () => {
    expect(findings('CANG', 'gap')).toEqual([]);
  });

  it('rolls Aug → Dec 2025 forward exactly and warns on January 2026 (7,528 + 496.35 vs 7,474: sales not stated)', () => {
    const rf = findings('CANG', 'rollforward');
    expect(rf.map((f) => f.periodKey)).toEqual(['2026-01-01..2026-01-31']);
    // the later copy's rounded 7,528 wins the opening balance (later filing); 7,474 − (7,528 + 496.35) = −550.35
    expect(cv('CANG', 'btc_held', '@2025-12-31')!.value).toBe(7528);
    expect(rf[0]!.message).toMatch(/gives 8,024\.35: -550\.35 BTC unexplained/);
  });

  it('treats 569 and 569.0 BTC for December, and 7,528.3 vs 7,528 BTC held, as agreement', () => {
    expect(cv('CANG', 'btc_produced', '2025-12-01..2025-12-31')!.conflicted).toBe(false);
    expect(cv('CANG', 'btc_held', '@2025-12-31')!.conflicted).toBe(false);
    expect(findings('CANG', 'conflict')).toEqual([]);
  });

  it('is not stale: its latest figure ends on the latest data date', () => {
    expect(findings('CANG', 'stale')).toEqual([]);
  });
});

describe('the whole set', () => {
  it('lists conflicts only where sources disagree beyond tolerance', () => {
    expect(r.conflicts).toEqual([]);
  });

  it('has errors (so `hashledger check` exits 1): the ×1000 tag, the glued footnote and the impossible Q2 sale', () => {
    const errors = r.findings.filter((f) => f.severity === 'error').map((f) => `${f.companyTicker} ${f.kind}`);
    expect(errors.sort()).toEqual(['BTBT sold_exceeds_available', 'CLSK implausible', 'CLSK unit_mistake', 'RIOT implausible']);
  });
});
