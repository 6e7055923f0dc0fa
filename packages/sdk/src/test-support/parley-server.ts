import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, createApplication, createServices, loadConfig, type Config, type Services } from '@parley/server';
import { freePort } from '../../../server/src/free-port.js';

export interface RunningServer {
  /** Where the server listens (loopback, a free port). */
  url: string;
  dataDir: string;
  applicationId: string;
  privateKeyPem: string;
  /** The server's own services, for what no API call can do yet (a recording, made by a later part). */
  services: Services;
  close(): Promise<void>;
}

export interface ParleyServerOptions {
  /**
   * Publish the server on the address it listens on. By default its public URL is deliberately not
   * that address, as behind a proxy, so clients must not depend on it; what the server hands out to
   * follow (logo upload targets, download links) needs it reachable.
   */
  reachable?: boolean;
  config?: Partial<Config>;
}

/** A real Parley server on 127.0.0.1 with a fresh database and one application. */
export async function startParleyServer(options: ParleyServerOptions = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-sdk-test-'));
  const port = options.reachable ? await freePort() : 0;
  const publicUrl = options.reachable ? `http://127.0.0.1:${port}` : 'http://parley.test';
  const config = loadConfig({}, { dataDir, host: '127.0.0.1', port, publicUrl, devBootstrap: false, logLevel: 'silent', ...options.config });
  const services = await createServices(config);
  const app = await buildApp(services);
  const url = await app.listen({ host: '127.0.0.1', port });
  const { application, privateKeyPem } = await createApplication(services, { name: 'SDK tests' });
  return {
    url,
    dataDir,
    applicationId: application.id,
    privateKeyPem,
    services,
    async close() {
      await app.close();
      await services.store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
