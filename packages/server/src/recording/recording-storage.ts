import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { localFileOfKey } from '../storage-keys.js';

/** Bytes `start` to `end` of a stored file, both included (as HTTP ranges count). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where playable recordings are kept, by key (`recordings/<id>.mp4`). Deliberately narrow so that an
 * S3-compatible store can stand in for the local disk without touching its callers: files go in
 * whole, come out as streams (a range of them, for players that seek), and are deleted.
 */
export interface RecordingStorage {
  /** Moves a finished file from the local disk into storage under `key`; answers its size in bytes. */
  putFile(key: string, localFile: string): Promise<number>;
  /** The size of what is stored under `key`; `undefined` when nothing is. */
  size(key: string): Promise<number | undefined>;
  /** What is stored under `key`, or only `range` of it. */
  read(key: string, range?: ByteRange): Readable;
  /** Deleting a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
}

/** The key a recording's playable file is stored under. */
export function recordingFileKey(recordingId: string): string {
  return `recordings/${recordingId}.mp4`;
}

/** Recordings as files under one folder (the data folder), one file per key. */
export class LocalRecordingStorage implements RecordingStorage {
  constructor(private readonly root: string) {}

  async putFile(key: string, localFile: string): Promise<number> {
    const target = this.fileOf(key);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    // Copied aside then renamed, so a reader never sees half a file; a rename alone would do on the
    // same disk, but the scratch folder may be on another.
    const partial = `${target}.${randomUUID()}.partial`;
    try {
      await fsp.copyFile(localFile, partial);
      await fsp.rename(partial, target);
    } catch (error) {
      await fsp.rm(partial, { force: true });
      throw error;
    }
    await fsp.rm(localFile, { force: true });
    return (await fsp.stat(target)).size;
  }

  async size(key: string): Promise<number | undefined> {
    try {
      const stat = await fsp.stat(this.fileOf(key));
      return stat.isFile() ? stat.size : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  read(key: string, range?: ByteRange): Readable {
    return fs.createReadStream(this.fileOf(key), range ? { start: range.start, end: range.end } : {});
  }

  async delete(key: string): Promise<void> {
    await fsp.rm(this.fileOf(key), { force: true });
  }

  private fileOf(key: string): string {
    return localFileOfKey(this.root, key, 'recording');
  }
}
