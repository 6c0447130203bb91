export * from './metrics.ts';
export * from './period.ts';
export * from './fact.ts';
export * from './company.ts';
export * from './document.ts';
export type * from './parsed.ts';
