import { randomUUID } from 'node:crypto';
import type { StoredChatMessage } from '../../../rooms/chat-message.js';
import type { MeetingsHarness } from './meetings-harness.js';

/**
 * A chat message as a live session stores it, said in `session` by a participant made for it (or by
 * `participantId`, already in the session), a second after the clock's now.
 */
export async function seedChatMessage(
  h: MeetingsHarness,
  session: { sessionId: string; roomId: string },
  text: string,
  options: { senderName?: string; participantId?: string } = {},
): Promise<StoredChatMessage> {
  const senderName = options.senderName ?? 'Chatty';
  let participantId = options.participantId;
  if (participantId === undefined) {
    participantId = randomUUID();
    await h.services.sessions.addParticipant({
      id: participantId,
      sessionId: session.sessionId,
      roomId: session.roomId,
      displayName: senderName,
      role: 'guest',
      joinedAt: h.clock.now().toISOString(),
    });
  }
  h.clock.advance(1000);
  const message: StoredChatMessage = {
    id: randomUUID(),
    sessionId: session.sessionId,
    roomId: session.roomId,
    participantId,
    senderName,
    text,
    sentAt: h.clock.now().toISOString(),
  };
  await h.services.chatMessages.insert(message);
  return message;
}
