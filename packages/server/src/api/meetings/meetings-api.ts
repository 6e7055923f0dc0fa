import type { FastifyInstance } from 'fastify';
import { RoomService } from '../../rooms/room-service.js';
import type { Services } from '../../services.js';
import { requireApplicationToken } from './authenticate.js';
import { joiStyleValidatorCompiler } from './joi-style-validation.js';
import { registerRoomRoutes } from './rooms-routes.js';
import { installVonageErrorHandling } from './vonage-errors.js';

/**
 * Every path prefix the Vonage Meetings API was ever served under (beta, 2023 docs, final v1). Each
 * SDK version hard-codes one, so all three route to the same handlers.
 */
export const MEETINGS_PREFIXES = ['/v1/meetings', '/meetings', '/beta/meetings'] as const;

export interface MeetingsApiOptions {
  services: Services;
}

/** The Vonage-compatible Meetings API: authenticated by application JWTs, answering in Vonage's format. */
export async function meetingsApi(app: FastifyInstance, options: MeetingsApiOptions): Promise<void> {
  const { services } = options;
  const rooms = new RoomService(services);
  for (const prefix of MEETINGS_PREFIXES) {
    await app.register(
      async (scope) => {
        scope.setValidatorCompiler(joiStyleValidatorCompiler);
        installVonageErrorHandling(scope);
        requireApplicationToken(scope, services);
        registerRoomRoutes(scope, { services, rooms });
      },
      { prefix },
    );
  }
}
