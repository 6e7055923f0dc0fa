import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { ChatTranscripts } from '../../rooms/chat-transcripts.js';
import { applicationOf } from './authenticate.js';
import { SessionChatJson } from './chat-schemas.js';
import { SessionParams } from './recording-schemas.js';

export interface SessionChatRoutesDeps {
  transcripts: ChatTranscripts;
}

/** `/sessions/:session_id/chat`: what was said in a session's chat. */
export function registerSessionChatRoutes(app: FastifyInstance, deps: SessionChatRoutesDeps): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/sessions/:session_id/chat',
    {
      schema: {
        summary: "Read a session's chat transcript",
        description:
          'A Parley extension (the Vonage Meetings API had no chat endpoint): every message sent in the ' +
          "session's chat, oldest first, with its sender and the time the server received it.",
        tags: ['Sessions'],
        params: SessionParams,
        response: { 200: SessionChatJson },
      },
    },
    async (request, reply) => {
      const messages = await deps.transcripts.listForSession(applicationOf(request).id, request.params.session_id);
      const body: SessionChatJson = {
        _embedded: {
          messages: messages.map((m) => ({ id: m.id, participant_id: m.participantId, sender_name: m.senderName, text: m.text, sent_at: m.sentAt })),
        },
      };
      return reply.type('application/json').send(body);
    },
  );
}
