import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCounts, parseSteps } from './step-settings.js';

test('steps are PUBLISHERSxSUBSCRIBERS, spaces allowed', () => {
  assert.deepEqual(parseSteps('1x10, 2 x 25,3x0', 'BENCH_STEPS'), [
    { publishers: 1, subscribers: 10 },
    { publishers: 2, subscribers: 25 },
    { publishers: 3, subscribers: 0 },
  ]);
});

test('a step that is not PUBLISHERSxSUBSCRIBERS, or has nobody publishing, is refused by the setting name', () => {
  assert.throws(() => parseSteps('1x10,ten', 'BENCH_STEPS'), /BENCH_STEPS: "ten" is not PUBLISHERSxSUBSCRIBERS/);
  assert.throws(() => parseSteps('0x10', 'BENCH_STEPS'), /"0x10"/);
  assert.throws(() => parseSteps('', 'BENCH_STEPS'), /BENCH_STEPS/);
});

test('counts are whole numbers at or above the minimum', () => {
  assert.deepEqual(parseCounts('25, 50,100', 'BENCH_ATTENDEES', 'attendees'), [25, 50, 100]);
  assert.deepEqual(parseCounts('2,4', 'BENCH_MEETING_STEPS', 'participants', 2), [2, 4]);
  assert.throws(() => parseCounts('25,1.5', 'BENCH_ATTENDEES', 'attendees'), /BENCH_ATTENDEES: "1.5" is not a number of attendees/);
  assert.throws(() => parseCounts('1', 'BENCH_MEETING_STEPS', 'participants', 2), /at least 2/);
  assert.throws(() => parseCounts('25,', 'BENCH_ATTENDEES', 'attendees'), /""/);
});
