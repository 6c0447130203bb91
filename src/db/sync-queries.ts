import { eq, sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { httpCache, syncState } from './schema.ts';

export type HttpCacheRow = typeof httpCache.$inferSelect;

export function getCacheEntry(db: Db, url: string): HttpCacheRow | undefined {
  return db.select().from(httpCache).where(eq(httpCache.url, url)).get();
}

export function putCacheEntry(db: Db, row: HttpCacheRow): void {
  db.insert(httpCache).values(row).onConflictDoUpdate({ target: httpCache.url, set: row }).run();
}

/** A 304 Not Modified: the body is unchanged, only the time we last checked moves. */
export function touchCacheEntry(db: Db, url: string, fetchedAt: string): void {
  db.update(httpCache).set({ fetchedAt }).where(eq(httpCache.url, url)).run();
}

export function getSyncState(db: Db, key: string): string | undefined {
  return db.select({ value: syncState.value }).from(syncState).where(eq(syncState.key, key)).get()?.value;
}

export function setSyncState(db: Db, key: string, value: string): void {
  const row = { key, value, updatedAt: new Date().toISOString() };
  db.insert(syncState).values(row).onConflictDoUpdate({ target: syncState.key, set: row }).run();
}

/** Keys under a prefix (`edgar:filing:`), for status reports and tests. */
export function listSyncState(db: Db, prefix: string): { key: string; value: string }[] {
  return db
    .select({ key: syncState.key, value: syncState.value })
    .from(syncState)
    .where(sql`substr(${syncState.key}, 1, ${prefix.length}) = ${prefix}`)
    .all();
}
