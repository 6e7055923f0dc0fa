import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseScenarioNames, scenariosFrom } from './scenarios.js';

test('all three scenarios by default, in the order audio, meeting, livestream', () => {
  const scenarios = scenariosFrom({});
  assert.deepEqual(scenarios.map((s) => s.name), ['audio', 'meeting', 'livestream']);
  const [audio, meeting, livestream] = scenarios;
  assert.deepEqual(audio!.steps, [
    { publishers: 10, subscribers: 25 },
    { publishers: 10, subscribers: 50 },
    { publishers: 10, subscribers: 100 },
  ]);
  assert.equal(audio!.camera, undefined);
  assert.deepEqual(meeting!.steps.map((s) => [s.publishers, s.subscribers]), [[2, 2], [4, 4], [6, 6]]);
  assert.deepEqual(meeting!.camera, { width: 640, height: 480, fps: 20 });
  assert.equal(meeting!.simulcast, false);
  assert.deepEqual(livestream!.steps.map((s) => [s.publishers, s.subscribers]), [[1, 25], [1, 50], [1, 100]]);
  assert.deepEqual(livestream!.camera, { width: 1280, height: 720, fps: 30 });
  assert.equal(livestream!.simulcast, true);
});

test('steps and cameras come from the environment', () => {
  const [audio, meeting, livestream] = scenariosFrom({
    BENCH_AUDIO_STEPS: '5x10',
    BENCH_MEETING_STEPS: '3',
    BENCH_MEETING_VIDEO: '320x240@15',
    BENCH_LIVESTREAM_STEPS: '10,20',
    BENCH_LIVESTREAM_VIDEO: '960x540@25',
  });
  assert.deepEqual(audio!.steps, [{ publishers: 5, subscribers: 10 }]);
  assert.deepEqual(meeting!.steps, [{ publishers: 3, subscribers: 3 }]);
  assert.deepEqual(meeting!.camera, { width: 320, height: 240, fps: 15 });
  assert.deepEqual(livestream!.steps, [{ publishers: 1, subscribers: 10 }, { publishers: 1, subscribers: 20 }]);
  assert.deepEqual(livestream!.camera, { width: 960, height: 540, fps: 25 });
});

test('who a step models: speakers and listeners; a meeting\'s participants (each two bots); the publisher and its viewers', () => {
  const [audio, meeting, livestream] = scenariosFrom({});
  assert.equal(audio!.participants({ publishers: 10, subscribers: 50 }), 60);
  assert.equal(meeting!.participants({ publishers: 4, subscribers: 4 }), 4);
  assert.equal(livestream!.participants({ publishers: 1, subscribers: 100 }), 101);
});

test('BENCH_SCENARIOS picks scenarios, each once, in its order', () => {
  assert.deepEqual(parseScenarioNames('livestream, audio,livestream'), ['livestream', 'audio']);
  assert.deepEqual(scenariosFrom({ BENCH_SCENARIOS: 'meeting' }).map((s) => s.name), ['meeting']);
});

test('bad settings are refused by name', () => {
  assert.throws(() => parseScenarioNames('audio,video'), /BENCH_SCENARIOS: "video" is not one of audio, meeting, livestream/);
  assert.throws(() => scenariosFrom({ BENCH_MEETING_STEPS: '1' }), /BENCH_MEETING_STEPS: "1" is not a number of participants \(at least 2\)/);
  assert.throws(() => scenariosFrom({ BENCH_AUDIO_STEPS: '10' }), /BENCH_AUDIO_STEPS: "10" is not PUBLISHERSxSUBSCRIBERS/);
  assert.throws(() => scenariosFrom({ BENCH_LIVESTREAM_VIDEO: '720p' }), /BENCH_LIVESTREAM_VIDEO/);
  // A scenario that is not run is not read.
  assert.doesNotThrow(() => scenariosFrom({ BENCH_SCENARIOS: 'audio', BENCH_MEETING_STEPS: '1' }));
});
