import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runTool } from '../tool-run.js';
import { layoutTimeline, type LayoutSegment } from './layout-timeline.js';
import { CANVAS, FRAME_RATE, type RecordedTrack } from './recorded-track.js';

export interface CompositionRequest {
  tracks: readonly RecordedTrack[];
  durationMs: number;
  /** Scratch folder for intermediate files; the caller removes it. */
  workDir: string;
  /** The MP4 to write. */
  output: string;
  ffmpeg?: string;
  /** For each ffmpeg run; a 2-hour meeting's longest step stays far below the default. */
  stepTimeoutMs?: number;
  /** How many ffmpeg runs at once; one per core by default. */
  concurrency?: number;
  /** Called after each ffmpeg run with how many of them are done, of how many. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the ffmpeg runs under way; the composition then rejects with the signal's reason. */
  signal?: AbortSignal;
}

const DEFAULT_STEP_TIMEOUT_MS = 30 * 60_000;

/**
 * Stretches of one layout longer than this are encoded in pieces. ffmpeg decodes, lays out and
 * encodes one stretch mostly on one core: pieces (and the audio) are encoded side by side, one per
 * core. Each piece starts on a keyframe, so they join all the same.
 */
const MAX_PIECE_MS = 15_000;

/**
 * Composes a recorded session into one MP4 (H.264 + AAC) showing the meeting as it was: each stretch
 * of the layout timeline is encoded on its own (only the videos on screen then are decoded), the
 * stretches are joined without re-encoding, and every audio track is mixed in at its own start time.
 * Throws a `ToolFailure` (the reason) when ffmpeg fails, after stopping the runs beside it; the
 * tracks are left untouched.
 */
export async function composeRecording(request: CompositionRequest): Promise<void> {
  const ffmpeg = request.ffmpeg ?? 'ffmpeg';
  const timeout = request.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  const pieces = inPieces(layoutTimeline(request.tracks, request.durationMs), MAX_PIECE_MS);
  // One run per piece, the audio, then the two joined.
  const total = pieces.length + 2;
  let done = 0;
  const failed = new AbortController();
  const signal = request.signal ? AbortSignal.any([request.signal, failed.signal]) : failed.signal;
  const run = async (args: string[]): Promise<void> => {
    await runTool(ffmpeg, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args], { timeoutMs: timeout, signal });
    request.onProgress?.(++done, total);
  };
  await fs.mkdir(request.workDir, { recursive: true });

  const pieceFiles = pieces.map((_, index) => path.join(request.workDir, `segment-${index}.mp4`));
  const audio = path.join(request.workDir, 'audio.m4a');
  const audioTracks = request.tracks.filter((t) => t.kind === 'audio');
  await runSideBySide(
    [...pieces.map((piece, index) => () => run(segmentArgs(piece, pieceFiles[index] ?? ''))), () => run(audioArgs(audioTracks, segmentsEnd(pieces), audio))],
    request.concurrency ?? os.availableParallelism(),
    failed,
  );
  const list = path.join(request.workDir, 'segments.txt');
  await fs.writeFile(list, pieceFiles.map((f) => `file '${f.replaceAll("'", "'\\''")}'\n`).join(''));

  await run(['-f', 'concat', '-safe', '0', '-i', list, '-i', audio, '-map', '0:v', '-map', '1:a', '-c', 'copy', '-movflags', '+faststart', request.output]);
}

/** Runs the tasks, `limit` at a time, in order; the first failure stops the rest (through `failed`) and is thrown. */
async function runSideBySide(tasks: readonly (() => Promise<void>)[], limit: number, failed: AbortController): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length && !failed.signal.aborted) {
      const task = tasks[next++] as () => Promise<void>;
      await task().catch((error: unknown) => {
        failed.abort(error);
        throw error;
      });
    }
  };
  await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, lane));
  // Every failure aborted `failed` first: its reason is the first failure, not the aborts it caused beside it.
  if (failed.signal.aborted) throw failed.signal.reason;
}

/** The stretches cut into pieces of at most `maxMs` (whole frames, as the stretches are). */
function inPieces(segments: readonly LayoutSegment[], maxMs: number): LayoutSegment[] {
  return segments.flatMap((segment) => {
    const pieces: LayoutSegment[] = [];
    for (let startMs = segment.startMs; startMs < segment.endMs; startMs += maxMs) {
      pieces.push({ ...segment, startMs, endMs: Math.min(startMs + maxMs, segment.endMs) });
    }
    return pieces;
  });
}

function segmentsEnd(segments: readonly LayoutSegment[]): number {
  return segments.at(-1)?.endMs ?? 0;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** One stretch: a black canvas with each shown video fitted into its cell, centred. */
function segmentArgs(segment: LayoutSegment, output: string): string[] {
  const duration = seconds(segment.endMs - segment.startMs);
  const inputs: string[] = [];
  const filters = [`color=c=black:s=${CANVAS.width}x${CANVAS.height}:r=${FRAME_RATE}:d=${duration}[canvas0]`];
  segment.tiles.forEach((tile, i) => {
    // Input seeking decodes from the keyframe before the point: the picture is exact from frame one.
    inputs.push('-ss', seconds(Math.max(0, segment.startMs - tile.track.startMs)), '-t', duration, '-i', tile.track.file);
    filters.push(
      `[${i}:v]scale=${tile.width}:${tile.height}:force_original_aspect_ratio=decrease,setsar=1,fps=${FRAME_RATE},setpts=PTS-STARTPTS[tile${i}]`,
      `[canvas${i}][tile${i}]overlay=x=${tile.x}+(${tile.width}-w)/2:y=${tile.y}+(${tile.height}-h)/2:eof_action=pass[canvas${i + 1}]`,
    );
  });
  return [
    ...inputs,
    '-filter_complex', filters.join(';'),
    '-map', `[canvas${segment.tiles.length}]`,
    '-t', duration,
    '-r', String(FRAME_RATE),
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '26', '-pix_fmt', 'yuv420p',
    // Each stretch starts on a keyframe, so the stretches join without re-encoding.
    '-g', String(FRAME_RATE * 4),
    '-an', output,
  ];
}

/** Every audio track at its own start time, mixed at full level; silence where nobody had audio. */
function audioArgs(tracks: readonly RecordedTrack[], durationMs: number, output: string): string[] {
  const duration = seconds(durationMs);
  const inputs: string[] = ['-f', 'lavfi', '-t', duration, '-i', 'anullsrc=r=48000:cl=stereo'];
  const labels = ['[0:a]'];
  const filters: string[] = [];
  tracks.forEach((track, i) => {
    const skip = Math.max(0, -track.startMs);
    inputs.push(...(skip > 0 ? ['-ss', seconds(skip)] : []), '-i', track.file);
    filters.push(`[${i + 1}:a]aresample=48000,aformat=channel_layouts=stereo,adelay=delays=${Math.max(0, Math.round(track.startMs))}:all=1[voice${i}]`);
    labels.push(`[voice${i}]`);
  });
  // The silent track sets the length: the mix lasts exactly as long as the video.
  filters.push(`${labels.join('')}amix=inputs=${labels.length}:duration=first:normalize=0[mix]`);
  return [...inputs, '-filter_complex', filters.join(';'), '-map', '[mix]', '-t', duration, '-c:a', 'aac', '-b:a', '128k', output];
}
