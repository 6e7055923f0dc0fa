/**
 * `npm run bench:api`: what the Meetings API costs over a bare Fastify route. A child process runs
 * Parley on SQLite (rate limiting off) and, beside it, a bare Fastify route answering the same room JSON;
 * this process drives both with autocannon (BENCH_CONNECTIONS, default 50, for BENCH_SECONDS, default
 * 10, each) and prints requests per second, p99 latency and the GET/bare ratio. The load generator and
 * the server run in separate processes so they do not share one event loop.
 *
 * GET room runs twice: with one token reused by every request, as a client that keeps its token for
 * its lifetime does, and with a fresh token on each request (cycling through more pre-signed tokens
 * than the server's verified-token cache holds), as the official Node SDK does: the RSA verification
 * is then paid on every call.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { SignJWT, importPKCS8 } from 'jose';
import pino from 'pino';
import { buildApp, createApplication, createServices, loadConfig } from '@parley/server';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

/** What the server process tells the load generator once it listens. */
interface Targets {
  parleyUrl: string;
  bareUrl: string;
  roomId: string;
  token: string;
  freshTokens: string[];
}

/** More than the server's verified-token cache holds: cycling through them in order, none is ever cached. */
const FRESH_TOKENS = 2500;

async function serve(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-api-'));
  const config = loadConfig({ PARLEY_RATE_LIMIT: '0' }, { dataDir, port: 0, devBootstrap: false, logLevel: 'silent' });
  const services = await createServices(config, { logger: pino({ level: 'silent' }) });
  const app = await buildApp(services);
  const parleyUrl = await app.listen({ host: '127.0.0.1', port: 0 });

  const { application, privateKeyPem } = await createApplication(services, { name: 'API benchmark' });
  const privateKey = await importPKCS8(privateKeyPem, 'RS256');
  // No `exp`, as the Java SDK sends them: the tokens must outlive every run.
  const mint = (jti: string) =>
    new SignJWT({ application_id: application.id, jti }).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).setIssuedAt().sign(privateKey);
  const token = await mint('bench');
  const freshTokens = await Promise.all(Array.from({ length: FRESH_TOKENS }, (_, i) => mint(`bench-${i}`)));
  const created = await fetch(`${parleyUrl}/v1/meetings/rooms`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ display_name: 'Benchmark room' }),
  });
  const room = (await created.json()) as { id: string };

  // The same JSON Parley answers, from a route that does nothing else: the ceiling to compare with.
  const bare = Fastify();
  const roomJson = await (await fetch(`${parleyUrl}/v1/meetings/rooms/${room.id}`, { headers: { authorization: `Bearer ${token}` } })).json();
  bare.get('/rooms/:room_id', async (_request, reply) => reply.type('application/json').send(roomJson));
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });

  const cleanUp = async () => {
    await app.close();
    await bare.close();
    await services.store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('disconnect', () => void cleanUp());
  process.send?.({ parleyUrl, bareUrl, roomId: room.id, token, freshTokens } satisfies Targets);
}

interface Figures {
  name: string;
  requestsPerSecond: number;
  p99: number;
  errors: number;
}

async function load(name: string, options: autocannon.Options): Promise<Figures> {
  const result = await autocannon({ connections, duration: seconds, ...options });
  // Non-2xx answers would flatter the figures (errors are cheap), so they are counted and shown.
  return { name, requestsPerSecond: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function drive(): Promise<void> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['serve'], { execArgv: process.execArgv });
  const targets = await new Promise<Targets>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Targets));
    child.once('exit', (code) => reject(new Error(`the server process exited with ${code}`)));
  });
  const auth = { authorization: `Bearer ${targets.token}` };
  const getRoom = { url: `${targets.parleyUrl}/v1/meetings/rooms/${targets.roomId}`, headers: auth };
  let next = 0;
  // Warm-up: JIT and SQLite page cache, not measured.
  await autocannon({ ...getRoom, connections, duration: 2 });

  const figures = [
    await load('POST /v1/meetings/rooms', {
      url: `${targets.parleyUrl}/v1/meetings/rooms`,
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ display_name: 'Benchmark room' }),
    }),
    await load('GET /v1/meetings/rooms/:id', getRoom),
    await load('  … a fresh token per request', {
      url: getRoom.url,
      requests: [
        {
          setupRequest: (request) => {
            next = (next + 1) % targets.freshTokens.length;
            return { ...request, headers: { ...request.headers, authorization: `Bearer ${targets.freshTokens[next]}` } };
          },
        },
      ],
    }),
    await load('GET bare Fastify, same JSON', { url: `${targets.bareUrl}/rooms/${targets.roomId}` }),
  ];
  child.disconnect();

  console.log(`bench:api — ${connections} connections, ${seconds} s each, SQLite, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}`);
  for (const f of figures) {
    console.log(`${f.name.padEnd(30)} ${f.requestsPerSecond.toFixed(0).padStart(7)} req/s   p99 ${String(f.p99).padStart(4)} ms   errors ${f.errors}`);
  }
  const [, get, , bare] = figures as [Figures, Figures, Figures, Figures];
  console.log(`GET room / bare route throughput: ${(get.requestsPerSecond / bare.requestsPerSecond).toFixed(2)} (goal ≥ 0.50); GET room p99 ${get.p99} ms (goal < 25 ms)`);
}

if (process.argv[2] === 'serve') await serve();
else await drive();
