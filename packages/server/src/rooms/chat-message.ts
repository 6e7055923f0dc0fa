import { CHAT_MESSAGE_MAX_LENGTH, type ChatMessage } from '@parley/protocol';
import { ParleyError } from '../errors.js';

/** A chat message as stored: what everyone saw, and the session and room it was said in. */
export interface StoredChatMessage extends ChatMessage {
  sessionId: string;
  roomId: string;
}

/**
 * The text of a message as it will be stored and shown: trimmed, and 1 to `CHAT_MESSAGE_MAX_LENGTH`
 * characters (counted as code points, so an emoji is one, as people count them).
 */
export function chatTextOf(raw: string): string {
  return boundedTextOf(raw, CHAT_MESSAGE_MAX_LENGTH, 'A chat message');
}

/**
 * Plain text someone typed for others to read (`what` names it in the refusal): trimmed, and 1 to
 * `maxLength` code points. Stored and shown as text, never as markup.
 */
export function boundedTextOf(raw: string, maxLength: number, what: string): string {
  const text = raw.trim();
  const length = [...text].length;
  if (length === 0) throw ParleyError.validation(`${what} cannot be empty`);
  if (length > maxLength) throw ParleyError.validation(`${what} can be at most ${maxLength} characters long; this one has ${length}`);
  return text;
}
