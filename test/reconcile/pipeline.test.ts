/**
 * The conflict fixtures through the real pipeline (ingestDocument: parse → extract → record),
 * then reconcile. Asserts only outcomes whose facts the extractor reads today (label lines,
 * "mined N BTC in <month>", a summary hashrate); documents.test.ts pins every case with facts
 * recorded directly.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app.ts';
import { listFacts } from '../../src/db/queries.ts';
import { ingestDocument } from '../../src/pipeline/ingest.ts';
import { reconcile } from '../../src/reconcile/index.ts';
import type { ReconcileResult } from '../../src/reconcile/types.ts';
import { CASES, readCase } from './_cases.ts';

let app: App;
let r: ReconcileResult;

beforeAll(async () => {
  app = openApp({ dbPath: ':memory:', storeDir: mkdtempSync(join(tmpdir(), 'hl-pipe-')) });
  for (const c of CASES) {
    for (const { file, bytes, prov } of readCase(c)) {
      await ingestDocument(app, {
        bytes,
        meta: { localPath: join(c, file), companyTicker: prov.company, form: prov.form, filedDate: prov.filedDate, sourceUrl: prov.url, ...(prov.periodOfReport ? { periodOfReport: prov.periodOfReport } : {}) },
      });
    }
  }
  r = reconcile(listFacts(app.db), { companies: app.companies });
});
afterAll(() => app.close());

describe('ingested conflict fixtures', () => {
  it('choose the amendment for CleanSpark’s holdings at 2023-09-30', () => {
    const held = r.canonical.find((c) => c.companyTicker === 'CLSK' && c.metric === 'btc_held' && c.periodKey === '@2023-09-30')!;
    expect(held.value).toBe(2243);
    expect(held.rule).toBe('amendment');
  });

  it('derive Cango’s July 2025 production from the quarter (1,930.8 − 663.7 − 616.6)', () => {
    const jul = r.canonical.find((c) => c.companyTicker === 'CANG' && c.metric === 'btc_produced' && c.periodKey === '2025-07-01..2025-07-31')!;
    expect(jul.derived).toBe(true);
    expect(jul.value).toBe(650.5);
  });

  it('flag the glued-footnote hashrate 110.9 EH/s', () => {
    expect(r.findings.some((f) => f.companyTicker === 'RIOT' && f.kind === 'implausible' && f.message.startsWith('110.9 EH/s'))).toBe(true);
  });
});
