import type { Metric, Unit } from '../model/metrics.ts';
import type { ValueKind } from './rules.ts';

/**
 * Units and scales: PH/s → EH/s, W/TH ≡ J/TH, ¢/kWh → USD/kWh, "(in thousands)", "US$'000".
 * Each reader returns the factor that converts the printed figure to the metric's unit, or
 * undefined when the text names no unit of that kind.
 */

export function hashrateFactor(text: string): number | undefined {
  const t = text.toLowerCase();
  if (/\beh\/s\b|\beh\b|\behum\b|exahash|eh\/sec|\beh\/s|eh\/s/.test(t)) return 1;
  if (/ph\/s|\bph\b|petahash/.test(t)) return 1e-3;
  if (/th\/s|\bth\b(?!\/)|terahash/.test(t) && !/j\/th|w\/th|per terahash/.test(t)) return 1e-6;
  return undefined;
}

export function efficiencyFactor(text: string): number | undefined {
  return /j\/th|w\/th|watts?\s+per\s+terahash|joules?\s+per\s+terahash|\bw\/t\b/i.test(text) ? 1 : undefined;
}

export function kwhFactor(text: string): number | undefined {
  const t = text.toLowerCase();
  // "Average cost of electricity ($/MWh) | 41": dollars per megawatt-hour
  if (!/kwh|kilowatt/.test(t)) return /\$\s*\/\s*mwh|\bper mwh\b/.test(t) ? 0.001 : undefined;
  if (/¢|cents?\b|\d\s*c\s*\/\s*kwh|\bc\/kwh|\(c\)|us¢/.test(t)) return 0.01;
  if (/\$\s*\/\s*mwh|per mwh|\/mwh/.test(t)) return 0.001;
  return 1;
}

export function mwFactor(text: string): number | undefined {
  const t = text.toLowerCase();
  if (/\bgw\b|gigawatts?/.test(t)) return 1000;
  if (/\bmw\b|megawatts?|\d\s*mw/.test(t)) return 1;
  return undefined;
}

/** Scale stated for money in a header, label or lead-in: "(in thousands)", "US$'000", "$ in millions". */
export function moneyScale(text: string): number | undefined {
  const t = text.toLowerCase().replace(/[’‘`]/g, "'");
  if (/us\$\s*'?000\b|\$\s*'000|\(\$?000s?\)|in\s*'?000'?s|\bin thousands\b|\$ in thousands|thousands of (us )?dollars|\(\s*\$?\s*thousands?\s*\)|usd\s*'?000|presented in 000's/.test(t)) return 1e3;
  if (/\bin millions\b|\$ in millions|us\$\s*m\b|\(\$m\)|usd\s*m(illion)?s?\b\)|millions of (us )?dollars/.test(t)) return 1e6;
  return undefined;
}

export const KIND_UNIT: Record<ValueKind, Unit> = {
  btc: 'BTC',
  usd: 'USD',
  usd_per_btc: 'USD/BTC',
  hashrate: 'EH/s',
  efficiency: 'J/TH',
  mw: 'MW',
  usd_per_kwh: 'USD/kWh',
};

/** Plausibility bounds per metric, in the metric's unit; outside means a misread, not a fact. */
export const BOUNDS: Partial<Record<Metric, [number, number]>> = {
  btc_produced: [0, 60_000],
  btc_held: [0, 2_000_000],
  btc_held_pledged: [0, 2_000_000],
  btc_held_loaned: [0, 2_000_000],
  btc_held_receivable: [0, 2_000_000],
  btc_sold: [0, 200_000],
  btc_purchased: [0, 500_000],
  btc_sold_proceeds: [0, 5e10],
  btc_purchased_cost: [0, 5e10],
  btc_sold_avg_price: [1_000, 500_000],
  hashrate_operating: [0.001, 400],
  hashrate_installed: [0.001, 400],
  hashrate_average: [0.001, 400],
  fleet_efficiency: [5, 150],
  power_capacity: [1, 20_000],
  cost_per_btc: [1_000, 500_000],
  energy_cost_per_kwh: [-0.5, 0.5],
  mining_revenue: [0, 5e10],
};

/** Dollar amounts of a sale or a quarter's revenue: a dash reads as 0, but "$7.7" is a figure whose scale word was lost. */
const USD_AMOUNTS = new Set<Metric>(['btc_sold_proceeds', 'btc_purchased_cost', 'mining_revenue']);

export function inBounds(metric: Metric, value: number): boolean {
  const b = BOUNDS[metric];
  if (USD_AMOUNTS.has(metric) && value > 0 && value < 1_000) return false;
  return !b || (value >= b[0] && value <= b[1]);
}
