import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
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
  /** shard folders known to exist: a mkdir per document was a visible part of ingest time */
  private readonly made = new Set<string>();

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
    const tmp = this.tempFor(sha, path);
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
    return sha;
  }

  /**
   * put, with the file written off this thread: creating a file costs about a millisecond here,
   * which a bulk ingest would otherwise spend idle. Same atomic temp-then-rename.
   */
  async putAsync(bytes: Uint8Array): Promise<string> {
    const sha = sha256Hex(bytes);
    const path = this.pathOf(sha);
    if (existsSync(path)) return sha;
    const tmp = this.tempFor(sha, path);
    await writeFile(tmp, bytes);
    await rename(tmp, path);
    return sha;
  }

  private tempFor(sha: string, path: string): string {
    const shard = join(this.dir, sha.slice(0, 2));
    if (!this.made.has(shard) || !existsSync(shard)) {
      mkdirSync(shard, { recursive: true });
      this.made.add(shard);
    }
    return `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  }

  get(sha256: string): Buffer {
    return readFileSync(this.pathOf(sha256));
  }
}
