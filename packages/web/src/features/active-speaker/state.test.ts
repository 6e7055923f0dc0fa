import assert from 'node:assert/strict';
import { test } from 'node:test';
import { initialSpeakersState, speakersReducer, type SpeakersState } from './state';

const speak = (s: SpeakersState, participantId: string, speaking = true) => speakersReducer(s, { type: 'speaking', participantId, speaking });

test('follows who speaks now, and who started speaking most recently', () => {
  let s = speak(initialSpeakersState, 'ann');
  s = speak(s, 'bob');
  assert.deepEqual(s.speaking, ['ann', 'bob']);
  assert.deepEqual(s.recent, ['bob', 'ann']);
  s = speak(s, 'bob', false);
  assert.deepEqual(s.speaking, ['ann']);
  assert.deepEqual(s.recent, ['bob', 'ann'], 'stopping keeps one’s turn: the speaker view does not jump back');
  s = speak(s, 'ann', false);
  s = speak(s, 'ann');
  assert.deepEqual(s.recent, ['ann', 'bob']);
});

test('forgets whoever left, and ignores a stop from someone not speaking', () => {
  let s = speak(speak(initialSpeakersState, 'ann'), 'bob');
  s = speakersReducer(s, { type: 'left', participantId: 'ann' });
  assert.deepEqual(s, { speaking: ['bob'], recent: ['bob'] });
  assert.equal(speak(s, 'carl', false), s);
});

test('starts from the room’s current speakers', () => {
  assert.deepEqual(speakersReducer(initialSpeakersState, { type: 'reset', speaking: ['carl'] }), { speaking: ['carl'], recent: ['carl'] });
});
