import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

/** Extensions ingest picks up when walking a folder (format is still decided from content). */
export const DOCUMENT_EXTENSIONS = new Set(['.htm', '.html', '.xhtml', '.pdf', '.xlsx', '.xls', '.txt', '.md', '.text', '.json']);
/** Metadata files that sit beside documents (provenance, indexes, labels) are not documents. */
const SIDECAR_NAMES = new Set(['provenance.json', 'index.json', 'expected-facts.json', 'package.json']);

/** Expands files and folders (recursively) into a sorted list of document paths. */
export function listDocumentPaths(inputs: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.')) continue;
        const child = join(p, name);
        const cst = statSync(child, { throwIfNoEntry: false });
        if (cst?.isDirectory()) walk(child);
        else if (DOCUMENT_EXTENSIONS.has(extname(name).toLowerCase()) && !SIDECAR_NAMES.has(name.toLowerCase())) files.push(child);
      }
    } else files.push(p);
  };
  for (const i of inputs) walk(resolve(i));
  return { files, missing };
}
