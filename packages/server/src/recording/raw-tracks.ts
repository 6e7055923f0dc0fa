import fs from 'node:fs/promises';
import path from 'node:path';
import type { StreamSource } from '@parley/protocol';
import { runTool, ToolFailure } from './tool-run.js';

/** One stream as the media server recorded it: an `.mjr` file, and what it holds. */
export interface RawTrack {
  participantId: string;
  kind: 'audio' | 'video';
  source: StreamSource;
  codec: string;
  file: string;
  /** When its first packet arrived, in ms since the epoch (the media server's clock, which is ours). */
  startedAtMs: number;
  durationMs: number;
}

/** What `janus-pp-rec --extended-json` prints of an `.mjr` file: its header, and a summary of its packets. */
interface MjrSummary {
  t?: unknown;
  c?: unknown;
  d?: unknown;
  u?: unknown;
  extended?: { packets?: unknown; duration?: unknown };
}

const SOURCES: readonly StreamSource[] = ['microphone', 'camera', 'screen', 'screen-audio'];

/**
 * The streams recorded in `folder` for one session, oldest first. Janus's VideoRoom names each file
 * `videoroom-<room>-user-<participant>-<µs>-<audio|video|data>-<m-line>.mjr` (the room is the session);
 * its header says when its first packet arrived and, as its description, the stream's source (what
 * Parley told Janus when it was published). Files that never received a packet (a stream that never
 * flowed) are left out; data channels are not media. Rejects with a `ToolFailure` for a file
 * `janus-pp-rec` cannot read.
 */
export async function readRawTracks(folder: string, sessionId: string, tool: { janusPpRec: string; timeoutMs: number; signal?: AbortSignal }): Promise<RawTrack[]> {
  const prefix = `videoroom-${sessionId}-user-`;
  const names = (await fs.readdir(folder)).filter((name) => name.startsWith(prefix) && name.endsWith('.mjr')).sort();
  const tracks: RawTrack[] = [];
  for (const name of names) {
    const parsed = /^(.+)-\d+-(audio|video)-\d+\.mjr$/.exec(name.slice(prefix.length));
    if (!parsed) continue;
    const [, participantId = '', kind = 'audio'] = parsed;
    const file = path.join(folder, name);
    const output = (
      await runTool(tool.janusPpRec, ['--extended-json', '--disable-colors', file], { timeoutMs: tool.timeoutMs, signal: tool.signal }).catch((error: unknown) => {
        throw error instanceof ToolFailure ? new ToolFailure(`Cannot read the recorded stream ${name}: ${error.message}`) : error;
      })
    ).trim();
    // A file Janus opened but never wrote a packet to has no header: janus-pp-rec prints `(null)`.
    if (!output.startsWith('{')) continue;
    const summary = JSON.parse(output) as MjrSummary;
    if (Number(summary.extended?.packets ?? 0) === 0) continue;
    tracks.push({
      participantId,
      kind: kind === 'video' ? 'video' : 'audio',
      source: sourceOf(summary.d, kind === 'video' ? 'camera' : 'microphone'),
      codec: String(summary.c),
      file,
      startedAtMs: Number(summary.u) / 1000,
      durationMs: Number(summary.extended?.duration ?? 0) * 1000,
    });
  }
  return tracks.sort((a, b) => a.startedAtMs - b.startedAtMs);
}

/** A stream published by a client other than Parley's page may have no description: its kind's usual source. */
function sourceOf(description: unknown, usual: StreamSource): StreamSource {
  return SOURCES.find((source) => source === description) ?? usual;
}
