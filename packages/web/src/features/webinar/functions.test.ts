import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WebinarQuestion } from '@parley/protocol';
import { isOnStage, orderQuestions, postWebinarDestination, runtimeMoves, stageAllowances } from './functions';

test('a host goes live from practice, takes breaks and resumes, and ends the webinar for attendees', () => {
  assert.deepEqual(runtimeMoves('Practice').map((m) => m.status), ['Live']);
  assert.deepEqual(runtimeMoves('Live').map((m) => m.labelKey), ['takeBreak', 'endForAttendees']);
  assert.deepEqual(runtimeMoves('Break').map((m) => m.labelKey), ['resume', 'endForAttendees']);
  assert.deepEqual(runtimeMoves('Debrief'), []);
});

test('attendees are never on stage', () => {
  assert.equal(isOnStage({ role: 'attendee' }), false);
  assert.equal(isOnStage({ role: 'panelist' }), true);
  assert.equal(isOnStage({ role: 'host' }), true);
});

test('open questions come first, oldest first; answered and dismissed ones follow, newest first', () => {
  const q = (id: string, askedAt: string, status: WebinarQuestion['status']): WebinarQuestion => ({ id, askedBy: { id: 'a', displayName: 'Ann' }, text: id, askedAt, status });
  const ordered = orderQuestions([q('a', '2026-01-01T10:00:00Z', 'answered'), q('b', '2026-01-01T10:01:00Z', 'open'), q('c', '2026-01-01T10:02:00Z', 'dismissed'), q('d', '2026-01-01T09:00:00Z', 'open')]);
  assert.deepEqual(ordered.map((x) => x.id), ['d', 'b', 'c', 'a']);
});

test("a webinar's panelists send what its settings allow; hosts, co-hosts and meetings everything", () => {
  const rules = { questions: true, anonymousQuestions: false, moderatedQuestions: false, panelistCamera: false, panelistScreenSharing: false, panelistOwnMicrophone: true };
  assert.deepEqual(stageAllowances(rules, 'panelist'), { camera: false, screen: false });
  assert.deepEqual(stageAllowances(rules, 'cohost'), { camera: true, screen: true });
  assert.deepEqual(stageAllowances(undefined, 'guest'), { camera: true, screen: true });
});

test('the audience follows a post-webinar address only to a web page', () => {
  assert.equal(postWebinarDestination({ postWebinarRedirectUri: 'https://acme.example/thanks' }), 'https://acme.example/thanks');
  assert.equal(postWebinarDestination({ postWebinarRedirectUri: 'javascript:alert(1)' }), undefined);
  assert.equal(postWebinarDestination({ postWebinarRedirectUri: 'not a url' }), undefined);
  assert.equal(postWebinarDestination({ postWebinarRedirectUri: undefined }), undefined);
});
