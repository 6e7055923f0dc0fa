import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Auth } from '@vonage/auth';
import { Meetings } from '@vonage/meetings';
import { seedRecording } from './test-support/recording-fixtures.js';
import { startMeetingsHarness, type MeetingsHarness } from './test-support/meetings-harness.js';

/**
 * The official Vonage Node SDK, unchanged, over a real socket: recordings (including the path bug of
 * `getSessionRecordings`, which calls `/sessions/:id`) and dial-in numbers.
 */
describe('@vonage/meetings recordings and dial-in numbers against Parley', () => {
  let h: MeetingsHarness;
  let meetings: Meetings;
  let meetingsHost: string;
  const numbers = [{ number: '442381924626', locale: 'en-GB', display_name: 'United Kingdom' }];
  before(async () => {
    h = await startMeetingsHarness({ config: { dialInNumbers: numbers } });
    // The SDK stamps its tokens with the real time: the server's clock must agree.
    h.clock.advance(Date.now() - h.clock.now().getTime());
    meetingsHost = await h.app.listen({ host: '127.0.0.1', port: 0 });
    const privateKey = h.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    meetings = new Meetings(new Auth({ applicationId: h.application.id, privateKey }), { meetingsHost, timeout: 5000 });
  });
  after(() => h.close());

  test('getRecording answers camel-cased, with the download link as `url`, which downloads the file', async () => {
    const seeded = await seedRecording(h, { roomName: 'SDK room' });
    const recording = await meetings.getRecording(seeded.recording.id);
    assert.equal(recording.id, seeded.recording.id);
    assert.equal(recording.sessionId, seeded.sessionId);
    assert.equal(recording.startedAt, seeded.recording.startedAt);
    assert.equal(recording.endedAt, seeded.recording.endedAt);
    assert.equal(recording.status, 'uploaded');
    const url = new URL(recording.url ?? '');
    const response = await fetch(`${meetingsHost}${url.pathname}${url.search}`);
    assert.equal(response.status, 200);
    assert.ok(seeded.absoluteFile);
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), fs.readFileSync(seeded.absoluteFile));
  });

  test('getSessionRecordings lists a session through the /sessions/:id path the SDK calls', async () => {
    const first = await seedRecording(h, { startedAt: new Date(Date.now() - 60_000).toISOString() });
    const second = await seedRecording(h, { sessionId: first.sessionId, status: 'stopped' });
    const ids: string[] = [];
    for await (const recording of meetings.getSessionRecordings(first.sessionId)) ids.push(recording.id as string);
    assert.deepEqual(ids, [first.recording.id, second.recording.id]);
  });

  test('deleteRecording deletes, and a second delete fails with 404', async () => {
    const seeded = await seedRecording(h);
    await meetings.deleteRecording(seeded.recording.id);
    await assert.rejects(meetings.deleteRecording(seeded.recording.id), /status code 404/);
  });

  test('getDialInNumbers yields the configured numbers, camel-cased', async () => {
    const yielded: unknown[] = [];
    for await (const number of meetings.getDialInNumbers()) yielded.push(number);
    assert.deepEqual(yielded, [{ number: '442381924626', locale: 'en-GB', displayName: 'United Kingdom' }]);
  });
});
