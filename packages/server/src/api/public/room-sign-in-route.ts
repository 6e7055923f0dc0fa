import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import type { ParticipantClaims } from '../../identity/participant-tokens.js';
import { OAuthError } from '../../identity/oauth-error.js';
import { signIn } from '../../identity/sign-in.js';
import type { UserService } from '../../identity/users.js';
import type { PasswordAttempts } from '../../rooms/password-attempts.js';
import { signedInParticipantId } from '../../rooms/webinar-policy.js';
import { roomByMeetingCode } from './room-by-meeting-code.js';
import type { Services } from '../../services.js';

const SignInParams = Type.Object({ meetingCode: Type.String({ maxLength: 64 }) });
const SignInBody = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 256 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
  participantToken: Type.Optional(Type.String({ maxLength: 4096, description: "The link's own participant token (an invitee's, a registrant's), which the answer's names the user too." })),
});
const SignInAnswer = Type.Object({ participantToken: Type.String() });

/**
 * `POST /api/public/rooms/:meetingCode/sign-in`: a visitor of a room that admits only users (a webinar's
 * `AuthenticatedUser`/`AuthenticatedCoworker`, a bridge's `noGuests`/`sameAccount`) proves who they are
 * with their Parley email and password, and gets a participant token naming them: their link's own token
 * with the user added, or (the public link) a token naming only the user. Wrong passwords count with the
 * OAuth sign-ins' (per login and address).
 */
export function registerRoomSignInRoute(app: FastifyInstance, options: { services: Services; userService: Pick<UserService, 'verifyLogin'>; loginAttempts: PasswordAttempts }): void {
  const { services } = options;
  app.post<{ Params: Static<typeof SignInParams>; Body: Static<typeof SignInBody> }>(
    '/api/public/rooms/:meetingCode/sign-in',
    {
      schema: {
        summary: 'Signs a visitor in on the meeting page, for rooms that admit only users',
        tags: ['Meeting page'],
        params: SignInParams,
        body: SignInBody,
        response: { 200: SignInAnswer },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { meetingCode } = request.params;
      const room = await roomByMeetingCode(services.rooms, meetingCode);
      if (!room) return reply.code(404).send({ code: 'not_found', message: `There is no meeting with code ${meetingCode}` });
      let user;
      try {
        user = await signIn(options, request.body.email, request.body.password, request.ip);
      } catch (error) {
        if (error instanceof OAuthError && error.status === 429) return reply.code(429).send({ code: 'rate_limited', message: error.description });
        throw error;
      }
      if (!user) return reply.code(401).send({ code: 'unauthorized', message: 'That email and password do not match' });
      const named = { userId: user.id, accountId: user.accountId };
      let claims: ParticipantClaims = { participantId: signedInParticipantId(user.id), roomId: room.id, role: room.kind === 'webinar' ? 'attendee' : 'guest', user: named };
      if (request.body.participantToken !== undefined) {
        const link = services.participantTokens.verify(request.body.participantToken);
        if (!link || link.roomId !== room.id) return reply.code(401).send({ code: 'unauthorized', message: 'This meeting link is not valid' });
        // A link that already names a user is theirs: signing in as someone else does not change whose it is.
        claims = { ...link, user: link.user ?? named };
      }
      return reply.send({ participantToken: services.participantTokens.mint(claims, room.expiresAt) });
    },
  );
}
