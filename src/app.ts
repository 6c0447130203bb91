import { openDb, resolveDbPath, type Db } from './db/client.ts';
import { upsertCompanies } from './db/queries.ts';
import type { Company } from './model/company.ts';
import { loadRegistry } from './registry/companies.ts';
import { RawStore } from './store/raw.ts';

/** What every command works with: the migrated database, the raw store and the registry. */
export interface App {
  db: Db;
  dbPath: string;
  store: RawStore;
  companies: Company[];
  close(): void;
}

export function openApp(opts: { dbPath?: string; storeDir?: string; registryPath?: string } = {}): App {
  const dbPath = resolveDbPath(opts.dbPath);
  const db = openDb(dbPath);
  const companies = loadRegistry(opts.registryPath);
  upsertCompanies(db, companies);
  return {
    db,
    dbPath,
    store: new RawStore(opts.storeDir),
    companies,
    close: () => db.$client.close(),
  };
}
