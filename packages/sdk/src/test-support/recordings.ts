import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RunningServer } from './parley-server.js';

export interface InsertedRecording {
  roomId: string;
  sessionId: string;
  uploadedId: string;
  /** A recording still being made: no file, not deletable. */
  startedId: string;
  /** The uploaded recording's file, as written to the data folder. */
  fileBytes: Buffer;
  filePath: string;
}

/**
 * A finished session of `roomId` with two recordings, written through the server's repositories as the
 * recording pipeline (a later part of Parley) will: one uploaded with a real file, one still started.
 */
export async function insertRecordings(server: RunningServer, roomId: string): Promise<InsertedRecording> {
  const { sessions, recordings } = server.services;
  const sessionId = randomUUID();
  const startedAt = new Date(Date.now() - 120_000);
  await sessions.start({ id: sessionId, roomId, startedAt: startedAt.toISOString() });

  const uploadedId = randomUUID();
  const relativePath = path.join('recordings', `${uploadedId}.mp4`);
  const filePath = path.join(server.dataDir, relativePath);
  // Bytes of an ISO media file's first box, then a marker: a small, real file to download back.
  const fileBytes = Buffer.concat([Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'), Buffer.from(`recording ${uploadedId}`)]);
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  fs.writeFileSync(filePath, fileBytes);
  const at = (offsetMs: number) => new Date(startedAt.getTime() + offsetMs).toISOString();
  await recordings.insert({
    id: uploadedId,
    roomId,
    sessionId,
    status: 'uploaded',
    startedAt: at(1_000),
    endedAt: at(39_000),
    filePath: relativePath,
    byteSize: fileBytes.length,
    onlyOwner: false,
    progress: 100,
    failureReason: null,
    createdAt: at(1_000),
  });
  const startedId = randomUUID();
  await recordings.insert({ id: startedId, roomId, sessionId, status: 'started', startedAt: at(60_000), endedAt: null, filePath: null, byteSize: null, onlyOwner: false, progress: 0, failureReason: null, createdAt: at(60_000) });
  return { roomId, sessionId, uploadedId, startedId, fileBytes, filePath };
}
