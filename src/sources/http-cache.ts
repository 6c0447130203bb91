import type { Db } from '../db/client.ts';
import { getCacheEntry, putCacheEntry, touchCacheEntry } from '../db/sync-queries.ts';
import type { RawStore } from '../store/raw.ts';
import type { CacheEntry, HttpCache } from './http.ts';

/**
 * The HTTP cache on disk: validators in the http_cache table, bodies in the content-addressed
 * raw store (so a body that is also a document is stored once). A row whose body went missing
 * from the store counts as not cached.
 */
export function dbHttpCache(db: Db, store: RawStore): HttpCache {
  return {
    get(url) {
      const entry = getCacheEntry(db, url);
      if (!entry?.sha256 || !store.has(entry.sha256)) return undefined;
      return { entry, body: store.get(entry.sha256) };
    },
    put(entry, body) {
      const sha256 = store.put(body);
      putCacheEntry(db, { ...entry, sha256 });
      return sha256;
    },
    touch(url, fetchedAt) {
      touchCacheEntry(db, url, fetchedAt);
    },
  };
}

/** In-memory cache for tests and one-off scripts. */
export function memoryHttpCache(): HttpCache & { entries: Map<string, { entry: CacheEntry; body: Uint8Array }> } {
  const entries = new Map<string, { entry: CacheEntry; body: Uint8Array }>();
  return {
    entries,
    get: (url) => entries.get(url),
    put(entry, body) {
      const sha256 = String(entries.size);
      entries.set(entry.url, { entry: { ...entry, sha256 }, body });
      return sha256;
    },
    touch(url, fetchedAt) {
      const e = entries.get(url);
      if (e) e.entry.fetchedAt = fetchedAt;
    },
  };
}
