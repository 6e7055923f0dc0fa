import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { RecordingsRepository } from '../store/recordings-repository.js';
import type { SessionsRepository } from '../store/sessions-repository.js';
import { composeRecording } from './composition/compose-recording.js';
import type { RecordedTrack } from './composition/recorded-track.js';
import { readRawTracks, type RawTrack } from './raw-tracks.js';
import type { RecordingDownloadLinks } from './recording-download-links.js';
import { rawRecordingFolder, recordingWorkFolder } from './recording-folders.js';
import { recordingFileKey, type RecordingStorage } from './recording-storage.js';
import type { Recording } from './recording.js';
import { runTool } from './tool-run.js';
import { videoGaps } from './video-gaps.js';

export interface RecordingProcessorDeps {
  recordings: Pick<RecordingsRepository, 'setProgress' | 'markUploaded' | 'markFailed'>;
  sessions: Pick<SessionsRepository, 'listParticipants'>;
  recordingStorage: RecordingStorage;
  recordingDownloadLinks: Pick<RecordingDownloadLinks, 'linkTo'>;
  config: Pick<Config, 'dataDir' | 'ffmpegBinary' | 'janusPpRecBinary'>;
  clock: Clock;
  logger: Logger;
}

/** How far along post-processing is once the streams are playable files, and once they are composed. */
const CONVERTED_PERCENT = 15;
const COMPOSED_PERCENT = 95;

/** `janus-pp-rec` reads and writes at disk speed (~40 ms for a short stream): minutes would mean it hangs. */
const CONVERSION_TIMEOUT_MS = 10 * 60_000;

/**
 * Post-processing of one recording: the media server's raw streams (`.mjr`) become playable files
 * (`janus-pp-rec`), which become one MP4 showing the meeting as it was (`composeRecording`), aligned
 * by each stream's own start time; the MP4 goes to recording storage and the recording is `uploaded`.
 * A failure (a tool that crashed, a full disk) marks it `failed` with the reason and keeps the raw
 * streams, so a retry can process it again; success removes them.
 */
export class RecordingProcessor {
  constructor(private readonly deps: RecordingProcessorDeps) {}

