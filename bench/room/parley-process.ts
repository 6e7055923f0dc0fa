/**
 * Parley under test, in a child process of its own, so its CPU is measured apart from the benchmark's:
 * the real server on a fresh SQLite file with its own Janus (static event loops, as in production),
 * started the way the browser tests start it. It creates rooms when the benchmark asks.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startTestServer } from '../../e2e/support/test-server.js';
import { RoomService } from '../../packages/server/src/rooms/room-service.js';

interface Started {
  type: 'started';
  serverUrl: string;
  janusPid: number;
}

interface RoomCreated {
  type: 'room';
  meetingCode: string;
  /** For a webinar room: a panelist's participant token. */
  panelistToken?: string;
}

type ParleyRequest = { type: 'create-room'; displayName: string } | { type: 'create-webinar-room'; displayName: string };

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
    return (await this.request({ type: 'create-room', displayName })).meetingCode;
  }

  /**
   * A new webinar session's room, as the webinars domain makes them: people who join with its meeting
   * code alone are attendees. Returns the code and a panelist's participant token.
   */
  async createWebinarRoom(displayName: string): Promise<{ meetingCode: string; panelistToken: string }> {
    const { meetingCode, panelistToken } = await this.request({ type: 'create-webinar-room', displayName });
    if (!panelistToken) throw new Error('Parley made no panelist token');
    return { meetingCode, panelistToken };
  }

  private async request(request: ParleyRequest): Promise<RoomCreated> {
    const created = nextMessage<RoomCreated>(this.child);
    this.child.send(request);
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
  process.on('message', (request: ParleyRequest) => {
    if (request.type === 'create-webinar-room') {
      void new RoomService(server.server.services).create(server.applicationId, { displayName: request.displayName, kind: 'webinar' }).then((room) => {
        const panelistToken = server.server.services.participantTokens.mint({ participantId: randomUUID(), roomId: room.id, role: 'panelist' });
        process.send?.({ type: 'room', meetingCode: room.meetingCode, panelistToken } satisfies RoomCreated);
      });
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

if (process.argv[2] === 'serve') await serve();
