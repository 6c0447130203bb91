export * from './math.ts';
export * from './series.ts';
export { loadNetworkSnapshot, DEFAULT_NETWORK_DIR } from './snapshot.ts';
