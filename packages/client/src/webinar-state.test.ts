import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WebinarQuestion, WebinarRules } from '@parley/protocol';
import { WebinarState } from './webinar-state.js';

const question = (id: string, askedAt: string, status: WebinarQuestion['status'] = 'open'): WebinarQuestion => ({
  id,
  askedBy: { id: 'ann', displayName: 'Ann' },
  text: `Question ${id}`,
  askedAt,
  status,
});

const rules: WebinarRules = { questions: true, anonymousQuestions: true, moderatedQuestions: false, panelistCamera: true, panelistScreenSharing: true, panelistOwnMicrophone: true };

test('knows no webinar until the server says where one stands', () => {
  const state = new WebinarState();
  assert.equal(state.runtimeStatus, undefined);
  state.apply({ type: 'webinar-state', runtimeStatus: 'Practice', attendeeCount: 3, questions: [question('b', '2026-01-01T10:01:00Z'), question('a', '2026-01-01T10:00:00Z')], rules });
  assert.equal(state.runtimeStatus, 'Practice');
  assert.equal(state.attendeeCount, 3);
  assert.deepEqual(state.rules, rules);
  assert.deepEqual(state.questions().map((q) => q.id), ['a', 'b'], 'first asked first');
});

test('follows the status, the count and each question as they change', () => {
  const state = new WebinarState();
  state.apply({ type: 'webinar-state', runtimeStatus: 'Practice', attendeeCount: 0, questions: [question('a', '2026-01-01T10:00:00Z')], rules });
  state.apply({ type: 'webinar-status', runtimeStatus: 'Live' });
  state.apply({ type: 'attendee-count', count: 250 });
  state.apply({ type: 'question', question: { ...question('a', '2026-01-01T10:00:00Z', 'answered'), answer: { text: 'Yes', by: { id: 'pia', displayName: 'Pia' }, answeredAt: '2026-01-01T10:02:00Z' } } });
  state.apply({ type: 'question', question: question('c', '2026-01-01T10:03:00Z') });
  assert.equal(state.runtimeStatus, 'Live');
  assert.equal(state.attendeeCount, 250);
  assert.deepEqual(state.questions().map((q) => [q.id, q.status]), [['a', 'answered'], ['c', 'open']]);
});

test('a new state replaces the questions one sees (a promotion to the stage shows them all)', () => {
  const state = new WebinarState();
  state.apply({ type: 'webinar-state', runtimeStatus: 'Live', attendeeCount: 1, questions: [question('a', '2026-01-01T10:00:00Z')], rules });
  state.apply({ type: 'webinar-state', runtimeStatus: 'Live', attendeeCount: 0, questions: [], rules: { ...rules, questions: false } });
  assert.deepEqual(state.questions(), []);
  assert.equal(state.rules?.questions, false, 'the settings as they are now');
});
