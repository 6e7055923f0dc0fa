import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ParticipantInfo, ParticipantRole } from '@parley/protocol';
import { matchesSearch, orderParticipants } from './functions';

const person = (displayName: string, role: ParticipantRole = 'guest'): ParticipantInfo => ({
  id: displayName,
  displayName,
  role,
  audioMuted: false,
  videoMuted: false,
  moderated: { audio: false, video: false },
  screenSharing: false,
  joinedAt: '',
});

test('lists oneself first, then hosts and co-hosts, then everyone else, by name', () => {
  const ordered = orderParticipants(person('Zoe'), [person('bob'), person('Carl', 'cohost'), person('Ann'), person('Dan', 'host'), person('Éva')], 'en');
  assert.deepEqual(ordered.map((p) => p.displayName), ['Zoe', 'Carl', 'Dan', 'Ann', 'bob', 'Éva']);
});

test('finds people by any part of their name, whatever the case or accents', () => {
  assert.equal(matchesSearch('José Álvarez', 'jose'), true);
  assert.equal(matchesSearch('José Álvarez', 'ALV'), true);
  assert.equal(matchesSearch('José Álvarez', '  '), true);
  assert.equal(matchesSearch('José Álvarez', 'maria'), false);
});
