import { z } from 'zod';

/**
 * The fact vocabulary of DESIGN.md, declared once. `kind` decides whether a fact carries a
 * period (flow: periodStart/periodEnd) or an instant (stock: asOf). Hashrate metrics can be
 * either in documents ("average operating hashrate" for a month is a flow), so they are
 * declared by how companies usually state them.
 */
export const METRICS = {
  btc_produced: { kind: 'flow', unit: 'BTC', label: 'BTC produced' },
  btc_held: { kind: 'stock', unit: 'BTC', label: 'BTC held' },
  btc_held_pledged: { kind: 'stock', unit: 'BTC', label: 'BTC pledged as collateral' },
  btc_held_loaned: { kind: 'stock', unit: 'BTC', label: 'BTC loaned' },
  btc_held_receivable: { kind: 'stock', unit: 'BTC', label: 'BTC receivable' },
  btc_sold: { kind: 'flow', unit: 'BTC', label: 'BTC sold' },
  btc_sold_proceeds: { kind: 'flow', unit: 'USD', label: 'Proceeds from BTC sold' },
  btc_sold_avg_price: { kind: 'flow', unit: 'USD/BTC', label: 'Average BTC sale price' },
  btc_purchased: { kind: 'flow', unit: 'BTC', label: 'BTC purchased' },
  btc_purchased_cost: { kind: 'flow', unit: 'USD', label: 'Cost of BTC purchased' },
  hashrate_operating: { kind: 'stock', unit: 'EH/s', label: 'Operating hashrate' },
  hashrate_installed: { kind: 'stock', unit: 'EH/s', label: 'Installed hashrate' },
  hashrate_average: { kind: 'flow', unit: 'EH/s', label: 'Average operating hashrate' },
  fleet_efficiency: { kind: 'stock', unit: 'J/TH', label: 'Fleet efficiency' },
  power_capacity: { kind: 'stock', unit: 'MW', label: 'Power capacity' },
  cost_per_btc: { kind: 'flow', unit: 'USD/BTC', label: 'Cost per BTC' },
  energy_cost_per_kwh: { kind: 'flow', unit: 'USD/kWh', label: 'Energy cost per kWh' },
  mining_revenue: { kind: 'flow', unit: 'USD', label: 'Mining revenue' },
} as const satisfies Record<string, { kind: 'flow' | 'stock'; unit: string; label: string }>;

export type Metric = keyof typeof METRICS;
export const Metric = z.enum(Object.keys(METRICS) as [Metric, ...Metric[]]);

export const Unit = z.enum(['BTC', 'USD', 'USD/BTC', 'EH/s', 'J/TH', 'MW', 'USD/kWh']);
export type Unit = z.infer<typeof Unit>;

/**
 * What a cost or hashrate figure means. Costs are never compared across bases.
 * `company_defined` keeps the company's own label in `basisLabel`.
 */
export const CostBasis = z.enum([
  'electricity', // power cost only ("direct energy cost", "electricity cost per BTC")
  'direct', // direct / cash cost of revenue excluding depreciation
  'cash',
  'incl_depreciation',
  'all_in',
  'company_defined',
]);
export type CostBasis = z.infer<typeof CostBasis>;

export function metricKind(metric: Metric): 'flow' | 'stock' {
  return METRICS[metric].kind;
}

export function metricUnit(metric: Metric): Unit {
  return METRICS[metric].unit;
}
