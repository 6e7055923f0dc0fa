import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { canModerate, canPublish, PARTICIPANT_ROLES } from '@parley/protocol';
import { createTestServices } from '../test-support/test-services.js';

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
});

describe('roles', () => {
  test('only hosts and co-hosts moderate; everyone but attendees publishes', () => {
    assert.deepEqual(PARTICIPANT_ROLES.filter(canModerate), ['host', 'cohost']);
    assert.deepEqual(PARTICIPANT_ROLES.filter(canPublish), ['host', 'cohost', 'guest', 'panelist']);
  });
});
