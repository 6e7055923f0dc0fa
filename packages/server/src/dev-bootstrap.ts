import fs from 'node:fs';
import path from 'node:path';
import { createApplication } from './identity/applications.js';
import { issueClientCredentials } from './identity/oauth-clients.js';
import { matchesDigest } from './identity/secret-digest.js';
import { UserService } from './identity/users.js';
import { roomLinks, type RoomUrls } from './rooms/room-links.js';
import { RoomService } from './rooms/room-service.js';
import type { Services } from './services.js';
import type { User } from './store/users-repository.js';

/** What `data/dev-application.json` holds: enough for the SDKs and the CLI to call the APIs. */
interface DevApplicationFile {
  application_id: string;
  private_key: string;
  demo_room_id?: string;
  /** The application as a RingCentral client app, for `@ringcentral/sdk` and `@rc-ex/core`. */
  client_id?: string;
  client_secret?: string;
  /** A JWT credential of the development account's owner (an admin): `platform.login({ jwt })`. */
  user_jwt?: string;
}

export interface DevBootstrap {
  applicationId: string;
  privateKey: string;
  clientId: string;
  clientSecret: string;
  userJwt: string;
  file: string;
  demoRoom: RoomUrls & { id: string; meetingCode: string };
}

const DEMO_ROOM_LIFETIME_MS = 30 * 24 * 60 * 60_000;

/** The development account's owner, who the saved JWT credential logs in as. */
const DEV_OWNER = { name: 'Parley developer', email: 'developer@parley.localhost' } as const;

/**
 * First start: a development account and application whose key (and client credentials, and a JWT
 * credential of the account's owner) are written to the data folder, and a demo room. Later starts
 * reuse them while they exist and still work, so printed URLs and saved credentials stay valid across
 * restarts.
 */
export async function bootstrapDevelopment(services: Services): Promise<DevBootstrap> {
  const file = path.join(services.config.dataDir, 'dev-application.json');
  let saved = readSaved(file);
  if (!saved || !(await services.applications.findApplication(saved.application_id))) {
    const created = await createApplication({ store: services.store, clock: services.clock }, { name: 'Parley development' });
    saved = { application_id: created.application.id, private_key: created.privateKeyPem };
  }
  const application = await services.applications.findApplication(saved.application_id);
  if (!application) throw new Error(`the development application ${saved.application_id} vanished`);
  if (!(await savedClientIsValid(services, saved))) {
    const credentials = await issueClientCredentials(services, saved.application_id);
    saved.client_id = credentials.clientId;
    saved.client_secret = credentials.clientSecret;
  }
  if (saved.user_jwt === undefined || 'refused' in (await services.userJwtCredentials.verify(saved.user_jwt))) {
    saved.user_jwt = (await services.userJwtCredentials.issue((await developmentOwner(services, application.accountId)).id)).jwt;
  }
  const roomService = new RoomService(services);
  let room = saved.demo_room_id ? await services.rooms.findById(saved.demo_room_id) : undefined;
  if (!room?.isAvailable) {
    room = await roomService.create(saved.application_id, {
      displayName: 'Parley demo room',
      type: 'long_term',
      expiresAt: new Date(services.clock.now().getTime() + DEMO_ROOM_LIFETIME_MS),
    });
    saved.demo_room_id = room.id;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
  return {
    applicationId: saved.application_id,
    privateKey: saved.private_key,
    clientId: saved.client_id as string,
    clientSecret: saved.client_secret as string,
    userJwt: saved.user_jwt,
    file,
    demoRoom: { id: room.id, meetingCode: room.meetingCode, ...(await roomLinks({ ...services, publicUrl: services.config.publicUrl }, room)) },
  };
}

/** The saved client id and secret still authenticate the development application. */
async function savedClientIsValid(services: Services, saved: DevApplicationFile): Promise<boolean> {
  if (saved.client_id === undefined || saved.client_secret === undefined) return false;
  const client = await services.oauthClients.findByClientId(saved.client_id);
  return client?.applicationId === saved.application_id && matchesDigest(saved.client_secret, client.secretHash);
}

/** The development account's owner: an admin, made on first start. */
async function developmentOwner(services: Services, accountId: string): Promise<User> {
  const existing = (await services.users.listByAccount(accountId)).find((user) => user.email === DEV_OWNER.email);
  return existing ?? new UserService(services).create({ accountId, ...DEV_OWNER, role: 'admin' });
}

function readSaved(file: string): DevApplicationFile | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DevApplicationFile>;
    if (typeof parsed.application_id === 'string' && typeof parsed.private_key === 'string') return parsed as DevApplicationFile;
  } catch {
    // Missing or unreadable: a new application is made.
  }
  return undefined;
}
