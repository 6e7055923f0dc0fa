import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accentPalette, parseHexColor } from './functions';

test('parses short and long hex colours, rejects the rest', () => {
  assert.deepEqual(parseHexColor('#fa0'), [255, 170, 0]);
  assert.deepEqual(parseHexColor('1a2B3c'), [26, 43, 60]);
  assert.equal(parseHexColor('red'), null);
  assert.equal(parseHexColor('#12345'), null);
});

test('text on the accent contrasts with it', () => {
  assert.equal(accentPalette('#ffdd00')?.['--on-accent'], '#0b0d12');
  assert.equal(accentPalette('#1a237e')?.['--on-accent'], '#ffffff');
  assert.equal(accentPalette('url(javascript:x)'), null);
});
