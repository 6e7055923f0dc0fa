import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Recording, RecordingStatus } from '../../../recording/recording.js';
import type { MeetingsHarness } from './meetings-harness.js';

let sampleMp4: Promise<string> | undefined;

/** A real one-second 64x48 mp4, made by ffmpeg once per test process. */
export function sampleRecordingFile(): Promise<string> {
  sampleMp4 ??= (async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-sample-mp4-'));
    const file = path.join(folder, 'sample.mp4');
    await promisify(execFile)('ffmpeg', [
      '-hide_banner', '-loglevel', 'error',
      '-f', 'lavfi', '-i', 'testsrc=duration=1:size=64x48:rate=10',
      '-c:v', 'mpeg4', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', file,
    ], { timeout: 30_000 });
    process.once('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
    return file;
  })();
  return sampleMp4;
}

export interface SeededRecording {
  recording: Recording;
  roomId: string;
  sessionId: string;
  /** Where the file is on disk, when the recording has one. */
  absoluteFile: string | null;
}

/**
 * A recording as the pipeline leaves it, of a fresh session of a fresh room of the harness's
 * application: `uploaded` recordings get a copy of the sample mp4 in the data folder.
 */
export async function seedRecording(
  h: MeetingsHarness,
  options: { status?: RecordingStatus; roomName?: string; sessionId?: string; startedAt?: string; failureReason?: string } = {},
): Promise<SeededRecording> {
  const status = options.status ?? 'uploaded';
  let sessionId = options.sessionId;
  let roomId: string;
  if (sessionId === undefined) {
    const room = (await h.call('POST', '/v1/meetings/rooms', { display_name: options.roomName ?? 'Recorded room' })).json() as { id: string };
    roomId = room.id;
    sessionId = randomUUID();
    await h.services.sessions.start({ id: sessionId, roomId, startedAt: h.clock.now().toISOString() });
  } else {
    const session = await h.services.sessions.find(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    roomId = session.roomId;
  }
  const id = randomUUID();
  const startedAt = options.startedAt ?? h.clock.now().toISOString();
  let filePath: string | null = null;
  let absoluteFile: string | null = null;
  let byteSize: number | null = null;
  if (status === 'uploaded') {
    filePath = path.join('recordings', `${id}.mp4`);
    absoluteFile = path.join(h.services.config.dataDir, filePath);
    fs.mkdirSync(path.dirname(absoluteFile), { recursive: true });
    fs.copyFileSync(await sampleRecordingFile(), absoluteFile);
    byteSize = fs.statSync(absoluteFile).size;
  }
  const recording: Recording = {
    id,
    roomId,
    sessionId,
    status,
    startedAt,
    endedAt: status === 'started' ? null : new Date(Date.parse(startedAt) + 9_000).toISOString(),
    filePath,
    byteSize,
    onlyOwner: false,
    progress: { started: 0, ended: 0, processing: 40, uploaded: 100, failed: 40 }[status],
    failureReason: status === 'failed' ? (options.failureReason ?? 'ffmpeg exited with 1: Invalid data found when processing input') : null,
    createdAt: startedAt,
  };
  await h.services.recordings.insert(recording);
  return { recording, roomId, sessionId, absoluteFile };
}
