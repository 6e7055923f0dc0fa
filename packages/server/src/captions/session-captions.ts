import type { Logger } from 'pino';
import { canModerate, type CaptionsState, type ParticipantInfo, type ServerMessage } from '@parley/protocol';
import { systemScheduler, type Clock, type Scheduler } from '../clock.js';
import type { Config } from '../config.js';
import { ParleyError } from '../errors.js';
import { freeRtpPortPair } from '../free-port.js';
import type { AudioTaps, MediaRoom, RtpAudioFormat } from '../media/media-backend.js';
import type { RoomFeatures } from '../rooms/room.js';
import { SerialQueue } from '../rooms/serial-queue.js';
import { ParticipantTranscriber } from './participant-transcriber.js';
import type { SpeechRecognizer } from './speech-recognizer.js';

export interface SessionCaptionsDeps {
  speechRecognizer: SpeechRecognizer;
  config: Pick<Config, 'ffmpegBinary'>;
  clock: Clock;
  /** Runs the decoders' restarts; the system's timers unless a test drives its own. */
  scheduler?: Scheduler;
  logger: Logger;
}

/** The live session being captioned, as its captions need it. */
export interface CaptionedSession {
  id: string;
  mediaRoom: Pick<MediaRoom, 'startAudioTaps' | 'stopAudioTaps'>;
  /** The room's features as they are now (the API may change them during the session). */
  features(): RoomFeatures;
  /** A participant's display name now, while they are in the session. */
  displayNameOf(participantId: string): string | undefined;
  /** To everyone in the session. */
  broadcast(message: ServerMessage): void;
}

/**
 * Live captions of one session: off until a moderator turns them on (in a room that offers them),
 * then every microphone in the meeting is transcribed, those of people who arrive later included, and
 * each utterance goes to everyone as a `caption`. Turning them off, the room's captions being turned
 * off through the API, and the session's end stop every process they started. Changes are carried out
 * one at a time.
 */
export class SessionCaptions {
  private active = false;
  private closed = false;
  private readonly transcribers = new Map<string, ParticipantTranscriber>();
  /** Transcribers of taps that closed, until their processes are gone. */
  private readonly stopping = new Set<Promise<void>>();
  private readonly queue = new SerialQueue();

  constructor(
    private readonly session: CaptionedSession,
    private readonly deps: SessionCaptionsDeps,
  ) {}

  state(): CaptionsState {
    return { active: this.active, language: this.deps.speechRecognizer.language };
  }

  /**
   * A moderator turns captions on or off for everyone (nothing changes when they already are). Rejects
   * with `forbidden` for anyone else; turning them on, with `captions_unavailable` when the room's
   * captions are off and `speech_recognizer_unavailable` when the server cannot recognise speech.
   */
  set(by: Pick<ParticipantInfo, 'id' | 'role'>, active: boolean): Promise<void> {
    return this.queue.run(async () => {
      if (!canModerate(by.role)) throw ParleyError.forbidden('Only the host or a co-host can turn captions on or off');
      if (this.closed) throw ParleyError.conflict('This meeting has ended');
      if (active === this.active) return;
      if (active) await this.turnOn();
      else await this.turnOff();
      this.deps.logger.info({ sessionId: this.session.id, participantId: by.id, active }, active ? 'captions turned on' : 'captions turned off');
    });
  }

  /** Captions were on when this node took the meeting over: they go on, as a moderator had asked. */
  restore(): Promise<void> {
    return this.queue.run(async () => {
      if (this.closed || this.active) return;
      await this.turnOn();
      this.deps.logger.info({ sessionId: this.session.id }, 'captions back on after the takeover');
    });
  }

  /** The room changed through an API: captions it no longer offers stop. */
  followFeatures(): Promise<void> {
    return this.queue.run(async () => {
      if (!this.active || this.session.features().captions) return;
      await this.turnOff();
      this.deps.logger.info({ sessionId: this.session.id }, 'captions turned off with the room\'s captions');
    });
  }

  /** The operating system's ids of every process captioning the session now. */
  processIds(): number[] {
    return [...this.transcribers.values()].flatMap((transcriber) => transcriber.processIds());
  }

  /** The session is ending: everything stops, and nobody is told (everyone is leaving). */
  close(): Promise<void> {
    return this.queue.run(async () => {
      this.closed = true;
      if (this.active) await this.stopTranscribing();
      this.active = false;
    });
  }

  private async turnOn(): Promise<void> {
    if (!this.session.features().captions) throw new ParleyError('captions_unavailable', 'Captions are turned off in this meeting');
    const unavailable = await this.deps.speechRecognizer.unavailableReason();
    if (unavailable) {
      this.deps.logger.error({ sessionId: this.session.id, reason: unavailable }, 'captions were asked for, but the speech recognizer cannot run');
      throw new ParleyError('speech_recognizer_unavailable', 'Live captions are not available on this server: its speech recognizer is not installed');
    }
    await this.session.mediaRoom.startAudioTaps(this.taps());
    this.active = true;
    this.announce();
  }

  private async turnOff(): Promise<void> {
    await this.stopTranscribing();
    this.active = false;
    this.announce();
  }

  private async stopTranscribing(): Promise<void> {
    // A media server that is gone (it restarted) forwards nothing any more: the processes still stop.
    await this.session.mediaRoom.stopAudioTaps().catch((error: Error) =>
      this.deps.logger.warn({ err: error, sessionId: this.session.id }, 'the media server did not stop copying microphones'),
    );
    for (const participantId of [...this.transcribers.keys()]) this.stopTranscriber(participantId);
    await Promise.all(this.stopping);
  }

  private stopTranscriber(participantId: string): void {
    const transcriber = this.transcribers.get(participantId);
    if (!transcriber) return;
    this.transcribers.delete(participantId);
    const stopped = transcriber.stop().finally(() => this.stopping.delete(stopped));
    this.stopping.add(stopped);
  }

  /** Where the media server copies each microphone: a transcriber of its own, listening on a free port. */
  private taps(): AudioTaps {
    return {
      open: async (participantId: string, format: RtpAudioFormat) => {
        this.stopTranscriber(participantId);
        const port = await freeRtpPortPair();
        const transcriber = new ParticipantTranscriber({
          port,
          format,
          ffmpeg: this.deps.config.ffmpegBinary,
          recognizer: this.deps.speechRecognizer,
          onUtterance: (text) => this.caption(participantId, text),
          scheduler: this.deps.scheduler ?? systemScheduler,
          logger: this.deps.logger.child({ sessionId: this.session.id, participantId }),
        });
        this.transcribers.set(participantId, transcriber);
        transcriber.start();
        return { port };
      },
      close: (participantId: string) => this.stopTranscriber(participantId),
    };
  }

  private caption(participantId: string, text: string): void {
    const displayName = this.session.displayNameOf(participantId);
    if (!this.active || displayName === undefined) return;
    this.session.broadcast({ type: 'caption', caption: { participantId, displayName, text, at: this.deps.clock.now().toISOString() } });
  }

  private announce(): void {
    this.session.broadcast({ type: 'captions-state', captions: this.state() });
  }
}
