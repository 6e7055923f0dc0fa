import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PublicTheme } from '@parley/protocol';
import { accentPalette, brandTextOf, isImageUrl, logoCandidates, parseHexColor } from './functions';

const theme = (fields: Partial<PublicTheme> = {}): PublicTheme => ({
  mainColor: '#12f64e',
  brandText: 'Acme',
  brandImageColoredUrl: null,
  brandImageWhiteUrl: null,
  brandedFaviconUrl: null,
  ...fields,
});

test('parses short and long hex colours, rejects the rest', () => {
  assert.deepEqual(parseHexColor('#fa0'), [255, 170, 0]);
  assert.deepEqual(parseHexColor('1a2B3c'), [26, 43, 60]);
  assert.equal(parseHexColor('red'), null);
  assert.equal(parseHexColor('#12345'), null);
});

test('text on the accent contrasts with it', () => {
  assert.equal(accentPalette('#ffdd00')?.['--on-accent'], '#0b0d12');
  assert.equal(accentPalette('#1a237e')?.['--on-accent'], '#ffffff');
  assert.equal(accentPalette('#AB34C1')?.['--accent'], 'rgb(171 52 193)');
  assert.equal(accentPalette('url(javascript:x)'), null);
});

test('brand text: trimmed, and none when blank', () => {
  assert.equal(brandTextOf(theme({ brandText: '  Acme Corp ' })), 'Acme Corp');
  assert.equal(brandTextOf(theme({ brandText: '   ' })), null);
  assert.equal(brandTextOf(null), null);
});

test('only http(s) image addresses are used', () => {
  assert.equal(isImageUrl('https://cdn.test/logo.png'), true);
  assert.equal(isImageUrl('http://127.0.0.1:8080/logos/logos/white/abc'), true);
  assert.equal(isImageUrl('/logos/logos/white/abc'), true);
  assert.equal(isImageUrl('javascript:alert(1)'), false);
  assert.equal(isImageUrl('data:image/png;base64,AAAA'), false);
  assert.equal(isImageUrl(''), false);
  assert.equal(isImageUrl(null), false);
});

test('the white logo on dark surfaces, the coloured one on light surfaces, the other as a fallback', () => {
  const both = theme({ brandImageWhiteUrl: 'https://x.test/w.png', brandImageColoredUrl: 'https://x.test/c.png' });
  assert.deepEqual(logoCandidates(both, 'dark'), [
    { kind: 'white', url: 'https://x.test/w.png', plated: false },
    { kind: 'colored', url: 'https://x.test/c.png', plated: true },
  ]);
  assert.deepEqual(logoCandidates(both, 'light'), [
    { kind: 'colored', url: 'https://x.test/c.png', plated: false },
    { kind: 'white', url: 'https://x.test/w.png', plated: true },
  ]);
});

test('with one logo, every surface uses it, plated where it was not made for the surface', () => {
  const whiteOnly = theme({ brandImageWhiteUrl: 'https://x.test/w.png' });
  assert.deepEqual(logoCandidates(whiteOnly, 'light'), [{ kind: 'white', url: 'https://x.test/w.png', plated: true }]);
  assert.deepEqual(logoCandidates(whiteOnly, 'dark'), [{ kind: 'white', url: 'https://x.test/w.png', plated: false }]);
  const coloredOnly = theme({ brandImageColoredUrl: 'https://x.test/c.png' });
  assert.deepEqual(logoCandidates(coloredOnly, 'dark'), [{ kind: 'colored', url: 'https://x.test/c.png', plated: true }]);
});

test('no logos, unusable logo addresses, or no theme: no candidates (the brand text shows)', () => {
  assert.deepEqual(logoCandidates(theme(), 'dark'), []);
  assert.deepEqual(logoCandidates(theme({ brandImageWhiteUrl: 'javascript:x', brandImageColoredUrl: 'data:,x' }), 'light'), []);
  assert.deepEqual(logoCandidates(null, 'light'), []);
});
