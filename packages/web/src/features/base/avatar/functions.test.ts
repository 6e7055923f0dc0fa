import assert from 'node:assert/strict';
import { test } from 'node:test';
import { avatarHue, initials } from './functions';

test('initials take the first and last word', () => {
  assert.equal(initials('Sam Rivera'), 'SR');
  assert.equal(initials('  alex   jordan   lee   morgan '), 'AM');
  assert.equal(initials('Cher'), 'C');
  assert.equal(initials('   '), '?');
  assert.equal(initials('élodie durand'), 'ÉD');
});

test('avatar hue is stable and in range', () => {
  assert.equal(avatarHue('p-1'), avatarHue('p-1'));
  assert.ok(avatarHue('someone') >= 0 && avatarHue('someone') < 360);
});
