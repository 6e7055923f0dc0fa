import Type, { type Static } from 'typebox';
import { CHAT_MESSAGE_MAX_LENGTH } from '@parley/protocol';

/**
 * The chat transcript of a session: a Parley extension to the Meetings API (Vonage had no such
 * endpoint), shaped like its neighbours: snake_case keys under `_embedded`.
 */

export const ChatMessageJson = Type.Object({
  id: Type.String({ format: 'uuid', maxLength: 36 }),
  participant_id: Type.String({ maxLength: 100, description: 'The sender, as a participant of the session.' }),
  sender_name: Type.String({ maxLength: 100, description: 'The display name the sender had when they sent it.' }),
  text: Type.String({ maxLength: CHAT_MESSAGE_MAX_LENGTH, description: 'Plain text, exactly as sent (trimmed); never markup.' }),
  sent_at: Type.String({ format: 'date-time', maxLength: 30 }),
});
export type ChatMessageJson = Static<typeof ChatMessageJson>;

export const SessionChatJson = Type.Object(
  { _embedded: Type.Object({ messages: Type.Array(ChatMessageJson) }) },
  { description: 'Every chat message of the session, in the order it was sent (no paging).' },
);
export type SessionChatJson = Static<typeof SessionChatJson>;
