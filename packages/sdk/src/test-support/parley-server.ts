import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, createApplication, createServices, loadConfig } from '@parley/server';

export interface RunningServer {
  /** Where the server listens (loopback, a free port). */
  url: string;
  dataDir: string;
  applicationId: string;
  privateKeyPem: string;
  close(): Promise<void>;
}

/**
 * A real Parley server on 127.0.0.1 with a fresh database and one application. Its public URL is
 * deliberately not the address it listens on, as behind a proxy: clients must not depend on it.
 */
export async function startParleyServer(): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-sdk-test-'));
  const config = loadConfig({}, { dataDir, host: '127.0.0.1', port: 0, publicUrl: 'http://parley.test', devBootstrap: false, logLevel: 'silent' });
  const services = await createServices(config);
  const app = await buildApp(services);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const { application, privateKeyPem } = await createApplication(services, { name: 'SDK tests' });
  return {
    url,
    dataDir,
    applicationId: application.id,
    privateKeyPem,
    async close() {
      await app.close();
      await services.store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
