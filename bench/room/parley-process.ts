/**
 * Parley under test, in a child process of its own, so its CPU is measured apart from the benchmark's:
 * the real server on a fresh SQLite file with its own Janus (static event loops, as in production),
 * started the way the browser tests start it. It creates rooms when the benchmark asks.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { startTestServer, type TestServer } from '../../e2e/support/test-server.js';
import { JanusProcess } from '../../packages/server/src/media/janus/janus-process.js';
import { RoomService } from '../../packages/server/src/rooms/room-service.js';

interface Started {
  type: 'started';
  serverUrl: string;
  /** Every Janus's process, in the order of the pool (the first takes the first room). */
  janusPids: number[];
}

/**
 * A pool of Janus servers instead of Parley's own: `janusServers` of them, run by the Parley process
 * as external ones, a webinar's audience cascading from one to the next past `attendeesPerJanus`.
 */
export interface CascadeOptions {
  janusServers: number;
  attendeesPerJanus: number;
}

/** How many attendees of the room each Janus carries (its handles: one subscriber per attendee). */
export interface JanusLoad {
  type: 'loads';
  handles: number[];
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

type Request = { type: 'create-room'; displayName: string } | { type: 'create-webinar'; displayName: string } | { type: 'loads' };

export class ParleyProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly serverUrl: string,
    readonly janusPids: number[],
  ) {}

  static async start(cascade?: CascadeOptions): Promise<ParleyProcess> {
    const args = cascade ? ['serve', String(cascade.janusServers), String(cascade.attendeesPerJanus)] : ['serve'];
    const child = fork(fileURLToPath(import.meta.url), args, { execArgv: process.execArgv });
    const started = await nextMessage<Started>(child);
    return new ParleyProcess(child, started.serverUrl, started.janusPids);
  }

  /** The Janus Parley runs (the first of the pool). */
  get janusPid(): number {
    return this.janusPids[0] ?? 0;
  }

  /** The handles this node has on each Janus of the pool, in pool order. */
  async janusHandles(): Promise<number[]> {
    const loads = nextMessage<JanusLoad>(this.child);
    this.child.send({ type: 'loads' } satisfies Request);
    return (await loads).handles;
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

/** Janus servers of a pool, each with an RTP port range of its own; stopped when Parley stops. */
async function startJanusPool(count: number): Promise<{ urls: string[]; pids: number[]; stop(): Promise<void> }> {
  const started: { janus: JanusProcess; dataDir: string; url: string }[] = [];
  for (let i = 0; i < count; i++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `parley-bench-janus-${i + 1}-`));
    const janus = new JanusProcess({ binary: 'janus', dataDir, rtpPorts: { min: 46000 + i * 1000, max: 46999 + i * 1000 }, logger: pino({ level: 'silent' }) });
    started.push({ janus, dataDir, url: await janus.start() });
  }
  return {
    urls: started.map((s) => s.url),
    pids: started.map((s) => s.janus.pid ?? 0),
    async stop() {
      for (const { janus, dataDir } of started) {
        await janus.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

async function serve(janusServers: number, attendeesPerJanus: number): Promise<void> {
  const pool = janusServers > 0 ? await startJanusPool(janusServers) : undefined;
  const server = await startTestServer(pool ? { janusUrls: pool.urls, webinarAttendeesPerJanus: attendeesPerJanus } : {});
  const janusPids = pool?.pids ?? [server.server.media.janusPid ?? 0];
  if (!janusPids.every((pid) => pid > 0)) throw new Error('Parley did not start a Janus of its own');
  const urls = pool?.urls ?? [];
  process.on('message', (request: Request) => {
    if (request.type === 'loads') {
      const loads = server.server.media.loadsByMember();
      process.send?.({ type: 'loads', handles: urls.map((url) => loads[url]?.handles ?? 0) } satisfies JanusLoad);
      return;
    }
    if (request.type === 'create-webinar') {
      void createWebinar(server, request.displayName).then((created) => process.send?.(created));
      return;
    }
    void server.api('POST', '/v1/meetings/rooms', { display_name: request.displayName }).then(({ status, body }) => {
      if (status !== 201) throw new Error(`Creating a room answered ${status}: ${JSON.stringify(body)}`);
      process.send?.({ type: 'room', meetingCode: (body as { meeting_code: string }).meeting_code } satisfies RoomCreated);
    });
  });
  process.on('disconnect', () => void server.close().then(() => pool?.stop()).then(() => process.exit(0)));
  process.send?.({ type: 'started', serverUrl: server.baseUrl, janusPids } satisfies Started);
}

async function createWebinar(server: TestServer, displayName: string): Promise<WebinarCreated> {
  const { services } = server.server;
  const room = await new RoomService(services).create(server.applicationId, { displayName, kind: 'webinar' });
  const token = (role: 'host' | 'panelist') =>
    services.participantTokens.mint({ participantId: role === 'host' ? room.hostParticipantId : 'bench-panelist', roomId: room.id, role });
  return { type: 'webinar', meetingCode: room.meetingCode, hostToken: token('host'), panelistToken: token('panelist') };
}

if (process.argv[2] === 'serve') await serve(Number(process.argv[3] ?? 0), Number(process.argv[4] ?? 0));
