/** The report's only I/O: writes rendered files under one directory. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export function writeReportFiles(outDir: string, files: ReadonlyMap<string, string | Buffer>): string[] {
  const written: string[] = [];
  for (const [name, contents] of files) {
    const path = resolve(outDir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, contents);
    written.push(path);
  }
  return written;
}
