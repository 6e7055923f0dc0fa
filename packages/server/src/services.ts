import path from 'node:path';
import pino, { type Logger } from 'pino';
import { PocketsphinxRecognizer } from './captions/pocketsphinx-recognizer.js';
import type { SpeechRecognizer } from './captions/speech-recognizer.js';
import { systemClock, type Clock } from './clock.js';
import type { Cluster } from './cluster/cluster.js';
import { NodeTrust } from './cluster/node-trust.js';
import { startCluster, type ClusterMembership } from './cluster/start-cluster.js';
import type { Config } from './config.js';
import { ParticipantTokens } from './identity/participant-tokens.js';
import { ResumeTokens } from './identity/resume-tokens.js';
import { loadServerKey, purposeKey } from './identity/server-keys.js';
import { UserJwtCredentials } from './identity/user-jwt-credentials.js';
import { RecordingDownloadLinks } from './recording/recording-download-links.js';
import { BridgeSecrets } from './rooms/bridge-secrets.js';
import { RecordingProcessor } from './recording/recording-processor.js';
import { LocalRecordingStorage, type RecordingStorage } from './recording/recording-storage.js';
import { RecordingWorker } from './recording/recording-worker.js';
import { RoomClosures } from './rooms/room-closures.js';
import { RoomPasswordLinks } from './rooms/room-password-links.js';
import { shareRoomAnnouncements } from './rooms/shared-room-announcements.js';
import { RoomUpdates } from './rooms/room-updates.js';
import { ApplicationsRepository } from './store/applications-repository.js';
import { ChatMessagesRepository } from './store/chat-messages-repository.js';
import { openStore, type Store } from './store/database.js';
import { LogoUploadsRepository } from './store/logo-uploads-repository.js';
import { OAuthClientsRepository } from './store/oauth-clients-repository.js';
import { RecordingsRepository } from './store/recordings-repository.js';
import { RoomBlocksRepository } from './store/room-blocks-repository.js';
import { RoomsRepository } from './store/rooms-repository.js';
import { SessionsRepository } from './store/sessions-repository.js';
import { ThemesRepository } from './store/themes-repository.js';
import { UsersRepository } from './store/users-repository.js';
import { WebhookDeliveriesRepository } from './store/webhook-deliveries-repository.js';
import { WebhookSettingsRepository } from './store/webhook-settings-repository.js';
import { WebinarStageRepository } from './store/webinar-stage-repository.js';
import { WebinarRoomPolicies } from './webinars/webinar-room-policies.js';
import { LocalLogoStorage, type LogoStorage } from './themes/logo-storage.js';
import { LogoUploadPolicy } from './themes/logo-upload-policy.js';

/**
 * Everything the HTTP and signaling layers use, built once at start-up. Route plugins receive this;
 * they hold no state of their own.
 */
export interface Services {
  config: Config;
  logger: Logger;
  clock: Clock;
  store: Store;
  applications: ApplicationsRepository;
  rooms: RoomsRepository;
  sessions: SessionsRepository;
  /** What was said in sessions' chats. */
  chatMessages: ChatMessagesRepository;
  /** Who a host blocked from which room. */
  roomBlocks: RoomBlocksRepository;
  themes: ThemesRepository;
  participantTokens: ParticipantTokens;
  /** What participants resume with after a dropped connection, on whichever node runs their meeting then. */
  resumeTokens: ResumeTokens;
  /** Rooms closed for good (deleted) whose live sessions must end, wherever they run. */
  roomClosures: RoomClosures;
  /** Rooms whose settings changed, which their live sessions must follow. */
  roomUpdates: RoomUpdates;
  recordings: RecordingsRepository;
  recordingDownloadLinks: RecordingDownloadLinks;
  /** Playable recordings, by key (local disk: the data folder). */
  recordingStorage: RecordingStorage;
  /** Post-processes ended recordings; the server starts it (until then, waking it does nothing). */
  recordingWorker: RecordingWorker;
  logoUploads: LogoUploadsRepository;
  /** Logo files, uploaded and finalized, by storage key. */
  logoStorage: LogoStorage;
  logoUploadPolicy: LogoUploadPolicy;
  /** The webhook outbox and its delivery log. */
  webhookDeliveries: WebhookDeliveriesRepository;
  /** Each application's webhook receivers and signing secrets. */
  webhookSettings: WebhookSettingsRepository;
  /** Accounts' users (RingCentral extensions). */
  users: UsersRepository;
  /** The JWT credentials users log in with (RingCentral's JWT bearer grant). */
  userJwtCredentials: UserJwtCredentials;
  /** Applications as RingCentral client apps. */
  oauthClients: OAuthClientsRepository;
  /** Rooms' passwords as links carry them (a bridge's `?pw=`). */
  roomPasswordLinks: RoomPasswordLinks;
  /** Seals bridges' passwords, which their owners may read back. */
  bridgeSecrets: BridgeSecrets;
  /** Webinar sessions' runtime status and Q&A. */
  webinarStage: WebinarStageRepository;
  /** The webinar settings their sessions' rooms enforce, and whether personal links still work. */
  webinarPolicies: WebinarRoomPolicies;
  /** Turns what participants say into live captions. */
  speechRecognizer: SpeechRecognizer;
  /** The nodes running Parley together (this one alone, without Redis), and which runs each live room. */
  cluster: Cluster;
  /** This node's place in the cluster, left when the server stops. */
  membership: ClusterMembership;
  /** Vouches for pages' addresses on connections relayed between nodes. */
  nodeTrust: NodeTrust;
}

