import type { JanodeHandle } from 'janode';
import VideoRoomPlugin from 'janode/plugins/videoroom';
import type { IceCandidate, MediaKind, StreamSource } from '@parley/protocol';
import type { MediaPublisher, PublishedStream, PublishResult } from '../media-backend.js';
import type { JanusClient } from './janus-client.js';

/** The VideoRoom a publisher is in, and the handle that administers it (moderate, kick). */
export interface VideoRoomAdministration {
  roomId: string;
  manager: JanodeHandle;
}

/**
 * A stream of a publisher as the VideoRoom describes it in its `configured` answer: what a remote
 * publisher mirroring it on another Janus is described with (see `VideoRoomRelay`).
 */
export interface JanusPublisherStream {
  type: 'audio' | 'video' | 'data';
  mindex: number;
  mid: string;
  disabled?: boolean;
  codec?: string;
  description?: string;
  simulcast?: boolean;
  stereo?: boolean;
  fec?: boolean;
}

/**
 * A participant's publishing handle in a VideoRoom; its feed id is the participant id. Everything the
 * participant sends (microphone, simulcast camera, screen share and its sound) goes over this one
 * handle and PeerConnection, as separate streams of one multistream feed: a screen share is a
 * renegotiation, not a second connection, so it costs no extra ICE/DTLS set-up, shares the
 * connection's congestion control with the camera, and stays this participant's feed for
 * subscribers and moderation alike.
 */
export class VideoRoomPublisher implements MediaPublisher {
  private published = false;
  private closed = false;
  /** The mids of the microphone and camera the last offer sends: what `moderate` requests name. */
  private mids: Record<MediaKind, string[]> = { audio: [], video: [] };
  private readonly moderated: Record<MediaKind, boolean> = { audio: false, video: false };

  private flowingListener: ((flowing: boolean) => void) | undefined;
  private talkingListener: ((talking: boolean) => void) | undefined;
  /** The mid of the microphone this publisher sends now, if it sends one: what audio taps copy. */
  private microphoneMid: string | undefined;
  private microphoneListener: ((mid: string | undefined) => void) | undefined;
  /** Told what the publisher sends now (none once it stops): the room mirrors it on its leaves. */
  private streamsListener: ((streams: readonly JanusPublisherStream[]) => Promise<void>) | undefined;

  private constructor(
    private readonly client: JanusClient,
    private readonly handle: JanodeHandle,
    private readonly room: VideoRoomAdministration,
    readonly participantId: string,
  ) {
    // Janus refuses subscribers until the publisher's PeerConnection is up ("No such feed").
    handle.on('handle_webrtcup', () => this.flowingListener?.(true));
    handle.on('handle_hangup', () => {
      this.flowingListener?.(false);
      // Janus drops a publisher's streams, and their forwarders, with its connection.
      this.setMicrophone(undefined);
      void this.streamsListener?.([]);
    });
    // Every publisher in the room hears everyone's talking events; this handle reports its own feed's.
    handle.on(VideoRoomPlugin.EVENT.VIDEOROOM_TALKING, (event: { feed?: unknown; talking?: unknown }) => {
      if (String(event.feed) === participantId) this.talkingListener?.(event.talking === true);
    });
  }

  onFlowing(listener: (flowing: boolean) => void): void {
    this.flowingListener = listener;
  }

  onTalking(listener: (talking: boolean) => void): void {
    this.talkingListener = listener;
  }

  /** Called with the microphone's mid whenever what this publisher sends on it changes; `undefined` once it sends none. */
  onMicrophone(listener: (mid: string | undefined) => void): void {
    this.microphoneListener = listener;
  }

  /**
   * Called with the streams whenever a publish or renegotiation is applied (awaited before the
   * browser gets its answer, so others can subscribe wherever the room is mirrored), and with none
   * once the publisher stops.
   */
  onStreams(listener: (streams: readonly JanusPublisherStream[]) => Promise<void>): void {
    this.streamsListener = listener;
  }

