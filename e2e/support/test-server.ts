import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '../../packages/server/src/config.js';
import { createApplication } from '../../packages/server/src/identity/applications.js';
import { startServer, type RunningServer } from '../../packages/server/src/server.js';
import { freePort } from '../../packages/server/src/free-port.js';
import { apiClient, type ApiClient } from './api-client.js';

export interface TestServer extends ApiClient {
  server: RunningServer;
  baseUrl: string;
  applicationId: string;
  close(): Promise<void>;
}

/**
 * The real server, in this process, with its own Janus, on a fresh SQLite file, listening on loopback.
 * The media it carries stays inside the test run's network namespace. `overrides` change settings
 * (a lower presenter limit, say).
 */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-e2e-'));
  const port = await freePort();
  const config = loadConfig({}, {
    dataDir,
    port,
    host: '127.0.0.1',
    publicUrl: `http://127.0.0.1:${port}`,
    devBootstrap: false,
    janusRtpPorts: '41000-41999',
    logLevel: (process.env.PARLEY_LOG_LEVEL as 'info' | undefined) ?? 'silent',
    ...overrides,
  });
  const server = await startServer(config, { logger: pino({ level: config.logLevel }) });
  const { application, privateKeyPem } = await createApplication({ store: server.services.store }, { name: 'e2e' });
  const baseUrl = config.publicUrl;
  const client = await apiClient(baseUrl, application.id, privateKeyPem);
  return {
    server,
    baseUrl,
    applicationId: application.id,
    ...client,
    async close() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