export interface ServiceOptions {
  clock?: Clock;
  logger?: Logger;
}

export async function createServices(config: Config, options: ServiceOptions = {}): Promise<Services> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: config.logLevel, base: undefined });
  const store = await openStore(config.databaseUrl);
  let membership: ClusterMembership;
  try {
    membership = await startCluster(config, logger);
  } catch (error) {
    await store.close();
    throw error;
  }
  const services: Omit<Services, 'recordingWorker'> = {
    config,
    logger,
    clock,
    store,
    applications: new ApplicationsRepository(store.db, store.changes),
    rooms: new RoomsRepository(store.db, store.changes),
    sessions: new SessionsRepository(store.db),
    chatMessages: new ChatMessagesRepository(store.db),
    roomBlocks: new RoomBlocksRepository(store.db),
    themes: new ThemesRepository(store.db, store.changes),
    participantTokens: await ParticipantTokens.load(store.db, () => clock.now()),
    resumeTokens: await ResumeTokens.load(store.db, clock),
    roomClosures: new RoomClosures(),
    roomUpdates: new RoomUpdates(),
    recordings: new RecordingsRepository(store.db),
    // After the participant tokens: both use the one server key, which the first of them creates.
    recordingDownloadLinks: await RecordingDownloadLinks.load(store.db, config.publicUrl, clock),
    recordingStorage: new LocalRecordingStorage(config.dataDir),
    logoUploads: new LogoUploadsRepository(store.db),
    logoStorage: new LocalLogoStorage(path.join(config.dataDir, 'logos')),
    logoUploadPolicy: new LogoUploadPolicy(await loadServerKey(store.db, () => clock.now())),
    webhookDeliveries: new WebhookDeliveriesRepository(store.db),
    webhookSettings: new WebhookSettingsRepository(store.db),
    users: new UsersRepository(store.db),
    userJwtCredentials: await UserJwtCredentials.load(store.db, clock),
    oauthClients: new OAuthClientsRepository(store.db),
    roomPasswordLinks: await RoomPasswordLinks.load(store.db, () => clock.now()),
    bridgeSecrets: await BridgeSecrets.load(store.db, () => clock.now()),
    webinarStage: new WebinarStageRepository(store.db),
    webinarPolicies: new WebinarRoomPolicies(store.db),
    speechRecognizer: new PocketsphinxRecognizer({ ffmpeg: config.ffmpegBinary, modelDir: config.pocketsphinxModelDir }),
    cluster: membership.cluster,
    membership,
    nodeTrust: new NodeTrust(purposeKey(await loadServerKey(store.db, () => clock.now()), 'cluster relay')),
  };
  if (membership.bus) shareRoomAnnouncements({ ...services, bus: membership.bus });
  const recordingWorker = new RecordingWorker({ recordings: services.recordings, processor: new RecordingProcessor(services), clock, logger, cluster: membership.cluster });
  return { ...services, recordingWorker };
}
