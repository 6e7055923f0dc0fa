import { randomUUID } from 'node:crypto';
import type { ChatMessage } from '@parley/protocol';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { ParleyError } from '../errors.js';
import type { ChatMessagesRepository } from '../store/chat-messages-repository.js';
import type { RoomsRepository } from '../store/rooms-repository.js';
import { chatTextOf } from './chat-message.js';
import { ParticipantRateLimiter } from './participant-rate-limiter.js';
import type { LiveParticipant } from './live-participant.js';
import type { Room } from './room.js';
import { SerialQueue } from './serial-queue.js';

/** Per participant: at most this many messages in any window of `config.chatRateWindowMs`. */
export const CHAT_RATE_LIMIT = 5;
/**
 * How much of the chat a late joiner is handed on arrival. Bounds the session's memory and the size
 * of a `joined` message; the whole transcript stays readable through the API.
 */
export const CHAT_HISTORY_ON_JOIN = 500;

interface Dependencies {
  chatMessages: Pick<ChatMessagesRepository, 'insert' | 'listForSession'>;
  rooms: Pick<RoomsRepository, 'findById'>;
  config: Pick<Config, 'chatRateWindowMs'>;
  clock: Clock;
}

/**
 * The chat of one live session. The server is its authority: it checks the text, the room's chat
 * setting and the sender's rate, and stamps the sender and the time. Messages are stored, then
 * delivered, one at a time, so everyone sees them in the order the transcript keeps.
 */
export class SessionChat {
  private readonly recent: ChatMessage[] = [];
  private readonly queue = new SerialQueue();
  private readonly limiter: ParticipantRateLimiter;

  constructor(
    private readonly sessionId: string,
    private readonly room: Room,
    private readonly deps: Dependencies,
  ) {
    this.limiter = new ParticipantRateLimiter(CHAT_RATE_LIMIT, deps.config.chatRateWindowMs, deps.clock);
  }

  /**
   * What was said so far, oldest first. Kept in memory, in step with delivery, so a joiner's history
   * and the messages delivered to them afterwards neither overlap nor leave a gap.
   */
  history(): ChatMessage[] {
    return [...this.recent];
  }

  /** Picks up the chat of a session taken over from another node, as its database transcript has it. */
  async restore(): Promise<void> {
    const stored = await this.deps.chatMessages.listForSession(this.sessionId);
    this.recent.splice(0, this.recent.length, ...stored.slice(-CHAT_HISTORY_ON_JOIN));
  }

  /** Stores a message from `sender` and hands it to `deliver` (which reaches everyone), or refuses it. */
  async send(sender: LiveParticipant, rawText: string, deliver: (message: ChatMessage) => void): Promise<ChatMessage> {
    const text = chatTextOf(rawText);
    // The room as it is now: chat may have been turned off through the API during the session.
    const room = (await this.deps.rooms.findById(this.room.id)) ?? this.room;
    if (!room.features.chat) throw new ParleyError('chat_unavailable', 'Chat is turned off in this meeting');
    if (!this.limiter.take(sender.id)) {
      throw ParleyError.rateLimited(`Too many chat messages: at most ${CHAT_RATE_LIMIT} every ${this.deps.config.chatRateWindowMs / 1000} seconds`);
    }
    return this.queue.run(async () => {
      if (sender.left) throw ParleyError.badRequest('You are no longer in this meeting');
      const message: ChatMessage = {
        id: randomUUID(),
        participantId: sender.id,
        senderName: sender.info.displayName,
        text,
        sentAt: this.deps.clock.now().toISOString(),
      };
      await this.deps.chatMessages.insert({ ...message, sessionId: this.sessionId, roomId: this.room.id });
      this.recent.push(message);
      if (this.recent.length > CHAT_HISTORY_ON_JOIN) this.recent.shift();
      deliver(message);
      return message;
    });
  }

  /** The participant left: their rate window goes with them. */
  forget(participantId: string): void {
    this.limiter.forget(participantId);
  }
}
