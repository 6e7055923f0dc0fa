import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshMeetingCode, MEETING_CODE_ATTEMPTS, MeetingCodeExhaustedError, randomMeetingCode } from './meeting-codes.js';

test('meeting codes are 10 digits without a leading zero', () => {
  for (let i = 0; i < 1000; i++) assert.match(randomMeetingCode(), /^[1-9]\d{9}$/);
});

test('a fresh code skips codes already taken', async () => {
  const draws = ['1111111111', '2222222222', '3333333333'];
  const taken = new Set(['1111111111', '2222222222']);
  const code = await freshMeetingCode(async (c) => taken.has(c), () => draws.shift() ?? '9999999999');
  assert.equal(code, '3333333333');
});

test('gives up after a bounded number of collisions', async () => {
  let draws = 0;
  await assert.rejects(
    freshMeetingCode(async () => true, () => {
      draws++;
      return '1234567890';
    }),
    MeetingCodeExhaustedError,
  );
  assert.equal(draws, MEETING_CODE_ATTEMPTS);
});
