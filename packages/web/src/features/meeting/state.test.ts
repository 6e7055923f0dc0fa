import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ParticipantInfo } from '@parley/protocol';
import { remotesReducer, type RemoteLike } from './state';

const stream = {} as MediaStream;
const person = (id: string, extra: Partial<ParticipantInfo> = {}): RemoteLike => ({
  stream,
  screenStream: stream,
  info: { id, displayName: id.toUpperCase(), role: 'guest', audioMuted: false, videoMuted: false, joinedAt: '', moderated: { audio: false, video: false }, screenSharing: false, ...extra },
});

test('people appear in arrival order and disappear when they leave', () => {
  let s = remotesReducer([], { type: 'reset', participants: [person('a')] });
  s = remotesReducer(s, { type: 'joined', participant: person('b') });
  s = remotesReducer(s, { type: 'joined', participant: person('c') });
  assert.deepEqual(s.map((p) => p.info.id), ['a', 'b', 'c']);
  s = remotesReducer(s, { type: 'left', participantId: 'b' });
  assert.deepEqual(s.map((p) => p.info.id), ['a', 'c']);
  assert.equal(remotesReducer(s, { type: 'left', participantId: 'zz' }), s);
});

test('a duplicate join updates in place instead of adding a second tile', () => {
  let s = remotesReducer([], { type: 'joined', participant: person('a') });
  s = remotesReducer(s, { type: 'joined', participant: person('a', { displayName: 'Ada' }) });
  assert.equal(s.length, 1);
  assert.equal(s[0]?.info.displayName, 'Ada');
});

test('updates change mute state; tracks bump the version', () => {
  let s = remotesReducer([], { type: 'joined', participant: person('a') });
  s = remotesReducer(s, { type: 'updated', participant: person('a', { audioMuted: true }) });
  assert.equal(s[0]?.info.audioMuted, true);
  assert.equal(s[0]?.trackVersion, 0);
  s = remotesReducer(s, { type: 'track', participant: person('a', { audioMuted: true }) });
  assert.equal(s[0]?.trackVersion, 1);
});
