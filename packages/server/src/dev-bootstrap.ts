import fs from 'node:fs';
import path from 'node:path';
import { createApplication } from './identity/applications.js';
import { roomLinks, type RoomUrls } from './rooms/room-links.js';
import { RoomService } from './rooms/room-service.js';
import type { Services } from './services.js';

/** What `data/dev-application.json` holds: enough for the SDKs and the CLI to call the API. */
interface DevApplicationFile {
  application_id: string;
  private_key: string;
  demo_room_id?: string;
}

export interface DevBootstrap {
  applicationId: string;
  privateKey: string;
  file: string;
  demoRoom: RoomUrls & { id: string; meetingCode: string };
}

const DEMO_ROOM_LIFETIME_MS = 30 * 24 * 60 * 60_000;

/**
 * First start: a development account and application whose key is written to the data folder, and a
 * demo room. Later starts reuse them while they exist, so printed URLs stay valid across restarts.
 */
export async function bootstrapDevelopment(services: Services): Promise<DevBootstrap> {
  const file = path.join(services.config.dataDir, 'dev-application.json');
  let saved = readSaved(file);
  if (!saved || !(await services.applications.findApplication(saved.application_id))) {
    const created = await createApplication({ store: services.store, clock: services.clock }, { name: 'Parley development' });
    saved = { application_id: created.application.id, private_key: created.privateKeyPem };
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
    file,
    demoRoom: { id: room.id, meetingCode: room.meetingCode, ...(await roomLinks({ ...services, publicUrl: services.config.publicUrl }, room)) },
  };
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
