import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import pino from 'pino';
import { createApplication } from '../../identity/applications.js';
import { JanusBackend } from '../../media/janus/janus-backend.js';
import type { MediaBackend } from '../../media/media-backend.js';
import { createTestServices, TestClock } from '../../test-support/test-services.js';
import { LiveRooms } from '../live-rooms.js';
import { RoomService } from '../room-service.js';

export interface LiveRoomsSuite {
  clock: TestClock;
  services: Awaited<ReturnType<typeof createTestServices>>;
  media: MediaBackend;
  liveRooms: LiveRooms;
  rooms: RoomService;
  applicationId: string;
}

/**
 * Live meetings over a real Janus and database for one suite: started before its tests, stopped after.
 * Read the fields inside tests, once `before` has filled them. `rtpPorts` keeps suites that run at the
 * same time on separate ports; `clockRunsTimers` hands timers (grace periods) to the test clock;
 * `media` starts the media backend instead of a Janus of the suite's own.
 */
export function liveRoomsForSuite(
  name: string,
  options: { rtpPorts: { min: number; max: number }; clockRunsTimers?: boolean; media?: () => Promise<MediaBackend> },
): LiveRoomsSuite {
  const suite = { clock: new TestClock() } as LiveRoomsSuite;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `parley-${name}-`));
  before(async () => {
    const { clock } = suite;
    suite.services = await createTestServices({ clock });
    const logger = pino({ level: 'silent' });
    suite.media = options.media
      ? await options.media()
      : await JanusBackend.start({ url: '', binary: 'janus', dataDir, rtpPorts: options.rtpPorts, requestTimeoutMs: 5000, logger });
    suite.liveRooms = new LiveRooms({ ...suite.services, media: suite.media, logger, ...(options.clockRunsTimers ? { scheduler: clock } : {}) });
    suite.rooms = new RoomService(suite.services);
    suite.applicationId = (await createApplication({ store: suite.services.store, clock }, { name })).application.id;
  });
  after(async () => {
    await suite.liveRooms?.shutdown();
    await suite.media?.close();
    await suite.services?.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return suite;
}