  /** Processes a recording the caller claimed (`processing`). Rejects only when `signal` aborted it. */
  async process(recording: Recording, signal?: AbortSignal): Promise<void> {
    const { config, logger } = this.deps;
    const raw = rawRecordingFolder(config.dataDir, recording.id);
    const work = recordingWorkFolder(config.dataDir, recording.id);
    const started = Date.now();
    try {
      const output = await this.compose(recording, raw, work, signal);
      const key = recordingFileKey(recording.id);
      const byteSize = await this.deps.recordingStorage.putFile(key, output);
      const uploaded = await this.deps.recordings.markUploaded(
        recording.id,
        { filePath: key, byteSize },
        this.deps.recordingDownloadLinks.linkTo(recording.id),
        this.deps.clock.now().toISOString(),
      );
      // No longer `processing` (another worker's, after a restart): the file stored here must not linger.
      if (!uploaded) await this.deps.recordingStorage.delete(key);
      await fs.rm(raw, { recursive: true, force: true });
      logger.info({ recordingId: recording.id, byteSize, seconds: (Date.now() - started) / 1000 }, 'recording processed');
    } catch (error) {
      // Stopped by the server shutting down: left `processing`, it is processed again on the next start.
      if (signal?.aborted) throw error;
      const reason = failureReasonOf(error);
      logger.warn({ err: error, recordingId: recording.id }, 'recording post-processing failed');
      await this.deps.recordings.markFailed(recording.id, reason);
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
  }

  /** Makes the recording's MP4 in `work`; answers its path. */
  private async compose(recording: Recording, raw: string, work: string, signal: AbortSignal | undefined): Promise<string> {
    const { config } = this.deps;
    if (recording.endedAt === null) throw new Error(`Recording ${recording.id} has not ended`);
    const startMs = Date.parse(recording.startedAt);
    const durationMs = Date.parse(recording.endedAt) - startMs;
    const tool = { timeoutMs: CONVERSION_TIMEOUT_MS, signal };
    const recorded = await readRawTracks(raw, recording.sessionId, { janusPpRec: config.janusPpRecBinary, ...tool });
    // A black, silent file would hide that the media server could not write (a protected or full
    // folder): a recording of nothing fails, saying so.
    if (recorded.length === 0) {
      throw new Error(`Nothing was recorded: no stream reached ${raw} (nobody sent audio or video, or the media server could not write there)`);
    }
    const shown = recording.onlyOwner ? await this.ownersAndScreens(recording.sessionId, recorded) : recorded;

    await fs.mkdir(work, { recursive: true });
    const progress = new ProgressReporter((percent) => this.deps.recordings.setProgress(recording.id, percent));
    const tracks: RecordedTrack[] = [];
    for (const [index, track] of shown.entries()) {
      const file = path.join(work, `${index}-${track.kind}.${playableExtensionOf(track)}`);
      await runTool(config.janusPpRecBinary, ['--disable-colors', '--debug-level', '3', track.file, file], tool);
      const offsetMs = track.startedAtMs - startMs;
      const gaps = track.kind === 'video' ? await videoGaps(file, config.ffmpegBinary, tool) : [];
      tracks.push({
        participantId: track.participantId,
        kind: track.kind,
        source: track.source === 'screen' || track.source === 'screen-audio' ? 'screen' : 'camera',
        file,
        startMs: offsetMs,
        endMs: offsetMs + track.durationMs,
        gaps: gaps.map((gap) => ({ startMs: offsetMs + gap.startMs, endMs: offsetMs + gap.endMs })),
      });
      await progress.report(((index + 1) / shown.length) * CONVERTED_PERCENT);
    }

    const output = path.join(work, 'recording.mp4');
    let composed = Promise.resolve();
    await composeRecording({
      tracks,
      durationMs,
      workDir: path.join(work, 'composition'),
      output,
      ffmpeg: config.ffmpegBinary,
      signal,
      onProgress: (done, total) => {
        composed = composed.then(() => progress.report(CONVERTED_PERCENT + (done / total) * (COMPOSED_PERCENT - CONVERTED_PERCENT)));
      },
    });
    await composed;
    return output;
  }

  /**
   * `record_only_owner`: "only the owner screen or any share screen of the video" (Vonage). Every
   * voice is kept, and every screen share; of the cameras, only the host's (those who came in
   * through the host URL).
   */
  private async ownersAndScreens(sessionId: string, tracks: RawTrack[]): Promise<RawTrack[]> {
    const hosts = new Set((await this.deps.sessions.listParticipants(sessionId)).filter((p) => p.role === 'host').map((p) => p.id));
    return tracks.filter((track) => track.source !== 'camera' || hosts.has(track.participantId));
  }
}

/** The container `janus-pp-rec` writes a stream's codec to, as ffmpeg reads it back. */
function playableExtensionOf(track: RawTrack): string {
  if (track.kind === 'audio') return track.codec === 'opus' || track.codec === 'multiopus' ? 'opus' : 'wav';
  return track.codec === 'vp8' || track.codec === 'vp9' ? 'webm' : 'mp4';
}

/** Stores progress in whole percents, only when it moved, one write at a time. */
class ProgressReporter {
  private last = 0;

  constructor(private readonly store: (percent: number) => Promise<void>) {}

  async report(percent: number): Promise<void> {
    const rounded = Math.floor(percent);
    if (rounded <= this.last) return;
    this.last = rounded;
    await this.store(rounded);
  }
}

/** The sentence a failed recording keeps: what went wrong, in the words of whatever failed. */
function failureReasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if ((error as NodeJS.ErrnoException).code === 'ENOSPC' || /no space left on device/i.test(message)) {
    return `The disk is full: ${message}`;
  }
  return message;
}
