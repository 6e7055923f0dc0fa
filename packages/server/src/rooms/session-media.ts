import type { Logger } from 'pino';
import { canModerate, canPublish, type PublishRequest, type ServerMessage, type StreamSource, type VideoTileView } from '@parley/protocol';
import { ParleyError } from '../errors.js';
import type { PublishedStream } from '../media/media-backend.js';
import type { LiveParticipant } from './live-participant.js';
import type { RoomFeatures } from './room.js';
import { offeredSources, publishRefusal } from './publish-policy.js';
import { SerialQueue } from './serial-queue.js';
import { planReception, type RemoteStream } from './video-reception.js';
import type { panelistMediaLimits } from './webinar-policy.js';

type MediaLimits = ReturnType<typeof panelistMediaLimits>;

interface Dependencies {
  /** Everyone in the session now. */
  participants: () => Iterable<LiveParticipant>;
  broadcast: (message: ServerMessage, exceptId?: string) => void;
  /** The most people who may send video (camera or screen) at once. */
  maxPresenters: number;
  /** Whether a participant receives the others' media now (a webinar's audience does only while it is live). */
  receivesMedia: (participant: LiveParticipant) => boolean;
  /** The room's features as they are now: whether everyone may share a screen. */
  features: () => Pick<RoomFeatures, 'screenSharing'>;
  /** What a participant's webinar lets them send (see `panelistMediaLimits`); meetings allow everything. */
  mediaLimits: (participant: LiveParticipant) => MediaLimits;
  logger: Logger;
}

/** What one participant sends and shows. */
interface MediaState {
  /** What they send, as accepted; claimed before the SFU answers so two offers cannot both pass. */
  sources: ReadonlySet<StreamSource>;
  /** The streams others can receive from them. */
  streams: readonly PublishedStream[];
  /** Their publisher's media reaches the SFU (nobody can subscribe before). */
  flowing: boolean;
  /** The others' videos their page shows; `undefined` until it first says. */
  view: readonly VideoTileView[] | undefined;
  speaking: boolean;
  /** One offer at a time, so each is checked against what the previous one left. */
  offers: SerialQueue;
}

/**
 * The media side of a live session: what each participant publishes (within the presenter limit, one
 * screen share at a time), what each receives (only the videos their page shows, at the layer each
 * tile needs), and who is speaking.
 */
export class SessionMedia {
  private readonly states = new Map<string, MediaState>();
  /** Who publishes streams now: what everyone receives is gathered from these few, not from everyone (a webinar's audience is large). */
  private readonly publishing = new Set<string>();

  constructor(private readonly deps: Dependencies) {}

  /** Starts following a participant who just joined (before they are announced). */
  add(participant: LiveParticipant): void {
    this.states.set(participant.id, { sources: new Set(), streams: [], flowing: false, view: undefined, speaking: false, offers: new SerialQueue() });
    participant.publisher.onFlowing((flowing) => {
      const state = this.states.get(participant.id);
      if (!state || state.flowing === flowing) return;
      state.flowing = flowing;
      if (state.streams.length > 0) this.refreshAll();
    });
    participant.publisher.onTalking((talking) => this.setSpeaking(participant, talking));
  }

  /** What the participant's webinar lets them send. */
  limitsOf(participant: LiveParticipant): MediaLimits {
    return this.deps.mediaLimits(participant);
  }

  /** Refuses turning on a camera the participant's webinar keeps off. */
  checkCamera(participant: LiveParticipant, state: { videoMuted: boolean }): void {
    if (!state.videoMuted && !this.deps.mediaLimits(participant).camera) throw panelistCameraOff();
  }

  /** Gives a participant who was just announced everything already published. */
  subscribe(participant: LiveParticipant): void {
    this.refresh(participant);
  }

  /** Stops following a participant who left; the others stop receiving them. */
  remove(participant: LiveParticipant): void {
    const state = this.states.get(participant.id);
    this.states.delete(participant.id);
    this.publishing.delete(participant.id);
    if (state?.flowing && state.streams.length > 0) this.refreshAll();
  }

  /**
   * Applies a publisher offer: refuses one that breaks the presenter limit, shares a second screen, or
   * shares a screen in a room where only moderators may (a `ParleyError` saying why, with nothing changed), else publishes it and has everyone receive
   * what changed. Resolves with the SFU's answer.
   */
  publish(participant: LiveParticipant, request: Pick<PublishRequest, 'sdp' | 'sources'>): Promise<string> {
    const state = this.stateOf(participant);
    return state.offers.run(async () => {
      if (!canPublish(participant.info.role)) {
        throw ParleyError.forbidden('Attendees watch and listen: only the panel sends audio and video');
      }
      const offered = offeredSources(request.sdp, request.sources);
      if (offered.sending.has('screen') && !state.sources.has('screen') && !this.deps.features().screenSharing && !canModerate(participant.info.role)) {
        throw ParleyError.forbidden('Only the host and co-hosts may share their screen in this meeting');
      }
      const limits = this.deps.mediaLimits(participant);
      if (offered.sending.has('camera') && !limits.camera) throw panelistCameraOff();
      if (offered.sending.has('screen') && !limits.screen) throw ParleyError.forbidden('Panelists cannot share their screen in this webinar');
      const refusal = publishRefusal(offered.sending, this.others(participant), this.deps.maxPresenters);
      if (refusal) throw refusal;
      const before = state.sources;
      state.sources = offered.sending;
      const result = await participant.publisher.publish({ sdp: request.sdp, sources: offered.byMid }).catch((error: unknown) => {
        state.sources = before;
        throw error;
      });
      // What the SFU took: it disables a line whose codec the room does not accept.
      state.sources = new Set(result.streams.map((s) => s.source));
      state.streams = result.streams;
      if (state.streams.length > 0) this.publishing.add(participant.id);
      else this.publishing.delete(participant.id);
      this.announceScreenSharing(participant, state.sources.has('screen'));
      if (state.flowing) this.refreshAll();
      return result.sdp;
    });
  }

