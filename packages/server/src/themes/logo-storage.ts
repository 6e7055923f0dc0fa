import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { localFileOfKey } from '../storage-keys.js';

/**
 * Where logo files live, by storage key. Deliberately narrow (put, get, move, delete) so an
 * S3-compatible store can stand in for the local folder without touching its callers.
 */
export interface LogoStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** `undefined` when nothing is stored under the key. */
  get(key: string): Promise<Buffer | undefined>;
  move(from: string, to: string): Promise<void>;
  /** Deleting a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
}

/** Logos as files under one folder (`<data folder>/logos`), one file per key. */
export class LocalLogoStorage implements LogoStorage {
  constructor(private readonly root: string) {}

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.fileOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Written aside then renamed, so a reader never sees half a file.
    const partial = `${file}.${randomUUID()}.partial`;
    try {
      await fs.writeFile(partial, bytes);
      await fs.rename(partial, file);
    } catch (error) {
      await fs.rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await fs.readFile(this.fileOf(key));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async move(from: string, to: string): Promise<void> {
    const target = this.fileOf(to);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.rename(this.fileOf(from), target);
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.fileOf(key), { force: true });
  }

  private fileOf(key: string): string {
    return localFileOfKey(this.root, key, 'logo');
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
