import type { FastifyInstance } from 'fastify';
import { RecordingService } from '../../recording/recording-service.js';
import { RoomRecordingControl } from '../../recording/room-recording-control.js';
import type { LiveRooms } from '../../rooms/live-rooms.js';
import { ChatTranscripts } from '../../rooms/chat-transcripts.js';
import { RoomService } from '../../rooms/room-service.js';
import type { Services } from '../../services.js';
import { LogoFinalization } from '../../themes/logo-finalization.js';
import { LogoUploads } from '../../themes/logo-uploads.js';
import { ThemeService } from '../../themes/theme-service.js';
import { ApplicationWebhooks } from '../../webhooks/application-webhooks.js';
import { DeliveryLog } from '../../webhooks/delivery-log.js';
import { registerApplicationRoutes } from './applications-routes.js';
import { requireApplicationToken } from './authenticate.js';
import { limitRequestBodies } from './body-limit.js';
import { registerDialInNumberRoutes } from './dial-in-numbers-routes.js';
import { joiStyleValidatorCompiler } from './joi-style-validation.js';
import { registerLogoRoutes } from './logos-routes.js';
import { limitRequestsPerApplication } from './rate-limit.js';
import { registerRecordingRoutes } from './recordings-routes.js';
import { registerRoomRecordingRoutes } from './room-recording-routes.js';
import { registerRoomRoutes } from './rooms-routes.js';
import { registerSessionChatRoutes } from './session-chat-routes.js';
import { registerSessionRoutes } from './sessions-routes.js';
import { registerThemeRoutes } from './themes-routes.js';
import { installVonageErrorHandling } from './vonage-errors.js';
import { registerWebhookRoutes } from './webhooks-routes.js';

/**
 * Every path prefix the Vonage Meetings API was ever served under (beta, 2023 docs, final v1). Each
 * SDK version hard-codes one, so all three route to the same handlers.
 */
export const MEETINGS_PREFIXES = ['/v1/meetings', '/meetings', '/beta/meetings'] as const;

export interface MeetingsApiOptions {
  services: Services;
  /** The meetings in progress on this node; absent in tests of the REST APIs alone. */
  liveRooms?: LiveRooms | undefined;
}

/** The Vonage-compatible Meetings API: authenticated by application JWTs, answering in Vonage's format. */
export async function meetingsApi(app: FastifyInstance, options: MeetingsApiOptions): Promise<void> {
  const { services } = options;
  const rooms = new RoomService(services);
  const themes = new ThemeService(services);
  const recordings = new RecordingService(services);
  const downloadLinks = services.recordingDownloadLinks;
  const recordingControl = new RoomRecordingControl({
    roomOf: (applicationId, roomId) => rooms.get(applicationId, roomId),
    recorderOf: (roomId) => options.liveRooms?.find(roomId)?.recorder,
  });
  const transcripts = new ChatTranscripts(services);
  const logoUploads = new LogoUploads(services);
  const logoFinalization = new LogoFinalization(services);
  const applicationWebhooks = new ApplicationWebhooks(services);
  const deliveryLog = new DeliveryLog(services);
  // One count per application across the three prefixes, so registered here, above them.
  await limitRequestsPerApplication(app, services.config.rateLimitPerSecond);
  limitRequestBodies(app);
  for (const prefix of MEETINGS_PREFIXES) {
    await app.register(
      async (scope) => {
        scope.setValidatorCompiler(joiStyleValidatorCompiler);
        installVonageErrorHandling(scope);
        requireApplicationToken(scope, services);
        registerRoomRoutes(scope, { services, rooms });
        registerThemeRoutes(scope, { services, themes });
        registerApplicationRoutes(scope, { themes });
        registerRecordingRoutes(scope, { recordings, downloadLinks });
        registerRoomRecordingRoutes(scope, { control: recordingControl, downloadLinks });
        registerSessionRoutes(scope, { recordings, downloadLinks });
        registerSessionChatRoutes(scope, { transcripts });
        registerDialInNumberRoutes(scope, { dialInNumbers: services.config.dialInNumbers });
        registerLogoRoutes(scope, { services, uploads: logoUploads, finalization: logoFinalization });
        registerWebhookRoutes(scope, { publicUrl: services.config.publicUrl, applicationWebhooks, deliveryLog });
      },
      { prefix },
    );
  }
}
