import { after, before } from 'node:test';
import { launchParticipant, type Participant } from './browser.js';
import { startTestServer, type TestServer } from './test-server.js';

export interface ServerAndBrowser {
  server: TestServer;
  browser: Participant;
}

/**
 * For a suite that loads pages in one browser: starts a test server and a browser before the suite's
 * tests and closes both after them. Read the fields inside tests, once `before` has filled them.
 */
export function serverAndBrowserForSuite(): ServerAndBrowser {
  const parts = {} as ServerAndBrowser;
  before(async () => {
    parts.server = await startTestServer();
    parts.browser = await launchParticipant();
  });
  after(async () => {
    await parts.browser?.close();
    await parts.server?.close();
  });
  return parts;
}
