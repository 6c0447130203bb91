/** The only I/O of network/: reads the snapshot files that scripts/build-network-snapshot.ts writes. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { parseSnapshot, type NetworkSnapshot } from './series.ts';

export const DEFAULT_NETWORK_DIR = resolve(PROJECT_ROOT, 'data', 'network');

const cache = new Map<string, NetworkSnapshot>();

export function loadNetworkSnapshot(dir: string = DEFAULT_NETWORK_DIR): NetworkSnapshot {
  const hit = cache.get(dir);
  if (hit) return hit;
  const read = (name: string) => {
    try {
      return readFileSync(resolve(dir, name), 'utf8');
    } catch (err) {
      throw new NotFoundError(`network snapshot file missing (run scripts/build-network-snapshot.ts)`, { file: resolve(dir, name) }, { cause: err });
    }
  };
  const snap = parseSnapshot({
    adjustmentsCsv: read('difficulty_adjustments.csv'),
    dailyCsv: read('daily.csv'),
    sourcesJson: read('sources.json'),
  });
  cache.set(dir, snap);
  return snap;
}
