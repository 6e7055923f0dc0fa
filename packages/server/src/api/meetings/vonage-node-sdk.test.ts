import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Auth } from '@vonage/auth';
import { Meetings } from '@vonage/meetings';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { createApplication } from '../../identity/applications.js';
import { createTestServices } from '../../test-support/test-services.js';

/**
 * The official Vonage Node SDK, unchanged, pointed at Parley with `meetingsHost`: the compatibility
 * promise to existing users, checked over a real socket.
 */
describe('@vonage/meetings against Parley', () => {
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let app: FastifyInstance;
  let meetings: Meetings;
  before(async () => {
    services = await createTestServices();
    app = await buildApp(services);
    const meetingsHost = await app.listen({ host: '127.0.0.1', port: 0 });
    const { application, privateKeyPem } = await createApplication(services, { name: 'Vonage SDK' });
    meetings = new Meetings(new Auth({ applicationId: application.id, privateKey: privateKeyPem }), { meetingsHost, timeout: 5000 });
  });
  after(async () => {
    await app.close();
    await services.dispose();
  });

  test('createRoom sends only the top-level keys it knows, and gets a camel-cased room back', async () => {
    const expiresAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const room = await meetings.createRoom({
      displayName: 'From @vonage/meetings',
      metadata: 'code=1123',
      type: 'long_term' as never,
      expiresAt,
      expireAfterUse: true,
      joinApprovalLevel: 'after_owner_only' as never,
      // Dropped by the SDK's lodash.pick (no dotted paths): the server must apply its defaults.
      availableFeatures: { isChatAvailable: false },
    } as never);
    assert.match(room.id ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(room.displayName, 'From @vonage/meetings');
    assert.equal(room.metadata, 'code=1123');
    assert.equal(room.type, 'long_term');
    assert.equal(room.expiresAt, expiresAt);
    assert.equal(room.expireAfterUse, true);
    assert.equal(room.joinApprovalLevel, 'after_owner_only');
    assert.equal(room.availableFeatures?.isChatAvailable, true);
    const guestUrl = (room as { guestUrl?: string }).guestUrl;
    const hostUrl = (room as { hostUrl?: string }).hostUrl;
    assert.equal(guestUrl, `http://parley.test/${room.meetingCode}`);
    assert.match(hostUrl ?? '', new RegExp(`^http://parley\\.test/\\?room_token=${room.meetingCode}&participant_token=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
  });

  test('getRoom reads a room back', async () => {
    const created = await meetings.createRoom({ displayName: 'Read me' } as never);
    const room = await meetings.getRoom(created.id as string);
    assert.equal(room.id, created.id);
    assert.equal(room.displayName, 'Read me');
    assert.equal(room.type, 'instant');
  });

  test('getRooms follows next links through every page and stops', async () => {
    for (let i = 0; i < 5; i++) await meetings.createRoom({ displayName: `paged ${i}` } as never);
    // getRoomPage hands back the raw page, snake_case keys and all.
    const total = ((await meetings.getRoomPage({})) as unknown as { total_items: number }).total_items;
    assert.equal(total, 7);
    const seen: string[] = [];
    for await (const room of meetings.getRooms({ pageSize: 2 } as never)) seen.push(room.id as string);
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total);
  });

  test('a refusal reaches the caller as the SDK error for that status', async () => {
    await assert.rejects(meetings.getRoom('00000000-0000-4000-8000-000000000000'), /404/);
  });
});
