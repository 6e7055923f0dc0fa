import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layerFor, planReception, type RemoteStream } from './video-reception.js';

const stream = (participantId: string, source: RemoteStream['source'], mid: string): RemoteStream => ({
  participantId,
  mid,
  source,
  kind: source === 'camera' || source === 'screen' ? 'video' : 'audio',
  simulcast: source === 'camera',
});

const ann = [stream('ann', 'microphone', '0'), stream('ann', 'camera', '1')];
const bob = [stream('bob', 'microphone', '0'), stream('bob', 'camera', '1'), stream('bob', 'screen', '2'), stream('bob', 'screen-audio', '3')];
const all = [...ann, ...bob];

/** The plan, as `participant/source → send@layer`, easy to read in a failure. */
function summary(plan: ReturnType<typeof planReception>): Record<string, string> {
  return Object.fromEntries(plan.map((r) => [`${r.participantId}/${r.source}`, r.send ? `on@${r.layer}` : 'off']));
}

describe('planReception', () => {
  it('sends every stream, video at the highest layer, to a page that never said what it shows', () => {
    assert.deepEqual(summary(planReception(undefined, all)), {
      'ann/microphone': 'on@0',
      'ann/camera': 'on@2',
      'bob/microphone': 'on@0',
      'bob/camera': 'on@2',
      'bob/screen': 'on@0',
      'bob/screen-audio': 'on@0',
    });
  });

  it('pauses every video no tile shows, and keeps all audio flowing', () => {
    assert.deepEqual(summary(planReception([{ participantId: 'bob', source: 'screen', width: 1600, height: 900 }], all)), {
      'ann/microphone': 'on@0',
      'ann/camera': 'off',
      'bob/microphone': 'on@0',
      'bob/camera': 'off',
      'bob/screen': 'on@0',
      'bob/screen-audio': 'on@0',
    });
  });

  it('picks each camera’s layer by the size of its tile', () => {
    const plan = planReception(
      [
        { participantId: 'ann', source: 'camera', width: 1280, height: 720 },
        { participantId: 'bob', source: 'camera', width: 240, height: 135 },
      ],
      all,
    );
    assert.equal(summary(plan)['ann/camera'], 'on@2');
    assert.equal(summary(plan)['bob/camera'], 'on@0');
  });

  it('sends a video shown twice for its larger tile', () => {
    const plan = planReception(
      [
        { participantId: 'ann', source: 'camera', width: 200, height: 112 },
        { participantId: 'ann', source: 'camera', width: 1000, height: 562 },
      ],
      ann,
    );
    assert.equal(summary(plan)['ann/camera'], 'on@2');
  });

  it('ignores tiles of people who publish nothing, and an empty view pauses every video', () => {
    assert.deepEqual(summary(planReception([{ participantId: 'gone', source: 'camera', width: 640, height: 360 }], ann)), {
      'ann/microphone': 'on@0',
      'ann/camera': 'off',
    });
  });
});

describe('layerFor', () => {
  it('uses the lowest layer that fills the tile, allowing a little upscaling', () => {
    assert.equal(layerFor({ width: 320, height: 180 }), 0);
    assert.equal(layerFor({ width: 400, height: 225 }), 0);
    assert.equal(layerFor({ width: 410, height: 231 }), 1);
    assert.equal(layerFor({ width: 640, height: 360 }), 1);
    assert.equal(layerFor({ width: 800, height: 450 }), 1);
    assert.equal(layerFor({ width: 960, height: 540 }), 2);
  });

  it('judges a wide tile by the height its width needs, and a tall one by its height', () => {
    assert.equal(layerFor({ width: 1280, height: 200 }), 2);
    assert.equal(layerFor({ width: 200, height: 400 }), 1);
  });

  it('uses the highest layer for tiles larger than any layer', () => {
    assert.equal(layerFor({ width: 3840, height: 2160 }), 2);
  });
});
