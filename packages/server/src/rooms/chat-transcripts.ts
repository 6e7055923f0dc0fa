import type { ChatMessage } from '@parley/protocol';
import { ParleyError } from '../errors.js';
import type { ChatMessagesRepository } from '../store/chat-messages-repository.js';
import type { RoomsRepository } from '../store/rooms-repository.js';
import type { SessionsRepository } from '../store/sessions-repository.js';

export interface ChatTranscriptsDeps {
  chatMessages: Pick<ChatMessagesRepository, 'listForSession'>;
  sessions: Pick<SessionsRepository, 'find'>;
  rooms: Pick<RoomsRepository, 'findById'>;
}

/**
 * What was said in a session's chat, as an application reads it: only for sessions of its own rooms
 * (another application's session is not found, never forbidden).
 */
export class ChatTranscripts {
  constructor(private readonly deps: ChatTranscriptsDeps) {}

  /** Every message of the session, in the order it was sent. */
  async listForSession(applicationId: string, sessionId: string): Promise<ChatMessage[]> {
    const session = await this.deps.sessions.find(sessionId);
    const room = session && (await this.deps.rooms.findById(session.roomId));
    if (!room || room.applicationId !== applicationId) throw ParleyError.notFound(`Failed to find session by id: ${sessionId}`);
    return this.deps.chatMessages.listForSession(sessionId);
  }
}
