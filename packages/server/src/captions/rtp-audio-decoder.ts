import type { Logger } from 'pino';
import type { Scheduler } from '../clock.js';
import type { RtpAudioFormat } from '../media/media-backend.js';
import { RECOGNIZER_PCM } from './speech-recognizer.js';
import { ToolProcess } from './tool-process.js';

/**
 * Seconds ffmpeg waits for a stream that sends nothing before it exits (twice this, in practice: once
 * to probe the stream, once to read it). A microphone a moderator stopped sends nothing, nor does one
 * whose owner left without Parley noticing (Parley crashed): ffmpeg then ends by itself.
 */
const SILENT_STREAM_TIMEOUT_S = 10;
/** How soon a decoder that ended is started again: at once after a long run, backing off when it keeps failing. */
const RESTART_DELAY_MS = { first: 500, max: 30_000 };
/** A run shorter than this was a failure to start (a missing binary, a port taken), not a stream gone quiet. */
const SHORT_RUN_MS = 5_000;

export interface RtpAudioDecoderOptions {
  ffmpeg: string;
  /** The local UDP port the RTP arrives on (the next one up takes its RTCP). */
  port: number;
  format: RtpAudioFormat;
  /** Decoded audio, as `RECOGNIZER_PCM`, piece by piece as it arrives. */
  onPcm: (pcm: Buffer) => void;
  scheduler: Scheduler;
  logger: Logger;
}

/**
 * Decodes one RTP audio stream, arriving on a local UDP port, to `RECOGNIZER_PCM` with ffmpeg for as
 * long as it is wanted. An ffmpeg that ends (the stream went quiet for a while, see
 * `SILENT_STREAM_TIMEOUT_S`) is started again, so a microphone that comes back is heard again.
 */
export class RtpAudioDecoder {
  private tool: ToolProcess | undefined;
  private stopped = false;
  private restartDelayMs = RESTART_DELAY_MS.first;
  private cancelRestart: (() => void) | undefined;

  constructor(private readonly options: RtpAudioDecoderOptions) {}

  /** The running ffmpeg's process id. */
  get pid(): number | undefined {
    return this.tool?.pid;
  }

  start(): void {
    if (this.stopped || this.tool) return;
    const { ffmpeg, port, format, logger } = this.options;
    const startedAt = Date.now();
    this.tool = new ToolProcess(ffmpeg, decoderArguments(port, format), {
      input: false,
      onOutput: this.options.onPcm,
      onExit: (reason) => {
        this.tool = undefined;
        if (this.stopped) return;
        const failedToStart = Date.now() - startedAt < SHORT_RUN_MS;
        this.restartDelayMs = failedToStart ? Math.min(this.restartDelayMs * 2, RESTART_DELAY_MS.max) : RESTART_DELAY_MS.first;
        if (failedToStart) logger.warn({ port, reason, retryInMs: this.restartDelayMs }, 'the captions decoder failed; starting it again');
        else logger.debug({ port, reason }, 'the captions decoder ended (the microphone went quiet); starting it again');
        this.cancelRestart = this.options.scheduler.after(this.restartDelayMs, () => this.start());
      },
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelRestart?.();
    await this.tool?.stop();
    this.tool = undefined;
  }
}

/** ffmpeg's arguments: the stream described by an SDP (given inline), out as raw PCM on stdout. */
export function decoderArguments(port: number, format: RtpAudioFormat): string[] {
  const sdp = [
    'v=0',
    'o=- 0 0 IN IP4 127.0.0.1',
    's=Parley captions',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    `m=audio ${port} RTP/AVP ${format.payloadType}`,
    `a=rtpmap:${format.payloadType} ${format.codec}/${format.clockRate}/${format.channels}`,
    '',
  ].join('\r\n');
  return [
    '-hide_banner',
    '-loglevel', 'error',
    '-nostdin',
    '-protocol_whitelist', 'data,udp,rtp',
    '-listen_timeout', String(SILENT_STREAM_TIMEOUT_S),
    '-i', `data:application/sdp;base64,${Buffer.from(sdp).toString('base64')}`,
    '-vn',
    '-ac', String(RECOGNIZER_PCM.channels),
    '-ar', String(RECOGNIZER_PCM.sampleRate),
    '-f', 's16le',
    // Each decoded packet leaves at once, not once ffmpeg's output buffer is full (a second of audio).
    '-flush_packets', '1',
    'pipe:1',
  ];
}
