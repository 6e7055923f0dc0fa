import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { RECORDING_STATUSES, type RecordingStatus } from '../../recording/recording.js';
import { seedRecording, type SeededRecording } from './test-support/recording-fixtures.js';
import { assertRefused, startMeetingsHarness, vonageError, type MeetingsHarness } from './test-support/meetings-harness.js';

const PREFIXES = ['/v1/meetings', '/meetings', '/beta/meetings'];

/** Vonage's status for each of Parley's. */
const VONAGE_STATUS = { started: 'started', ended: 'stopped', processing: 'stopped', failed: 'stopped', uploaded: 'uploaded' } as const;

/** The recording JSON expected for a seeded recording, `_links` aside. */
function expectedJson(seeded: SeededRecording): Record<string, unknown> {
  const { recording } = seeded;
  return {
    id: recording.id,
    session_id: recording.sessionId,
    started_at: recording.startedAt,
    ended_at: recording.endedAt,
    status: VONAGE_STATUS[recording.status],
    state: recording.status,
    progress: recording.progress,
    ...(recording.failureReason === null ? {} : { failure_reason: recording.failureReason }),
  };
}

/** Asserts a download link: this server's, for this recording, expiring an hour from the test clock. */
function assertDownloadLink(h: MeetingsHarness, href: string, recordingId: string): void {
  const url = new URL(href);
  assert.equal(`${url.origin}${url.pathname}`, `http://parley.test/recordings/${recordingId}/download`);
  assert.equal(url.searchParams.get('expires'), String(h.clock.now().getTime() / 1000 + 3600));
  assert.match(url.searchParams.get('signature') ?? '', /^[\w-]{43}$/);
}

describe('GET /recordings/:recording_id', () => {
  let h: MeetingsHarness;
  before(async () => {
    h = await startMeetingsHarness();
  });
  after(() => h.close());

  test('answers an uploaded recording with its signed download link, under every prefix', async () => {
    const seeded = await seedRecording(h);
    for (const prefix of PREFIXES) {
      const response = await h.call('GET', `${prefix}/recordings/${seeded.recording.id}`);
      assert.equal(response.statusCode, 200, response.body);
      assert.match(String(response.headers['content-type']), /^application\/json\b/);
      const { _links, ...recording } = response.json();
      assert.deepEqual(recording, expectedJson(seeded));
      // Vonage's keys in Vonage's order, then Parley's extensions.
      assert.deepEqual(Object.keys(response.json()), ['id', 'session_id', 'started_at', 'ended_at', 'status', 'state', 'progress', '_links']);
      assertDownloadLink(h, _links.url.href, seeded.recording.id);
    }
  });

  test('answers a recording still being made without any link: there is no file yet', async () => {
    for (const status of ['started', 'ended', 'processing'] as const) {
      const seeded = await seedRecording(h, { status });
      const response = await h.call('GET', `/v1/meetings/recordings/${seeded.recording.id}`);
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), expectedJson(seeded));
    }
  });

  test('answers a failed recording as Vonage\'s `stopped`, with why it failed', async () => {
    const seeded = await seedRecording(h, { status: 'failed', failureReason: 'The disk is full: ENOSPC: no space left on device, write' });
    const response = await h.call('GET', `/v1/meetings/recordings/${seeded.recording.id}`);
    assert.deepEqual(response.json(), {
      ...expectedJson(seeded),
      status: 'stopped',
      state: 'failed',
      failure_reason: 'The disk is full: ENOSPC: no space left on device, write',
    });
  });

  test('answers 404 NotFoundError for a recording that does not exist', async () => {
    const id = randomUUID();
    await assertRefused(h, () => h.call('GET', `/v1/meetings/recordings/${id}`), {
      status: 404,
      body: vonageError('NotFoundError', 404, `Recording ${id} was not found`),
    });
  });

  test("answers 404, not 403, for another application's recording", async () => {
    const seeded = await seedRecording(h);
    const other = await h.otherApplication();
    const token = await h.token({ key: other.privateKey, applicationId: other.application.id });
    await assertRefused(h, () => h.call('GET', `/v1/meetings/recordings/${seeded.recording.id}`, undefined, { authorization: `Bearer ${token}` }), {
      status: 404,
      body: vonageError('NotFoundError', 404, `Recording ${seeded.recording.id} was not found`),
    });
  });

  test('answers 404 for the longest id the router lets through', async () => {
    const id = 'a'.repeat(100);
    await assertRefused(h, () => h.call('GET', `/v1/meetings/recordings/${id}`), {
      status: 404,
      body: vonageError('NotFoundError', 404, `Recording ${id} was not found`),
    });
  });
});

