import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/registry/companies.ts';
import { readAudit, stillEmitted } from '../../scripts/_eval/audit.ts';
import { readLabels, scoreDocument, type DocScore } from '../../scripts/_eval/match.ts';
import { runLabelled } from '../../scripts/_eval/run.ts';

/**
 * Press-release fixtures (test/fixtures/labels.jsonl) scored by the eval's rules. Recall may only
 * go up: FLOOR is the number of labelled facts found per metric family when it was last raised.
 * A wrong value (a confident figure for a labelled period that no label has) fails outright.
 */
const DIR = resolve(import.meta.dirname, '../fixtures');

const FLOOR: Record<string, number> = {
  btc_held: 18,
  btc_held_loaned: 1,
  btc_held_pledged: 1,
  btc_produced: 30,
  btc_sold: 13,
  btc_sold_avg_price: 8,
  btc_sold_proceeds: 7,
  'cost_per_btc:company_defined': 1,
  'cost_per_btc:direct': 1,
  'cost_per_btc:electricity': 5,
  'cost_per_btc:incl_depreciation': 1,
  energy_cost_per_kwh: 2,
  fleet_efficiency: 6,
  hashrate_average: 13,
  hashrate_installed: 10,
  hashrate_operating: 8,
  mining_revenue: 5,
  power_capacity: 2,
};

describe('press-release fixtures', () => {
  const scores: { file: string; s: DocScore }[] = [];
  // facts an audit of these fixtures judged wrong although no label covers them (audit-wrong-fixtures.jsonl)
  const audit = readAudit(resolve(import.meta.dirname, 'audit-wrong-fixtures.jsonl'));
  const stillWrong: string[] = [];
  beforeAll(async () => {
    const companies = loadRegistry();
    for (const label of readLabels(DIR)!.labels) {
      const run = await runLabelled(DIR, label, companies);
      scores.push({ file: label.file, s: scoreDocument(label, run.facts, run.company?.ticker) });
      for (const h of stillEmitted(audit, label.file, label.company, run.facts, run.company?.ticker)) {
        if (h.entry.verdict === 'wrong' || h.fact.confidence >= 0.5) stillWrong.push(`${h.entry.ref} ${label.file}: ${h.entry.metric} ${h.entry.period} = ${h.entry.value} (${h.fact.confidence})`);
      }
    }
  }, 60_000);

  it('states no wrong value and no confident figure in negative documents', () => {
    const wrong = scores.flatMap(({ file, s }) => s.wrong.map((w) => `${file}: ${w.family} ${w.period} = ${w.fact.value} (labels ${w.labels.join(', ')})`));
    const alarms = scores.flatMap(({ file, s }) => s.falseAlarms.map((f) => `${file}: ${f.metric} = ${f.value}`));
    expect(wrong).toEqual([]);
    expect(alarms).toEqual([]);
  });

  it('emits none of the audited wrong facts, and no doubtful one confidently', () => {
    expect(stillWrong).toEqual([]);
  });

  // test/fixtures/labels-extra.jsonl: figures an audit read off the documents after the first labelling
  it('finds every audited extra label', () => {
    expect(scores.flatMap(({ file, s }) => s.extraMisses.map((m) => `${file}: ${m}`))).toEqual([]);
  });

  it('keeps recall per metric family at or above its floor', () => {
    const found = new Map<string, number>();
    for (const { s } of scores) for (const [k, r] of s.families) found.set(k, (found.get(k) ?? 0) + r.found);
    const below = Object.entries(FLOOR)
      .filter(([k, min]) => (found.get(k) ?? 0) < min)
      .map(([k, min]) => `${k}: ${found.get(k) ?? 0} < ${min}`);
    expect(below).toEqual([]);
  });
});
