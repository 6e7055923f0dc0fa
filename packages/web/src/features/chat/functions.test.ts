import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSentAt, isNearBottom } from './functions';

test('formats the sent time in the reader’s language, and nothing for a bad time', () => {
  assert.match(formatSentAt('2026-01-01T09:05:00.000Z', 'en'), /^\d{1,2}:05\s?(AM|PM)$/);
  assert.equal(formatSentAt('not a time', 'en'), '');
});

test('follows new messages only when the reader is at the bottom', () => {
  assert.equal(isNearBottom({ scrollTop: 560, scrollHeight: 1000, clientHeight: 400 }), true);
  assert.equal(isNearBottom({ scrollTop: 100, scrollHeight: 1000, clientHeight: 400 }), false);
});