  /**
   * The SFU room was re-created: nothing is published or received there until each page publishes
   * again. What each page sends stays claimed (a screen share is not up for grabs meanwhile), and what
   * it shows is kept for the streams to come.
   */
  restart(): void {
    for (const participant of this.deps.participants()) {
      const state = this.states.get(participant.id);
      if (!state) continue;
      state.streams = [];
      state.flowing = false;
      this.setSpeaking(participant, false);
    }
  }

  /** What a participant's page now shows of the others' videos. */
  setVideoView(participant: LiveParticipant, tiles: readonly VideoTileView[]): void {
    this.stateOf(participant).view = tiles;
    this.refresh(participant);
  }

  /**
   * A participant left a webinar's stage: their media stops at the media server at once, and nobody
   * receives what they published.
   */
  async leaveStage(participant: LiveParticipant): Promise<void> {
    const state = this.stateOf(participant);
    await state.offers.run(async () => {
      await Promise.all([participant.publisher.setModerated('audio', true), participant.publisher.setModerated('video', true)]);
      const published = state.streams.length > 0;
      state.sources = new Set();
      state.streams = [];
      this.publishing.delete(participant.id);
      this.setSpeaking(participant, false);
      this.announceScreenSharing(participant, false);
      if (published) this.refreshAll();
    });
    // What they receive follows their new place (an attendee receives nothing before the webinar is live).
    this.refresh(participant);
  }

  /** A participant came on a webinar's stage: what they publish from now on reaches the others, unless a moderator stopped it. */
  async joinStage(participant: LiveParticipant): Promise<void> {
    await this.stateOf(participant).offers.run(async () => {
      for (const kind of ['audio', 'video'] as const) {
        if (!participant.info.moderated[kind]) await participant.publisher.setModerated(kind, false);
      }
    });
    this.refresh(participant);
  }

  /** A muted microphone never speaks, whatever the SFU last heard. */
  mediaStateChanged(participant: LiveParticipant): void {
    if (participant.info.audioMuted) this.setSpeaking(participant, false);
  }

  private setSpeaking(participant: LiveParticipant, talking: boolean): void {
    const state = this.states.get(participant.id);
    const speaking = talking && !participant.info.audioMuted;
    if (!state || state.speaking === speaking) return;
    state.speaking = speaking;
    this.deps.broadcast({ type: 'speaking', participantId: participant.id, speaking });
  }

  private announceScreenSharing(participant: LiveParticipant, screenSharing: boolean): void {
    if (participant.info.screenSharing === screenSharing) return;
    participant.info = { ...participant.info, screenSharing };
    this.deps.broadcast({ type: 'participant-updated', participant: participant.info }, participant.id);
  }

  private stateOf(participant: LiveParticipant): MediaState {
    const state = this.states.get(participant.id);
    if (!state) throw new Error(`Participant ${participant.id} is not in this session's media`);
    return state;
  }

  private *others(participant: LiveParticipant): Iterable<{ displayName: string; sources: ReadonlySet<StreamSource> }> {
    for (const other of this.deps.participants()) {
      const state = this.states.get(other.id);
      if (other !== participant && state) yield { displayName: other.info.displayName, sources: state.sources };
    }
  }

  /** Brings what everyone receives in line with what is published (the streams are gathered once). */
  refreshAll(): void {
    const streams = this.flowingStreams();
    for (const participant of this.deps.participants()) this.refresh(participant, streams);
  }

  /** Every stream that reaches the SFU now. */
  private flowingStreams(): RemoteStream[] {
    const streams: RemoteStream[] = [];
    for (const id of this.publishing) {
      const state = this.states.get(id);
      if (state?.flowing) for (const stream of state.streams) streams.push({ ...stream, participantId: id });
    }
    return streams;
  }

  /** Brings what a participant receives in line with what is published and what their page shows. */
  private refresh(participant: LiveParticipant, flowing = this.flowingStreams()): void {
    const state = this.states.get(participant.id);
    if (!state) return;
    const streams = this.deps.receivesMedia(participant) ? flowing.filter((stream) => stream.participantId !== participant.id) : [];
    void participant.subscriber.receive(planReception(state.view, streams)).catch((error: Error) =>
      this.deps.logger.warn({ err: error, participantId: participant.id }, 'subscription update failed'),
    );
  }
}

function panelistCameraOff(): ParleyError {
  return ParleyError.forbidden('Panelists cannot turn their camera on in this webinar');
}
