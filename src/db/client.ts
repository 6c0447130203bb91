import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DB_PATH = resolve(PROJECT_ROOT, 'data', 'hashledger.db');

/** Database path: the flag, else HASHLEDGER_DB, else data/hashledger.db. */
export function resolveDbPath(flag?: string): string {
  const p = flag ?? process.env.HASHLEDGER_DB ?? DEFAULT_DB_PATH;
  return p === ':memory:' ? p : resolve(p);
}

/**
 * Opens (creating if needed) and migrates the database. WAL and a busy timeout let two
 * processes ingest into one file at once without "database is locked" failures.
 */
export function openDb(path: string = resolveDbPath()): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('busy_timeout = 15000');
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema }) as Db;
  try {
    migrate(db, { migrationsFolder: MIGRATIONS });
  } catch (err) {
    // Two processes opening a fresh file at once can both see "no migrations applied" before
    // either takes the write lock; the loser fails with "already exists". By then the winner
    // has applied them, so one more pass finds nothing to do.
    if (!/already exists/i.test((err as Error).message)) throw err;
    migrate(db, { migrationsFolder: MIGRATIONS });
  }
  return db;
}