  static async join(client: JanusClient, room: VideoRoomAdministration, participantId: string, displayName: string): Promise<VideoRoomPublisher> {
    const handle = await client.attachVideoRoom();
    try {
      await client.request(handle, { request: 'join', ptype: 'publisher', room: room.roomId, id: participantId, display: displayName });
    } catch (error) {
      await client.detach(handle);
      throw error;
    }
    return new VideoRoomPublisher(client, handle, room, participantId);
  }

  async publish(offer: { sdp: string; sources: ReadonlyMap<string, StreamSource> }): Promise<PublishResult> {
    // The first offer publishes; later ones (camera on/off, a screen share) renegotiate the same feed.
    // Descriptions name each stream's source for anyone reading the room straight from Janus.
    const body = {
      request: this.published ? 'configure' : 'publish',
      descriptions: [...offer.sources].map(([mid, source]) => ({ mid, description: source })),
    };
    const answer = await this.client.request(this.handle, body, { type: 'offer', sdp: offer.sdp });
    if (!answer.jsep?.sdp) throw new Error('Janus answered a publish request without an SDP answer');
    this.published = true;
    const described = (answer.plugindata?.data.streams as JanusPublisherStream[] | undefined) ?? [];
    const streams: PublishedStream[] = [];
    for (const stream of described) {
      const source = offer.sources.get(stream.mid);
      // Disabled: an inactive line (camera off), or one whose codec the room does not accept.
      if (stream.disabled || stream.type === 'data' || !source) continue;
      streams.push({ mid: stream.mid, kind: stream.type, source, simulcast: stream.simulcast === true });
    }
    this.mids = moderatableMids(offer.sources);
    this.setMicrophone(streams.find((stream) => stream.source === 'microphone')?.mid);
    await this.streamsListener?.(described.filter((stream) => stream.type !== 'data'));
    // Janus holds the streams from the offer on; moderation reaches them before the browser gets the
    // answer, so not one packet of stopped media gets through.
    for (const kind of ['audio', 'video'] as const) {
      if (this.moderated[kind]) await this.moderate(kind, true);
    }
    return { sdp: answer.jsep.sdp, streams };
  }

  async setModerated(kind: MediaKind, moderated: boolean): Promise<void> {
    const before = this.moderated[kind];
    this.moderated[kind] = moderated;
    try {
      await this.moderate(kind, moderated);
    } catch (error) {
      this.moderated[kind] = before;
      throw error;
    }
  }

  async kick(): Promise<void> {
    if (this.closed) return;
    await this.client.request(this.room.manager, { request: 'kick', room: this.room.roomId, id: this.participantId });
  }

  async trickle(candidate: IceCandidate | null): Promise<void> {
    await this.client.trickle(this.handle, candidate);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.setMicrophone(undefined);
    void this.streamsListener?.([]);
    await this.client.detach(this.handle);
  }

  private setMicrophone(mid: string | undefined): void {
    if (this.microphoneMid === mid) return;
    this.microphoneMid = mid;
    this.microphoneListener?.(mid);
  }

  private async moderate(kind: MediaKind, mute: boolean): Promise<void> {
    if (this.closed) return;
    for (const mid of this.mids[kind]) {
      await this.client.request(this.room.manager, { request: 'moderate', room: this.room.roomId, id: this.participantId, mid, mute });
    }
  }
}

/**
 * The mids a moderator's stop reaches, by kind: the microphone (`audio`) and the camera (`video`). A
 * screen share and its sound are not the camera or the microphone: stopping someone's camera leaves
 * what they present on screen.
 */
function moderatableMids(sources: ReadonlyMap<string, StreamSource>): Record<MediaKind, string[]> {
  const mids: Record<MediaKind, string[]> = { audio: [], video: [] };
  for (const [mid, source] of sources) {
    if (source === 'microphone') mids.audio.push(mid);
    if (source === 'camera') mids.video.push(mid);
  }
  return mids;
}
