/**
 * Parley under test, in a child process of its own, so its CPU is measured apart from the benchmark's:
 * the real server on a fresh SQLite file with its own Janus (static event loops, as in production),
 * started the way the browser tests start it. It creates rooms when the benchmark asks.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from '../../e2e/support/test-server.js';
import { RoomService } from '../../packages/server/src/rooms/room-service.js';

interface Started {
  type: 'started';
  serverUrl: string;
  janusPid: number;
}

interface RoomCreated {
  type: 'room';
  meetingCode: string;
}

/** A webinar room, and the links into it that are not its public one. */
export interface WebinarCreated {
  type: 'webinar';
  meetingCode: string;
  /** Participant tokens: the host's, and a panelist's. */
  hostToken: string;
  panelistToken: string;
}

type Request = { type: 'create-room'; displayName: string } | { type: 'create-webinar'; displayName: string };

export class ParleyProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly serverUrl: string,
    readonly janusPid: number,
  ) {}

  static async start(): Promise<ParleyProcess> {
    const child = fork(fileURLToPath(import.meta.url), ['serve'], { execArgv: process.execArgv });
    const started = await nextMessage<Started>(child);
    return new ParleyProcess(child, started.serverUrl, started.janusPid);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** A new room through the Meetings API; returns its meeting code, what a guest joins with. */
  async createRoom(displayName: string): Promise<string> {
    const created = nextMessage<RoomCreated>(this.child);
    this.child.send({ type: 'create-room', displayName });
    return (await created).meetingCode;
  }

  /** A new webinar room, as a webinar session has one; whoever joins without a token is an attendee. */
  async createWebinar(displayName: string): Promise<WebinarCreated> {
    const created = nextMessage<WebinarCreated>(this.child);
    this.child.send({ type: 'create-webinar', displayName } satisfies Request);
    return created;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    await exited;
  }
}

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`Parley exited (code ${code})`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message as T);
    });
  });
}

async function serve(): Promise<void> {
  const server = await startTestServer();
  const janusPid = server.server.media.janusPid;
  if (janusPid === undefined) throw new Error('Parley did not start a Janus of its own');
  process.on('message', (request: Request) => {
    if (request.type === 'create-webinar') {
      void createWebinar(server, request.displayName).then((created) => process.send?.(created));
      return;
    }
    void server.api('POST', '/v1/meetings/rooms', { display_name: request.displayName }).then(({ status, body }) => {
      if (status !== 201) throw new Error(`Creating a room answered ${status}: ${JSON.stringify(body)}`);
      process.send?.({ type: 'room', meetingCode: (body as { meeting_code: string }).meeting_code } satisfies RoomCreated);
    });
  });
  process.on('disconnect', () => void server.close().then(() => process.exit(0)));
  process.send?.({ type: 'started', serverUrl: server.baseUrl, janusPid } satisfies Started);
}

async function createWebinar(server: TestServer, displayName: string): Promise<WebinarCreated> {
  const { services } = server.server;
  const room = await new RoomService(services).create(server.applicationId, { displayName, kind: 'webinar' });
  const token = (role: 'host' | 'panelist') =>
    services.participantTokens.mint({ participantId: role === 'host' ? room.hostParticipantId : 'bench-panelist', roomId: room.id, role });
  return { type: 'webinar', meetingCode: room.meetingCode, hostToken: token('host'), panelistToken: token('panelist') };
}

if (process.argv[2] === 'serve') await serve();
