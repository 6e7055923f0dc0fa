import type { JanodeHandle } from 'janode';
import type { IceCandidate, MediaKind } from '@parley/protocol';
import type { MediaPublisher } from '../media-backend.js';
import type { JanusClient } from './janus-client.js';
import { publishedMids } from './published-mids.js';

/** The VideoRoom a publisher is in, and the handle that administers it (moderate, kick). */
export interface VideoRoomAdministration {
  roomId: string;
  manager: JanodeHandle;
}

/** A participant's publishing handle in a VideoRoom; its feed id is the participant id. */
export class VideoRoomPublisher implements MediaPublisher {
  private published = false;
  private closed = false;
  /** The mids of what the last offer sends, by kind: what `moderate` requests name. */
  private mids: Record<MediaKind, string[]> = { audio: [], video: [] };
  private readonly moderated: Record<MediaKind, boolean> = { audio: false, video: false };

  private flowingListener: ((flowing: boolean) => void) | undefined;

  private constructor(
    private readonly client: JanusClient,
    private readonly handle: JanodeHandle,
    private readonly room: VideoRoomAdministration,
    readonly participantId: string,
  ) {
    // Janus refuses subscribers until the publisher's PeerConnection is up ("No such feed").
    handle.on('handle_webrtcup', () => this.flowingListener?.(true));
    handle.on('handle_hangup', () => this.flowingListener?.(false));
  }

  onFlowing(listener: (flowing: boolean) => void): void {
    this.flowingListener = listener;
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

  async publish(offerSdp: string): Promise<string> {
    // The first offer publishes; later ones (a track added or replaced) renegotiate the same feed.
    const body = this.published ? { request: 'configure' } : { request: 'publish' };
    const answer = await this.client.request(this.handle, body, { type: 'offer', sdp: offerSdp });
    if (!answer.jsep?.sdp) throw new Error('Janus answered a publish request without an SDP answer');
    this.published = true;
    this.mids = publishedMids(offerSdp);
    // Janus holds the streams from the offer on; moderation reaches them before the browser gets the
    // answer, so not one packet of stopped media gets through.
    for (const kind of ['audio', 'video'] as const) {
      if (this.moderated[kind]) await this.moderate(kind, true);
    }
    return answer.jsep.sdp;
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
    await this.client.detach(this.handle);
  }

  private async moderate(kind: MediaKind, mute: boolean): Promise<void> {
    if (this.closed) return;
    for (const mid of this.mids[kind]) {
      await this.client.request(this.room.manager, { request: 'moderate', room: this.room.roomId, id: this.participantId, mid, mute });
    }
  }
}
