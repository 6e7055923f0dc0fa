import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { logoProblem, MAX_LOGO_BYTES } from './logo-validation.js';
import {
  drawPng,
  logoWithTransparentColor,
  NOT_A_PNG,
  opaqueLogo,
  oversizedLogo,
  transparentLogo,
  withDeclaredSize,
} from './test-support/test-pngs.js';

describe('logo requirements', () => {
  test('a transparent logo within bounds passes, for white and colored alike', () => {
    assert.equal(logoProblem('white', transparentLogo(200, 80)), undefined);
    assert.equal(logoProblem('colored', transparentLogo(300, 1)), undefined);
    assert.equal(logoProblem('colored', transparentLogo(1, 300)), undefined);
  });

  test('favicons are square, from 16 to 32 px', () => {
    assert.equal(logoProblem('favicon', transparentLogo(16, 16)), undefined);
    assert.equal(logoProblem('favicon', transparentLogo(32, 32)), undefined);
    assert.equal(logoProblem('favicon', transparentLogo(15, 15)), 'dimensions');
    assert.equal(logoProblem('favicon', transparentLogo(33, 33)), 'dimensions');
    assert.equal(logoProblem('favicon', transparentLogo(32, 16)), 'dimensions');
    // A fine logo is not a fine favicon.
    assert.equal(logoProblem('favicon', transparentLogo(200, 80)), 'dimensions');
  });

  test('logos larger than 300 px on either side fail on dimensions', () => {
    assert.equal(logoProblem('white', transparentLogo(400, 80)), 'dimensions');
    assert.equal(logoProblem('colored', transparentLogo(80, 301)), 'dimensions');
  });

  test('a header declaring a huge image fails on dimensions without its pixels being decoded', () => {
    assert.equal(logoProblem('white', withDeclaredSize(transparentLogo(20, 20), 100_000, 100_000)), 'dimensions');
  });

  test('anything but a PNG fails on type, including a PNG header over broken data', () => {
    assert.equal(logoProblem('white', NOT_A_PNG), 'type');
    assert.equal(logoProblem('white', Buffer.from('[object FormData]')), 'type');
    const truncated = transparentLogo(100, 40).subarray(0, 60);
    assert.equal(logoProblem('white', truncated), 'type');
  });

  test('a file over 1 MiB fails on size first, whatever else it is', () => {
    const big = oversizedLogo();
    assert.ok(big.length > MAX_LOGO_BYTES, `the test image is ${big.length} bytes`);
    assert.equal(logoProblem('white', big), 'exceeds_size');
    assert.equal(logoProblem('white', Buffer.alloc(MAX_LOGO_BYTES + 1)), 'exceeds_size');
  });

  test('an opaque background fails on transparent_bg', () => {
    assert.equal(logoProblem('white', opaqueLogo(200, 80)), 'transparent_bg');
    assert.equal(logoProblem('favicon', opaqueLogo(32, 32)), 'transparent_bg');
  });

  test('an alpha channel with no transparent pixel on the border fails too', () => {
    const framed = drawPng(50, 50, (x, y) => (x === 0 || y === 0 || x === 49 || y === 49 ? [0, 0, 0, 255] : [0, 0, 0, 0]));
    assert.equal(logoProblem('white', framed), 'transparent_bg');
    const oneCorner = drawPng(50, 50, (x, y) => (x === 49 && y === 49 ? [0, 0, 0, 0] : [0, 0, 0, 255]));
    assert.equal(logoProblem('white', oneCorner), undefined);
  });

  test('a tRNS chunk makes a background transparent without an alpha channel', () => {
    assert.equal(logoProblem('colored', logoWithTransparentColor(120, 60)), undefined);
  });
});
