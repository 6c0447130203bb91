import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../db/client.ts';
import { ValidationError } from '../errors.ts';
import { CompanyRegistry, type Company } from '../model/company.ts';

export const DEFAULT_REGISTRY_PATH = resolve(PROJECT_ROOT, 'data', 'companies.json');

/** Validates registry JSON text; errors name the field (`companies[3].cik`). */
export function parseRegistry(json: string, file = 'companies.json'): Company[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new ValidationError(`not valid JSON (${(err as Error).message})`, { file });
  }
  const parsed = CompanyRegistry.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(z.prettifyError(parsed.error).split('\n')[0] ?? 'invalid registry', {
      file,
      field: issue?.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, ''),
    });
  }
  const seen = new Set<string>();
  for (const c of parsed.data.companies) {
    if (seen.has(c.ticker)) throw new ValidationError(`duplicate ticker ${c.ticker}`, { file, field: 'ticker' });
    seen.add(c.ticker);
  }
  return parsed.data.companies;
}

let cached: Company[] | undefined;
export function loadRegistry(path = DEFAULT_REGISTRY_PATH): Company[] {
  if (path === DEFAULT_REGISTRY_PATH && cached) return cached;
  const list = parseRegistry(readFileSync(path, 'utf8'), path);
  if (path === DEFAULT_REGISTRY_PATH) cached = list;
  return list;
}

export function findCompany(list: readonly Company[], tickerOrName: string): Company | undefined {
  const q = tickerOrName.trim().toLowerCase();
  return (
    list.find((c) => c.ticker.toLowerCase() === q) ??
    list.find((c) => c.name.toLowerCase() === q || c.aliases.some((a) => a.toLowerCase() === q))
  );
}
