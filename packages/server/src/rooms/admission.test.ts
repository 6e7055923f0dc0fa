import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { admissionOf, type MeetingDoor } from './admission.js';

const open: MeetingDoor = { locked: false, hostHasJoined: false };
const hostCame: MeetingDoor = { locked: false, hostHasJoined: true };
const locked: MeetingDoor = { locked: true, hostHasJoined: true };

describe('admissionOf', () => {
  test('lets hosts and co-hosts in whatever the lock and the approval level', () => {
    for (const role of ['host', 'cohost'] as const) {
      for (const level of ['none', 'after_owner_only', 'explicit_approval'] as const) {
        for (const meeting of [undefined, open, locked]) {
          assert.deepEqual(admissionOf(role, level, meeting), { kind: 'enter' }, `${role}, ${level}, ${JSON.stringify(meeting)}`);
        }
      }
    }
  });

  test('refuses guests of a locked meeting, whatever the approval level', () => {
    for (const level of ['none', 'after_owner_only', 'explicit_approval'] as const) {
      assert.deepEqual(admissionOf('guest', level, locked), { kind: 'refuse', code: 'room_locked' });
    }
  });

  test('`none` lets guests straight in, into an empty room too', () => {
    assert.deepEqual(admissionOf('guest', 'none', undefined), { kind: 'enter' });
    assert.deepEqual(admissionOf('guest', 'none', open), { kind: 'enter' });
  });

  test('`after_owner_only` holds guests until the host has come in, then lets them in', () => {
    assert.deepEqual(admissionOf('guest', 'after_owner_only', undefined), { kind: 'wait', reason: 'host_absent' });
    assert.deepEqual(admissionOf('guest', 'after_owner_only', open), { kind: 'wait', reason: 'host_absent' });
    assert.deepEqual(admissionOf('guest', 'after_owner_only', hostCame), { kind: 'enter' });
  });

  test('`explicit_approval` has every guest wait, with or without the host', () => {
    for (const meeting of [undefined, open, hostCame]) {
      assert.deepEqual(admissionOf('guest', 'explicit_approval', meeting), { kind: 'wait', reason: 'approval_required' });
    }
  });
});
