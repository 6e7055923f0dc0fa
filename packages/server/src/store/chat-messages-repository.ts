import type { Kysely } from 'kysely';
import type { ChatMessage } from '@parley/protocol';
import type { StoredChatMessage } from '../rooms/chat-message.js';
import type { Database } from './schema.js';

/** What was said in sessions' chats. Reads are in send order. */
export class ChatMessagesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(message: StoredChatMessage): Promise<void> {
    await this.db
      .insertInto('chat_messages')
      .values({
        id: message.id,
        session_id: message.sessionId,
        room_id: message.roomId,
        participant_id: message.participantId,
        sender_name: message.senderName,
        text: message.text,
        sent_at: message.sentAt,
      })
      .execute();
  }

  async listForSession(sessionId: string): Promise<ChatMessage[]> {
    const rows = await this.db
      .selectFrom('chat_messages')
      .select(['id', 'participant_id', 'sender_name', 'text', 'sent_at'])
      .where('session_id', '=', sessionId)
      .orderBy('serial')
      .execute();
    return rows.map((row) => ({ id: row.id, participantId: row.participant_id, senderName: row.sender_name, text: row.text, sentAt: row.sent_at }));
  }
}