describe('DELETE /recordings/:recording_id', () => {
  let h: MeetingsHarness;
  before(async () => {
    h = await startMeetingsHarness();
  });
  after(() => h.close());

  const recordingRow = (id: string) => h.services.store.db.selectFrom('recordings').selectAll().where('id', '=', id).executeTakeFirst();

  test('deletes an uploaded recording, row and file, with 204 and no body', async () => {
    const seeded = await seedRecording(h);
    assert.ok(seeded.absoluteFile && fs.existsSync(seeded.absoluteFile));
    const response = await h.call('DELETE', `/v1/meetings/recordings/${seeded.recording.id}`);
    assert.equal(response.statusCode, 204);
    assert.equal(response.body, '');
    assert.equal(await recordingRow(seeded.recording.id), undefined);
    assert.equal(fs.existsSync(seeded.absoluteFile), false);
    const again = await h.call('GET', `/v1/meetings/recordings/${seeded.recording.id}`);
    assert.equal(again.statusCode, 404);
  });

  test('answers two simultaneous deletes with one 204 and one 404', async () => {
    const seeded = await seedRecording(h);
    const responses = await Promise.all([1, 2].map(() => h.call('DELETE', `/v1/meetings/recordings/${seeded.recording.id}`)));
    assert.deepEqual(responses.map((r) => r.statusCode).sort(), [204, 404]);
    assert.deepEqual(responses.find((r) => r.statusCode === 404)?.json(), vonageError('NotFoundError', 404, 'Could not find recording'));
  });

  test('deletes under the older prefixes too', async () => {
    for (const prefix of ['/meetings', '/beta/meetings']) {
      const seeded = await seedRecording(h);
      const response = await h.call('DELETE', `${prefix}/recordings/${seeded.recording.id}`);
      assert.equal(response.statusCode, 204);
      assert.equal(await recordingRow(seeded.recording.id), undefined);
    }
  });

  test("refuses with 403 ForbiddenError a recording that is not 'uploaded', and keeps it", async () => {
    const notFinished = RECORDING_STATUSES.filter((status): status is Exclude<RecordingStatus, 'uploaded'> => status !== 'uploaded');
    for (const status of notFinished) {
      const seeded = await seedRecording(h, { status });
      await assertRefused(h, () => h.call('DELETE', `/v1/meetings/recordings/${seeded.recording.id}`), {
        status: 403,
        body: vonageError('ForbiddenError', 403, "Can only delete recordings in 'uploaded' status"),
      });
    }
  });

  test('answers 404 NotFoundError for a recording that does not exist', async () => {
    await assertRefused(h, () => h.call('DELETE', `/v1/meetings/recordings/${randomUUID()}`), {
      status: 404,
      body: vonageError('NotFoundError', 404, 'Could not find recording'),
    });
  });

  test("answers 404 for another application's recording, and deletes neither row nor file", async () => {
    const seeded = await seedRecording(h);
    const other = await h.otherApplication();
    const token = await h.token({ key: other.privateKey, applicationId: other.application.id });
    await assertRefused(h, () => h.call('DELETE', `/v1/meetings/recordings/${seeded.recording.id}`, undefined, { authorization: `Bearer ${token}` }), {
      status: 404,
      body: vonageError('NotFoundError', 404, 'Could not find recording'),
    });
    assert.ok(seeded.absoluteFile && fs.existsSync(seeded.absoluteFile));
  });
});

describe('GET /sessions/:session_id/recordings and GET /sessions/:session_id', () => {
  let h: MeetingsHarness;
  before(async () => {
    h = await startMeetingsHarness();
  });
  after(() => h.close());

  const paths = (prefix: string, sessionId: string) => [`${prefix}/sessions/${sessionId}/recordings`, `${prefix}/sessions/${sessionId}`];

  test("answers the session's recordings, oldest first, at both paths under every prefix", async () => {
    const later = await seedRecording(h, { startedAt: '2026-01-01T12:30:00.000Z' });
    const earlier = await seedRecording(h, { sessionId: later.sessionId, status: 'ended', startedAt: '2026-01-01T12:05:00.000Z' });
    // Another session of the same application: not listed.
    await seedRecording(h);
    for (const prefix of PREFIXES) {
      for (const url of paths(prefix, later.sessionId)) {
        const response = await h.call('GET', url);
        assert.equal(response.statusCode, 200, url);
        assert.match(String(response.headers['content-type']), /^application\/json\b/);
        const body = response.json();
        assert.deepEqual(Object.keys(body), ['_embedded']);
        const [first, second] = body._embedded.recordings;
        assert.equal(body._embedded.recordings.length, 2);
        assert.deepEqual(first, expectedJson(earlier));
        const { _links, ...rest } = second;
        assert.deepEqual(rest, expectedJson(later));
        assertDownloadLink(h, _links.url.href, later.recording.id);
      }
    }
  });

  test('answers an empty list for a session that recorded nothing', async () => {
    const room = (await h.call('POST', '/v1/meetings/rooms', { display_name: 'Never recorded' })).json();
    const sessionId = randomUUID();
    await h.services.sessions.start({ id: sessionId, roomId: room.id, startedAt: h.clock.now().toISOString() });
    for (const url of paths('/v1/meetings', sessionId)) {
      const response = await h.call('GET', url);
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), { _embedded: { recordings: [] } });
    }
  });

  test('answers 404 NotFoundError for a session that does not exist', async () => {
    const id = 'not-a-real-session-id';
    for (const url of paths('/v1/meetings', id)) {
      await assertRefused(h, () => h.call('GET', url), {
        status: 404,
        body: vonageError('NotFoundError', 404, `Failed to find session recordings by id: ${id}`),
      });
    }
  });

  test("answers 404 for another application's session, even one with recordings", async () => {
    const seeded = await seedRecording(h);
    const other = await h.otherApplication();
    const token = await h.token({ key: other.privateKey, applicationId: other.application.id });
    const asOther = (url: string): Promise<LightMyRequestResponse> => h.call('GET', url, undefined, { authorization: `Bearer ${token}` });
    for (const url of paths('/v1/meetings', seeded.sessionId)) {
      await assertRefused(h, () => asOther(url), {
        status: 404,
        body: vonageError('NotFoundError', 404, `Failed to find session recordings by id: ${seeded.sessionId}`),
      });
    }
  });
});
