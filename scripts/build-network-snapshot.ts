/**
 * Builds the offline network snapshot in data/network/ from ../shared/network (see its
 * README.md for provenance). Figures are copied, never re-estimated; the only arithmetic is
 * `blocks = subsidy_btc / subsidy per block`, so fees per block can be averaged later.
 *
 *   node bin/run.mjs scripts/build-network-snapshot.ts [sharedNetworkDir]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../src/db/client.ts';
import { HALVINGS, subsidyBtcAtDate } from '../src/network/math.ts';

const SRC = resolve(process.argv[2] ?? resolve(PROJECT_ROOT, '..', 'shared', 'network'));
const OUT = resolve(PROJECT_ROOT, 'data', 'network');

// origins as listed in shared/network/README.md
const ORIGIN = {
  brk: {
    repo: 'SecretSatoshis/Bitcoin-Report-Library',
    commit: 'a4df65dbbc4f803412ad4c3fd6d7db88a1e1d0c4',
  },
  difficultyA: {
    repo: 'rahulmansharamani14/llm-enhanced-btc-predictor',
    path: 'data/difficulty.csv',
    commit: '9f583658c640c4d10ba4bab9bfcab55256ed4e95',
  },
  difficultyB: {
    repo: 'EuropeanValley/blockchain-dashboard-rperecam',
    path: 'data/difficulty.json',
    commit: '66f78c2a6f198eb69112c96a6a2483c6b2ab5204',
  },
  cryptocompare: {
    repo: 'mouadja02/bitcoin-datasets',
    path: 'data/coindesk/histoday.csv',
    commit: '0e3e2218a4fbfbe04c3c1bc399773b90feba0655',
  },
};

function readCsv(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(resolve(SRC, file), 'utf8').trim().split(/\r?\n/);
  const cols = head!.split(',');
  return lines.map((l) => {
    const cells = l.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

// Difficulty adjustments: the derived file already carries height/date/difficulty/change.
const adj = readCsv('difficulty_adjustments_derived.csv');
const adjOut = ['height,date,first_full_day,difficulty,change_pct'];
for (const r of adj) {
  adjOut.push([r.height, r.adjustment_date_utc, r.first_full_day_utc, r.difficulty, r.change_pct].join(','));
}

// Daily series: price (BRK column only, it covers the whole range), hashrate estimate,
// subsidy and fees per UTC day.
const halvingDates = new Set(HALVINGS.map((h) => h.date));
const daily = readCsv('daily_network_2020_2026_derived.csv');
const dailyOut = ['date,btc_price_usd,hashrate_ehs,blocks,subsidy_btc,fees_btc'];
for (const r of daily) {
  const subsidy = Number(r.subsidy_btc);
  // a halving day mixes two subsidies, so its block count is not recoverable from the total
  const ratio = subsidy / subsidyBtcAtDate(r.date_utc!);
  const whole = Math.abs(ratio - Math.round(ratio)) < 0.01;
  const blocks = halvingDates.has(r.date_utc!) || !(subsidy > 0) || !whole ? '' : String(Math.round(ratio));
  dailyOut.push([r.date_utc, r.btc_price_usd_brk, r.hashrate_ehs_brk, blocks, r.subsidy_btc, r.fees_btc].join(','));
}

const lastDifficultyDay = (() => {
  const j = JSON.parse(readFileSync(resolve(SRC, 'blockchaincom_difficulty_daily_2025-04-23_to_2026-04-21.json'), 'utf8')) as {
    difficulty: { x: number }[];
  };
  return new Date(Math.max(...j.difficulty.map((p) => p.x))).toISOString().slice(0, 10);
})();

const sources = {
  builtBy: 'scripts/build-network-snapshot.ts',
  from: 'shared/network (README.md there lists provenance, derived files and gaps)',
  files: {
    'difficulty_adjustments.csv': {
      columns: {
        height: 'block height of the retarget',
        date: 'UTC day the retarget block was mined (blank when it fell in a data gap)',
        first_full_day: 'first UTC day entirely at the new difficulty',
        difficulty: 'difficulty after the retarget',
        change_pct: 'change vs the previous retarget, %',
      },
      derivedFrom: 'shared/network/difficulty_adjustments_derived.csv (heights counted in 2016-block epochs from the difficulty in force at height 838,656)',
      origins: [
        { ...ORIGIN.difficultyA, note: 'blockchain.com difficulty chart, daily mean, 2020-04-11..2025-04-08' },
        { ...ORIGIN.difficultyB, note: 'blockchain.com difficulty chart via blockchain.info charts API, 2025-04-23..2026-04-21' },
      ],
      coverage: { first: adj[0]?.first_full_day_utc, lastObservedDay: lastDifficultyDay },
      gaps: ['nothing before 2020-04-11', 'retarget at height 893,088 fell in the gap 2025-04-09..22: date blank'],
    },
    'daily.csv': {
      columns: {
        date: 'UTC day',
        btc_price_usd: 'BTC/USD daily price, BRK (bitview.space) column of SecretSatoshis network_model_metrics.csv',
        hashrate_ehs: 'network hashrate estimate, BRK, EH/s',
        blocks: 'subsidy_btc / subsidy per block (blank on halving days, which mix two subsidies)',
        subsidy_btc: 'block subsidy paid that UTC day, BTC',
        fees_btc: 'transaction fees paid that UTC day, BTC',
      },
      priceSource: 'BRK (SecretSatoshis/Bitcoin-Report-Library csv/network_model_metrics.csv, "BTC Price")',
      derivedFrom: 'shared/network/daily_network_2020_2026_derived.csv',
      origins: [
        { ...ORIGIN.brk, path: 'csv/network_model_metrics.csv', note: 'BTC Price, Hash Rate' },
        { ...ORIGIN.brk, path: 'csv/electricity_cost_scenarios.csv', note: 'Subsidy (BTC), Fees (BTC)' },
      ],
      crossCheck: { ...ORIGIN.cryptocompare, note: 'CryptoCompare closes agree with BRK prices: median |diff| 0.22% (README)' },
      coverage: { first: daily[0]?.date_utc, last: daily[daily.length - 1]?.date_utc },
    },
    'halvings.json': {
      note: 'consensus rule subsidy_sats = 5_000_000_000 >> floor(height / 210_000); dates from shared/network/README.md',
    },
  },
};

mkdirSync(OUT, { recursive: true });
writeFileSync(resolve(OUT, 'difficulty_adjustments.csv'), `${adjOut.join('\n')}\n`);
writeFileSync(resolve(OUT, 'daily.csv'), `${dailyOut.join('\n')}\n`);
writeFileSync(resolve(OUT, 'halvings.json'), `${JSON.stringify(HALVINGS, null, 2)}\n`);
writeFileSync(resolve(OUT, 'sources.json'), `${JSON.stringify(sources, null, 2)}\n`);
console.log(`wrote ${adj.length} adjustments, ${daily.length} days to ${OUT}`);
