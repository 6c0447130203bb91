/**
 * The benchmark and concurrency tests' corpus: copies of the real press-release fixtures
 * (test/fixtures/<TICKER>/pr/), each made distinct by one footer line with a sequence number.
 * The figures are the fixture's own; nothing is invented. Copies go to a temporary folder.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_CORPUS = resolve(PROJECT_ROOT, '..', 'shared', 'corpus');

export interface Template {
  ticker: string;
  name: string;
  kind: 'html' | 'text';
  bytes: Buffer;
}

const TEXT_EXT = new Set(['.txt', '.md']);
const HTML_EXT = new Set(['.html', '.htm']);

/** Every press-release fixture (test/fixtures/<TICKER>/pr/*), sorted for a fixed corpus. */
export function pressReleaseTemplates(root = PROJECT_ROOT): Template[] {
  const base = join(root, 'test', 'fixtures');
  const out: Template[] = [];
  for (const ticker of readdirSync(base).sort()) {
    if (!/^[A-Z]{2,6}$/.test(ticker)) continue;
    let names: string[];
    try {
      names = readdirSync(join(base, ticker, 'pr')).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const ext = extname(name).toLowerCase();
      if (!TEXT_EXT.has(ext) && !HTML_EXT.has(ext)) continue;
      out.push({ ticker, name, kind: HTML_EXT.has(ext) ? 'html' : 'text', bytes: readFileSync(join(base, ticker, 'pr', name)) });
    }
  }
  return out;
}

/** The template with one line naming the copy: before </body> in HTML, at the end in text. */
export function withFooter(t: Template, seq: number): Buffer {
  const line = `Benchmark copy ${seq} of this release.`;
  if (t.kind === 'text') return Buffer.concat([t.bytes, Buffer.from(`\n\n${line}\n`)]);
  const s = t.bytes.toString('utf8');
  const at = s.toLowerCase().lastIndexOf('</body>');
  return Buffer.from(at >= 0 ? `${s.slice(0, at)}<p>${line}</p>\n${s.slice(at)}` : `${s}\n<p>${line}</p>\n`, 'utf8');
}

/**
 * Writes `count` distinct copies, cycling through the templates, as dir/<TICKER>/pr/<name>.
 * The copy number goes after the original name so the date in it still reads as the filing date.
 */
export function writeCopies(templates: readonly Template[], count: number, dir: string, offset = 0): string[] {
  if (!templates.length) throw new Error('no press-release fixtures under test/fixtures/<TICKER>/pr/');
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const seq = offset + i + 1;
    const t = templates[i % templates.length]!;
    const ext = extname(t.name);
    const folder = join(dir, t.ticker, 'pr');
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `${t.name.slice(0, -ext.length)}.copy${String(seq).padStart(5, '0')}${ext}`);
    writeFileSync(path, withFooter(t, seq));
    paths.push(path);
  }
  return paths;
}
