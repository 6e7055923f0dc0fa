import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { waitUntil } from './support/wait.js';
import { serverAndBrowserForSuite } from './support/server-and-browser.js';

describe('availability: health and unavailable rooms', { timeout: 90_000 }, () => {
  const suite = serverAndBrowserForSuite();

  it('answers /health 200 when the database and Janus are ready', async () => {
    const response = await fetch(`${suite.server.baseUrl}/health`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { status: string };
    assert.equal(body.status, 'ok');
  });

  it('shows a clear page for a room that has expired', async () => {
    const created = await suite.server.api('POST', '/v1/meetings/rooms', { display_name: 'Expires' });
    const room = created.body as { id: string; _links: { guest_url: { href: string } } };
    await suite.server.server.services.rooms.update(room.id, {}, new Date(Date.now() - 1000).toISOString());
    await suite.server.server.lifecycle.sweep();
    await suite.browser.page.goto(room._links.guest_url.href);
    const page = await suite.browser.page.waitForSelector('[data-testid="room-unavailable"]');
    assert.equal(await page.getAttribute('data-reason'), 'unavailable');
    assert.ok(((await page.textContent()) ?? '').trim().length > 0);
  });

  it('shows a clear page for a meeting code that does not exist', async () => {
    await suite.browser.page.goto(`${suite.server.baseUrl}/999999999999`);
    const page = await suite.browser.page.waitForSelector('[data-testid="room-unavailable"]');
    assert.equal(await page.getAttribute('data-reason'), 'not_found');
  });

  it('answers /health 503 with the reason while Janus is down, and 200 once it is back', async () => {
    const pid = suite.server.server.media.janusPid;
    assert.ok(pid);
    process.kill(pid, 'SIGKILL');
    let reason = '';
    await waitUntil(async () => {
      const response = await fetch(`${suite.server.baseUrl}/health`);
      if (response.status !== 503) return `status ${response.status}`;
      reason = ((await response.json()) as { reason: string }).reason;
      return undefined;
    }, 5000, 5);
    assert.match(reason, /janus/i);
    await waitUntil(async () => ((await fetch(`${suite.server.baseUrl}/health`)).status === 200 ? undefined : 'still unhealthy'), 15_000);
  });
});
