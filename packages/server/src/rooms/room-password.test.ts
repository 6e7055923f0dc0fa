import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parleyErrorWith } from '../test-support/test-services.js';
import { hashRoomPassword, ROOM_PASSWORD_MAX_LENGTH, verifyRoomPassword } from './room-password.js';

describe('room passwords', () => {
  test('are stored as a salted scrypt hash that holds nothing of the password', async () => {
    const first = await hashRoomPassword('correct horse');
    const second = await hashRoomPassword('correct horse');
    assert.match(first, /^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    assert.notEqual(first, second, 'each hash has its own salt');
    assert.ok(!first.includes('correct') && !first.includes(Buffer.from('correct horse').toString('base64url')));
  });

  test('verify the password they were made from, and nothing else', async () => {
    const stored = await hashRoomPassword('Tr0ub4dor&3');
    assert.equal(await verifyRoomPassword('Tr0ub4dor&3', stored), true);
    for (const wrong of ['tr0ub4dor&3', 'Tr0ub4dor&3 ', ' Tr0ub4dor&3', '', 'Tr0ub4dor']) {
      assert.equal(await verifyRoomPassword(wrong, stored), false, JSON.stringify(wrong));
    }
  });

  test('match however a character was composed', async () => {
    const stored = await hashRoomPassword('caf\u00e9');
    assert.equal(await verifyRoomPassword('cafe\u0301', stored), true);
  });

  test('match nothing when the stored hash is malformed', async () => {
    const stored = await hashRoomPassword('secret');
    for (const broken of ['', 'secret', stored.replace('scrypt', 'bcrypt'), `${stored}$extra`, stored.replace('$16384$', '$0$'), stored.replace(/\$[\w-]+$/, '$')]) {
      assert.equal(await verifyRoomPassword('secret', broken), false, broken);
    }
  });

  test(`must be 1 to ${ROOM_PASSWORD_MAX_LENGTH} characters`, async () => {
    const refusal = parleyErrorWith('validation_failed', `A room password must be 1 to ${ROOM_PASSWORD_MAX_LENGTH} characters long`);
    await assert.rejects(hashRoomPassword(''), refusal);
    await assert.rejects(hashRoomPassword('x'.repeat(ROOM_PASSWORD_MAX_LENGTH + 1)), refusal);
    // Characters, not UTF-16 units: 128 emoji are a valid password.
    const emoji = '\u{1F511}'.repeat(ROOM_PASSWORD_MAX_LENGTH);
    assert.equal(await verifyRoomPassword(emoji, await hashRoomPassword(emoji)), true);
  });
});
