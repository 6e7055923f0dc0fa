import type { IceCandidate, ParticipantInfo, PeerConnectionKind, ServerMessage } from '@parley/protocol';
import type { MediaPublisher, MediaSubscriber } from '../media/media-backend.js';

/** How the domain reaches a participant's page; the signaling layer implements it over a WebSocket. */
export interface ParticipantConnection {
  send(message: ServerMessage): void;
  /** Ends the connection; the page is told why by a message sent before. */
  close(): void;
}

/** One person in a live session: their media handles and their connection. */
export class LiveParticipant {
  left = false;

  constructor(
    public info: ParticipantInfo,
    private current: ParticipantConnection,
    readonly publisher: MediaPublisher,
    readonly subscriber: MediaSubscriber,
    /** Who they are across visits (see `participantIdentity`): what a block holds on to. */
    readonly identity?: string,
  ) {}

  get id(): string {
    return this.info.id;
  }

  /** Their page's connection now: it changes when they resume after a drop. */
  get connection(): ParticipantConnection {
    return this.current;
  }

  /** They came back on `connection`; the one it replaces is closed, should the server still think it open. */
  reconnect(connection: ParticipantConnection): void {
    const previous = this.current;
    this.current = connection;
    if (previous !== connection) previous.close();
  }

  trickle(pc: PeerConnectionKind, candidate: IceCandidate | null): Promise<void> {
    return pc === 'publisher' ? this.publisher.trickle(candidate) : this.subscriber.trickle(candidate);
  }

  async releaseMedia(): Promise<void> {
    await Promise.all([this.subscriber.close(), this.publisher.close()]);
  }
}
