import path from 'node:path';

/**
 * Where a recording's files live on the local disk while it is made, under the data folder: the media
 * server's raw streams (kept until the playable file is stored, so a failed recording can be processed
 * again), and post-processing's scratch files.
 */
export function rawRecordingFolder(dataDir: string, recordingId: string): string {
  return path.join(dataDir, 'recordings', 'raw', recordingId);
}

export function recordingWorkFolder(dataDir: string, recordingId: string): string {
  return path.join(dataDir, 'recordings', 'work', recordingId);
}
