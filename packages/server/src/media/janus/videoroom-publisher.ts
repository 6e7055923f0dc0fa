import type { JanodeHandle } from 'janode';
import type { IceCandidate } from '@parley/protocol';
import type { MediaPublisher } from '../media-backend.js';
import type { JanusClient } from './janus-client.js';

/** A participant's publishing handle in a VideoRoom; its feed id is the participant id. */
export class VideoRoomPublisher implements MediaPublisher {
  private published = false;
  private closed = false;

  private flowingListener: ((flowing: boolean) => void) | undefined;

  private constructor(
    private readonly client: JanusClient,
    private readonly handle: JanodeHandle,
    readonly participantId: string,
  ) {
    // Janus refuses subscribers until the publisher's PeerConnection is up ("No such feed").
    handle.on('handle_webrtcup', () => this.flowingListener?.(true));
    handle.on('handle_hangup', () => this.flowingListener?.(false));
  }

  onFlowing(listener: (flowing: boolean) => void): void {
    this.flowingListener = listener;
  }

  static async join(client: JanusClient, roomId: string, participantId: string, displayName: string): Promise<VideoRoomPublisher> {
    const handle = await client.attachVideoRoom();
    try {
      await client.request(handle, { request: 'join', ptype: 'publisher', room: roomId, id: participantId, display: displayName });
    } catch (error) {
      await client.detach(handle);
      throw error;
    }
    return new VideoRoomPublisher(client, handle, participantId);
  }

  async publish(offerSdp: string): Promise<string> {
    // The first offer publishes; later ones (a track added or replaced) renegotiate the same feed.
    const body = this.published ? { request: 'configure' } : { request: 'publish' };
    const answer = await this.client.request(this.handle, body, { type: 'offer', sdp: offerSdp });
    if (!answer.jsep?.sdp) throw new Error('Janus answered a publish request without an SDP answer');
    this.published = true;
    return answer.jsep.sdp;
  }

  async trickle(candidate: IceCandidate | null): Promise<void> {
    await this.client.trickle(this.handle, candidate);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.detach(this.handle);
  }
}
