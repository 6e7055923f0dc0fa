import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gridPageSize, mainTile, MIN_TILE, PAGER_HEIGHT, planGrid, planSpeaker, stageTiles } from './functions';

const keys = (tiles: { key: string }[]) => tiles.map((t) => t.key);

test('the stage shows shared screens first, then oneself, then the others as they arrived', () => {
  assert.deepEqual(keys(stageTiles('me', ['ann', 'bob'], ['bob'])), ['bob:screen', 'me:camera', 'ann:camera', 'bob:camera']);
});

test('a grid page holds as many tiles as fit at the smallest tile size, never more than 25', () => {
  assert.equal(gridPageSize(3, 1248, 640), 3);
  assert.equal(gridPageSize(200, 1248, 640), 25);
  assert.equal(gridPageSize(200, 1920, 1000), 25);
  const phone = gridPageSize(12, 359, 560);
  assert.ok(phone >= 4 && phone < 12, `a phone shows ${phone} of 12`);
  assert.equal(gridPageSize(5, 100, 50), 1, 'a stage smaller than one tile still shows one');
});

test('the grid pages past what fits, keeping room for the page controls', () => {
  const tiles = stageTiles('me', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'], []);
  const area = { width: 359, height: 300 };
  const first = planGrid(tiles, 0, area);
  assert.ok(first.pages > 1);
  const rows = Math.ceil(first.tiles.length / first.layout.columns);
  assert.ok(rows * first.layout.tileHeight + (rows - 1) * 12 <= area.height - PAGER_HEIGHT, 'the page controls fit below');
  assert.ok(first.layout.tileWidth >= MIN_TILE.width && first.layout.tileHeight >= MIN_TILE.height);
  const shown = Array.from({ length: first.pages }, (_, page) => keys(planGrid(tiles, page, area).tiles)).flat();
  assert.deepEqual(shown, keys(tiles), 'every tile is on exactly one page, in order');
  assert.equal(planGrid(tiles, 99, area).page, first.pages - 1, 'a page past the end shows the last one');
});

test('everyone fits on one page without page controls when there is room', () => {
  const plan = planGrid(stageTiles('me', ['a', 'b'], []), 0, { width: 1248, height: 640 });
  assert.deepEqual([plan.pages, plan.tiles.length], [1, 3]);
});

test('the speaker view shows a shared screen, else the last of the others to speak, else the first of them', () => {
  assert.equal(mainTile(stageTiles('me', ['ann', 'bob'], ['ann']), ['bob'])?.key, 'ann:screen');
  assert.equal(mainTile(stageTiles('me', ['ann', 'bob'], []), ['me', 'bob', 'ann'])?.key, 'bob:camera', 'never oneself while others are here');
  assert.equal(mainTile(stageTiles('me', ['ann', 'bob'], []), ['gone'])?.key, 'ann:camera');
  assert.equal(mainTile(stageTiles('me', [], []), [])?.key, 'me:camera');
});

test('the speaker view’s strip holds the others, the sharer’s camera included, and pages when they do not fit', () => {
  const tiles = stageTiles('me', ['ann', 'bob'], ['ann']);
  const wide = planSpeaker(tiles, [], 0, { width: 1248, height: 640 });
  assert.equal(wide.main?.key, 'ann:screen');
  assert.deepEqual(wide.mainSize, { width: 1248, height: 640 - wide.stripTile.height - 12 });
  assert.deepEqual(keys(wide.strip), ['me:camera', 'ann:camera', 'bob:camera']);
  assert.ok(wide.stripTile.width < 300);

  const many = stageTiles('me', Array.from({ length: 20 }, (_, i) => `p${i}`), []);
  const phone = planSpeaker(many, [], 0, { width: 359, height: 560 });
  assert.ok(phone.stripPages > 1);
  assert.ok(phone.strip.length >= 2, `a phone's strip shows ${phone.strip.length} at a time`);
  const across = phone.strip.length * phone.stripTile.width + (phone.strip.length - 1) * 12 + 2 * (40 + 12);
  assert.ok(across <= 359, `the strip and its page buttons take ${across} pixels`);
  const shown = Array.from({ length: phone.stripPages }, (_, page) => keys(planSpeaker(many, [], page, { width: 359, height: 560 }).strip)).flat();
  assert.equal(shown.length, many.length - 1);
  assert.ok(!shown.includes(phone.main!.key));
});

test('a camera in the main spot keeps 16:9, or fills a phone’s width up to 3:4; alone, one’s own tile takes the stage', () => {
  const plan = planSpeaker(stageTiles('me', ['ann'], []), [], 0, { width: 1248, height: 640 });
  assert.equal(plan.mainSize.width / plan.mainSize.height > 1.7, true);
  const phone = planSpeaker(stageTiles('me', ['ann'], []), [], 0, { width: 359, height: 560 });
  assert.equal(phone.mainSize.width, 359);
  assert.ok(phone.mainSize.height > 359 && phone.mainSize.height <= (359 * 4) / 3);
  const alone = planSpeaker(stageTiles('me', [], []), [], 0, { width: 1248, height: 640 });
  assert.deepEqual([alone.main?.key, alone.strip.length], ['me:camera', 0]);
});
