import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DISPLAY_NAME_MAX_LENGTH } from '@parley/protocol';
import { ParleyError } from '../errors.js';
import { displayNameOf } from './display-name.js';

test('a display name has its spaces tidied', () => {
  assert.equal(displayNameOf('  Ada \t Lovelace\n'), 'Ada Lovelace');
  assert.equal(displayNameOf('李 小龍'), '李 小龍');
});

test('an empty, over-long or garbled display name is refused', () => {
  for (const name of ['', '   ', '\n\t', 'x'.repeat(DISPLAY_NAME_MAX_LENGTH + 1), 'Ada\u0000', 'Bell\u0007']) {
    assert.throws(() => displayNameOf(name), (error: unknown) => error instanceof ParleyError && error.code === 'validation_failed', JSON.stringify(name));
  }
  assert.equal(displayNameOf(` ${'x'.repeat(DISPLAY_NAME_MAX_LENGTH)} `).length, DISPLAY_NAME_MAX_LENGTH);
});
