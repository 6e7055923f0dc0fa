import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CAPTION_LINES, captionsErrorOf, captionsReducer, type ShownCaption } from './state';

const line = (key: number, text = `line ${key}`): ShownCaption => ({ key, participantId: `p${key}`, displayName: `Speaker ${key}`, text, at: '2026-01-01T12:00:00.000Z' });

describe('captions on screen', () => {
  test('keep the latest few lines, oldest first', () => {
    let state: readonly ShownCaption[] = [];
    for (let key = 1; key <= CAPTION_LINES + 2; key++) state = captionsReducer(state, { type: 'heard', caption: line(key) });
    assert.deepEqual(state.map((l) => l.key), [3, 4, 5]);
  });

  test('a line goes when it expires, and all go when captions stop', () => {
    let state = captionsReducer(captionsReducer([], { type: 'heard', caption: line(1) }), { type: 'heard', caption: line(2) });
    state = captionsReducer(state, { type: 'expired', key: 1 });
    assert.deepEqual(state.map((l) => l.key), [2]);
    assert.equal(captionsReducer(state, { type: 'expired', key: 9 }), state, 'an unknown line changes nothing');
    assert.deepEqual(captionsReducer(state, { type: 'cleared' }), []);
  });

  test('refusals the page can explain keep their code; the rest are unknown', () => {
    assert.equal(captionsErrorOf('speech_recognizer_unavailable'), 'speech_recognizer_unavailable');
    assert.equal(captionsErrorOf('captions_unavailable'), 'captions_unavailable');
    assert.equal(captionsErrorOf('room_full'), 'unknown');
    assert.equal(captionsErrorOf(undefined), 'unknown');
  });
});
