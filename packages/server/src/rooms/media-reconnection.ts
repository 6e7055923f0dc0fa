import type { ClientMessage } from '@parley/protocol';
import type { LiveParticipant } from './live-participant.js';

/** What a page says about its media connections: meaningless once the media server carrying them is gone. */
const CONNECTION_MESSAGES = new Set<ClientMessage['type']>(['publish', 'trickle', 'subscriber-answer', 'subscriber-ice-restart']);

/**
 * Which pages have yet to drop the media connections a lost media server carried. From the moment the
 * session's media moves until a page acknowledges (`media-reconnect-ack`), what it says about its
 * connections was meant for the lost server (an offer or candidates sent before it heard): nothing of
 * it may reach the new one, where an old offer would be answered as if it were the new one's. A page
 * that was away when it was told is told again as it resumes.
 */
export class MediaReconnection {
  private readonly pending = new Set<LiveParticipant>();

  /** The media moved: every page must start its media connections again. */
  begin(participants: Iterable<LiveParticipant>): void {
    for (const participant of participants) this.pending.add(participant);
  }

  /** Whether `message` from this participant's page is about connections the lost media server carried. */
  isStale(participant: LiveParticipant, message: Pick<ClientMessage, 'type'>): boolean {
    return this.pending.has(participant) && CONNECTION_MESSAGES.has(message.type);
  }

  /** Whether the participant's page has yet to hear that the media moved (it may have been away). */
  awaits(participant: LiveParticipant): boolean {
    return this.pending.has(participant);
  }

  acknowledged(participant: LiveParticipant): void {
    this.pending.delete(participant);
  }

  forget(participant: LiveParticipant): void {
    this.pending.delete(participant);
  }
}
