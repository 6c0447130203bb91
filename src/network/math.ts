/**
 * Mining economics as pure functions. Units are in the names: H/s, EH/s, PH/s, USD, BTC.
 * 1 EH/s = 1,000 PH/s = 1e18 H/s. A day holds 144 blocks at the 600-second target.
 */

export const BLOCKS_PER_DAY = 144;
const TWO_POW_32 = 4_294_967_296;

/** Past halvings (height is the consensus rule; dates as mined, UTC). */
export const HALVINGS: readonly { height: number; date: string; subsidyBtcAfter: number }[] = [
  { height: 210_000, date: '2012-11-28', subsidyBtcAfter: 25 },
  { height: 420_000, date: '2016-07-09', subsidyBtcAfter: 12.5 },
  { height: 630_000, date: '2020-05-11', subsidyBtcAfter: 6.25 },
  { height: 840_000, date: '2024-04-20', subsidyBtcAfter: 3.125 },
];

/** Expected network hashrate for a difficulty: D·2^32 hashes per block, one block per 600 s. */
export function networkHashrateHs(difficulty: number): number {
  return (difficulty * TWO_POW_32) / 600;
}

export function networkHashrateEhs(difficulty: number): number {
  return networkHashrateHs(difficulty) / 1e18;
}

/** Block subsidy at a height: 50 BTC halved every 210,000 blocks, in whole satoshis. */
export function subsidyBtc(height: number): number {
  if (!Number.isInteger(height) || height < 0) throw new RangeError(`height must be a non-negative integer (got ${height})`);
  const halvings = Math.floor(height / 210_000);
  // the consensus code shifts a 64-bit integer; JS `>>` is 32-bit, so use BigInt
  if (halvings >= 64) return 0;
  return Number(5_000_000_000n >> BigInt(halvings)) / 1e8;
}

/**
 * Subsidy in force on a UTC day, from the halving dates. On a halving day it returns the
 * new subsidy (the 2024 halving block was mined at 00:09 UTC; 2020's at 19:23 UTC).
 */
export function subsidyBtcAtDate(date: string): number {
  let s = 50;
  for (const h of HALVINGS) if (h.date <= date) s = h.subsidyBtcAfter;
  return s;
}

/** USD earned per PH/s per day: 144·(subsidy + fees)·price / network PH/s. */
export function hashpriceUsdPerPhDay(p: {
  subsidyBtc: number;
  feesBtcPerBlock: number;
  btcPriceUsd: number;
  networkHashrateEhs: number;
}): number {
  return (BLOCKS_PER_DAY * (p.subsidyBtc + p.feesBtcPerBlock) * p.btcPriceUsd) / (p.networkHashrateEhs * 1000);
}

/** BTC earned per PH/s per day (hashprice in BTC). */
export function hashvalueBtcPerPhDay(p: { subsidyBtc: number; feesBtcPerBlock: number; networkHashrateEhs: number }): number {
  return (BLOCKS_PER_DAY * (p.subsidyBtc + p.feesBtcPerBlock)) / (p.networkHashrateEhs * 1000);
}

/**
 * Power cost of 1 PH/s for a day: 1 PH/s at J/TH joules per TH draws J/TH kW, so
 * J/TH × 24 kWh × $/MWh / 1000.
 */
export function hashcostUsdPerPhDay(jPerTh: number, usdPerMwh: number): number {
  return (jPerTh * usdPerMwh * 24) / 1000;
}

export function minerShare(ownEhs: number, networkEhs: number): number {
  if (!(networkEhs > 0)) throw new RangeError('network hashrate must be positive');
  return ownEhs / networkEhs;
}

/** BTC a miner expects per day at its share of the network. */
export function expectedBtcPerDay(p: { ownEhs: number; networkEhs: number; subsidyBtc: number; feesBtcPerBlock: number }): number {
  return minerShare(p.ownEhs, p.networkEhs) * BLOCKS_PER_DAY * (p.subsidyBtc + p.feesBtcPerBlock);
}

/**
 * BTC price at which revenue per PH/s per day equals the cost per PH/s per day, at a given
 * difficulty and fee level: cost / (BTC per PH/s per day).
 */
export function breakevenBtcPriceUsd(p: {
  costUsdPerPhDay: number;
  difficulty: number;
  subsidyBtc: number;
  feesBtcPerBlock: number;
}): number {
  const btcPerPhDay = hashvalueBtcPerPhDay({
    subsidyBtc: p.subsidyBtc,
    feesBtcPerBlock: p.feesBtcPerBlock,
    networkHashrateEhs: networkHashrateEhs(p.difficulty),
  });
  return p.costUsdPerPhDay / btcPerPhDay;
}

/**
 * A cost per BTC measured in one period, restated at other network conditions on the
 * assumption that costs are proportional to hashing work: BTC per unit of work scales with
 * reward/difficulty, so cost per BTC scales with difficulty/reward.
 */
export function restateCostPerBtc(p: {
  costUsdPerBtc: number;
  fromDifficulty: number;
  fromRewardBtcPerBlock: number;
  toDifficulty: number;
  toRewardBtcPerBlock: number;
}): number {
  return (p.costUsdPerBtc * (p.toDifficulty / p.fromDifficulty) * p.fromRewardBtcPerBlock) / p.toRewardBtcPerBlock;
}
