import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { layoutTimeline } from './layout-timeline.js';
import { CANVAS, type RecordedTrack } from './recorded-track.js';

const video = (participantId: string, startMs: number, endMs: number, source: 'camera' | 'screen' = 'camera'): RecordedTrack => ({
  participantId,
  kind: 'video',
  source,
  file: `${participantId}-${source}.webm`,
  startMs,
  endMs,
});
const audio = (participantId: string, startMs: number, endMs: number): RecordedTrack => ({ ...video(participantId, startMs, endMs), kind: 'audio', file: `${participantId}.opus` });
const shown = (segment: { tiles: { track: RecordedTrack }[] }) => segment.tiles.map((t) => `${t.track.participantId}:${t.track.source}`);

describe('layoutTimeline', () => {
  test('changes layout exactly when videos start and stop, and covers the whole recording', () => {
    const segments = layoutTimeline([video('a', 0, 10_000), video('b', 3_000, 7_000), audio('c', 0, 10_000)], 10_000);
    assert.deepEqual(
      segments.map((s) => [s.startMs, s.endMs, shown(s)]),
      [
        [0, 3_000, ['a:camera']],
        [3_000, 7_000, ['a:camera', 'b:camera']],
        [7_000, 10_000, ['a:camera']],
      ],
    );
  });

  test('fills the canvas with one camera and splits it into two columns for two', () => {
    const [one, two] = layoutTimeline([video('a', 0, 2_000), video('b', 1_000, 2_000)], 2_000);
    assert.deepEqual(one?.tiles.map(({ x, y, width, height }) => ({ x, y, width, height })), [{ x: 0, y: 0, ...CANVAS }]);
    assert.deepEqual(two?.tiles.map(({ x, y, width, height }) => ({ x, y, width, height })), [
      { x: 0, y: 0, width: 640, height: 720 },
      { x: 640, y: 0, width: 640, height: 720 },
    ]);
  });

  test('centres a last grid row that is not full', () => {
    const [segment] = layoutTimeline([video('a', 0, 1_000), video('b', 0, 1_000), video('c', 0, 1_000)], 1_000);
    assert.deepEqual(segment?.tiles.map(({ x, y }) => [x, y]), [
      [0, 0],
      [640, 0],
      [320, 360],
    ]);
  });

  test('shows a shared screen large with the sharer\'s camera first beside it', () => {
    const [segment] = layoutTimeline([video('a', 0, 1_000), video('b', 0, 1_000), video('b', 0, 1_000, 'screen')], 1_000);
    assert.deepEqual(shown(segment!), ['b:screen', 'b:camera', 'a:camera']);
    const [screen, sharer] = segment!.tiles;
    assert.deepEqual([screen?.width, screen?.height], [960, 720]);
    assert.deepEqual([sharer?.x, sharer?.y, sharer?.width, sharer?.height], [960, 0, 320, 180]);
  });

  test('a screen shared with no camera on takes the whole canvas', () => {
    const [segment] = layoutTimeline([video('a', 0, 1_000, 'screen')], 1_000);
    assert.deepEqual(segment?.tiles.map(({ width, height }) => [width, height]), [[1280, 720]]);
  });

  test('a camera turned off for a while keeps its place, black, and comes back to it', () => {
    const segments = layoutTimeline([video('a', 0, 6_000), { ...video('b', 0, 6_000), gaps: [{ startMs: 2_000, endMs: 4_000 }] }], 6_000);
    assert.deepEqual(
      segments.map((s) => [s.startMs, s.endMs, shown(s), s.tiles.map((t) => t.x)]),
      [
        [0, 2_000, ['a:camera', 'b:camera'], [0, 640]],
        [2_000, 4_000, ['a:camera'], [0]],
        [4_000, 6_000, ['a:camera', 'b:camera'], [0, 640]],
      ],
    );
  });

  test('a screen share stopped and started again leaves the layout in between', () => {
    const segments = layoutTimeline([video('a', 0, 6_000), { ...video('a', 1_000, 5_000, 'screen'), gaps: [{ startMs: 2_000, endMs: 4_000 }] }], 6_000);
    assert.deepEqual(
      segments.map((s) => [s.startMs, s.endMs, shown(s)]),
      [
        [0, 1_000, ['a:camera']],
        [1_000, 2_000, ['a:screen', 'a:camera']],
        [2_000, 4_000, ['a:camera']],
        [4_000, 5_000, ['a:screen', 'a:camera']],
        [5_000, 6_000, ['a:camera']],
      ],
    );
    assert.deepEqual(segments[2]?.tiles.map(({ width }) => width), [CANVAS.width], 'the camera alone fills the canvas again');
  });

  test('a stretch without video is a segment without tiles', () => {
    const segments = layoutTimeline([video('a', 2_000, 3_000), audio('a', 0, 4_000)], 4_000);
    assert.deepEqual(segments.map((s) => [s.startMs, s.endMs, s.tiles.length]), [
      [0, 2_000, 0],
      [2_000, 3_000, 1],
      [3_000, 4_000, 0],
    ]);
  });

  test('snaps changes to whole frames, so no segment is shorter than a frame', () => {
    const segments = layoutTimeline([video('a', 0, 1_000), video('b', 1_010, 2_000), video('c', 1_020, 2_000)], 2_013);
    for (const s of segments) assert.equal((s.endMs - s.startMs) % 50, 0, `${s.startMs}–${s.endMs}`);
    assert.equal(segments.at(-1)?.endMs, 2_000);
    assert.deepEqual(shown(segments[1]!), ['b:camera', 'c:camera']);
  });
});
