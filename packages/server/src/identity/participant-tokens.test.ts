import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { canModerate, canPublish, PARTICIPANT_ROLES } from '@parley/protocol';
import { createTestServices } from '../test-support/test-services.js';
import { MIN_PARTICIPANT_TOKEN_LIFETIME_S } from './participant-tokens.js';

describe('ParticipantTokens', () => {
  let services: Awaited<ReturnType<typeof createTestServices>>;
  before(async () => {
    services = await createTestServices();
  });
  after(() => services.dispose());

  test('a token carries each role, and a user, back out as it went in', () => {
    for (const role of PARTICIPANT_ROLES) {
      const claims = { participantId: `p-${role}`, roomId: 'room-1', role, user: { userId: 'u-1', accountId: 'a-1' } };
      assert.deepEqual(services.participantTokens.verify(services.participantTokens.mint(claims)), claims);
    }
  });

  test('a token expires with its room, and lives at least a day', () => {
    const expOf = (token: string): number => (JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as { exp: number }).exp;
    const claims = { participantId: 'p-1', roomId: 'room-1', role: 'host' as const };
    const now = Math.floor(Date.now() / 1000);
    const roomExpiry = new Date((now + 30 * 86_400) * 1000).toISOString();
    assert.equal(expOf(services.participantTokens.mint(claims, roomExpiry)), now + 30 * 86_400);
    const soon = new Date((now + 60) * 1000).toISOString();
    assert.ok(expOf(services.participantTokens.mint(claims, soon)) >= now + MIN_PARTICIPANT_TOKEN_LIFETIME_S);
  });
});

describe('roles', () => {
  test('only hosts and co-hosts moderate; everyone but attendees publishes', () => {
    assert.deepEqual(PARTICIPANT_ROLES.filter(canModerate), ['host', 'cohost']);
    assert.deepEqual(PARTICIPANT_ROLES.filter(canPublish), ['host', 'cohost', 'guest', 'panelist']);
  });
});
