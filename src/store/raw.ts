import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../db/client.ts';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function defaultStoreDir(): string {
  return resolve(process.env.HASHLEDGER_STORE ?? join(PROJECT_ROOT, 'data', 'raw'));
}

/**
 * Content-addressed store of raw document bytes: `ab/abcdef…` by sha256. Writes go to a temp
 * file then rename, so an interrupted run never leaves a half-written document under its name.
 */
export class RawStore {
  constructor(readonly dir: string = defaultStoreDir()) {}

  pathOf(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  put(bytes: Uint8Array): string {
    const sha = sha256Hex(bytes);
    const path = this.pathOf(sha);
    if (existsSync(path)) return sha;
    mkdirSync(join(this.dir, sha.slice(0, 2)), { recursive: true });
    const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
    return sha;
  }

  get(sha256: string): Buffer {
    return readFileSync(this.pathOf(sha256));
  }
}
