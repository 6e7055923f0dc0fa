import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { seedRecording } from '../api/meetings/test-support/recording-fixtures.js';
import { startMeetingsHarness, type MeetingsHarness } from '../api/meetings/test-support/meetings-harness.js';
import { describeEachDialect } from './test-support/test-dialects.js';

/** Past 2^32 bytes: a long meeting's recording, kept and read back as a number on both engines. */
const FIVE_GIB = 5 * 1024 ** 3;

describeEachDialect('RecordingsRepository', (dialect) => {
  let h: MeetingsHarness;
  before(async () => {
    h = await startMeetingsHarness({ dialect });
    await h.call('PATCH', '/v1/meetings/applications/webhooks', { update_details: { recording_changed: { address: 'https://receiver.test/recordings' } } });
  });
  after(() => h.close());

  /** The recording events in the outbox for one recording, oldest first. */
  const eventsOf = async (recordingId: string) => {
    const rows = await h.services.store.db.selectFrom('webhook_deliveries').select(['payload']).orderBy('serial').execute();
    return rows.map((row) => JSON.parse(row.payload) as Record<string, unknown>).filter((event) => event.recording_id === recordingId);
  };

  /** A session of a fresh room, for a recording to start in. */
  const newSession = async () => {
    const room = (await h.call('POST', '/v1/meetings/rooms', { display_name: 'Recorded room' })).json() as { id: string };
    const sessionId = randomUUID();
    await h.services.sessions.start({ id: sessionId, roomId: room.id, startedAt: '2026-01-01T12:00:00.000Z' });
    return { roomId: room.id, sessionId };
  };

  test('moves a recording through the pipeline, each reported step with its webhook in the same write', async () => {
    const repository = h.services.recordings;
    const applicationId = h.application.id;
    const { roomId, sessionId } = await newSession();
    const id = randomUUID();
    const started = await repository.start({ id, roomId, sessionId, startedAt: '2026-01-01T12:00:01.000Z', onlyOwner: true });
    assert.deepEqual(await repository.findById(applicationId, id), started);
    assert.equal(started.status, 'started');
    assert.equal(await repository.findDownload(id), undefined, 'nothing to download while recording');

    const ended = await repository.end(id, '2026-01-01T12:00:39.400Z');
    assert.equal(ended?.status, 'ended');
    assert.equal(await repository.end(id, '2026-01-01T12:05:00.000Z'), undefined, 'ends once');
    assert.equal((await repository.claimNextEnded())?.id, id);
    assert.equal(await repository.claimNextEnded(), undefined, 'claimed once');
    await repository.setProgress(id, 60);
    assert.equal((await repository.findById(applicationId, id))?.progress, 60);
    assert.equal(await repository.findDownload(id), undefined, 'nor while the file is being made');

    assert.equal(await repository.markUploaded(id, { filePath: 'recordings/x.mp4', byteSize: FIVE_GIB }, 'https://parley.test/x', '2026-01-01T12:01:00.000Z'), true);
    assert.deepEqual(await repository.findById(applicationId, id), {
      ...started,
      status: 'uploaded',
      endedAt: '2026-01-01T12:00:39.400Z',
      filePath: 'recordings/x.mp4',
      byteSize: FIVE_GIB,
      progress: 100,
    });
    assert.deepEqual(await repository.findDownload(id), { filePath: 'recordings/x.mp4', startedAt: started.startedAt, roomDisplayName: 'Recorded room' });
    const times = { started_at: '2026-01-01T12:00:01.000Z', ended_at: '2026-01-01T12:00:39.400Z', duration: 38 };
    assert.deepEqual(await eventsOf(id), [
      { event: 'recording:started', recording_id: id, session_id: sessionId },
      { event: 'recording:ended', recording_id: id, session_id: sessionId, ...times },
      { event: 'recording:uploaded', recording_id: id, session_id: sessionId, room_id: roomId, ...times, url: 'https://parley.test/x' },
    ]);
  });

  test('a failure keeps its reason until a retry puts the recording back in line', async () => {
    const repository = h.services.recordings;
    const { roomId, sessionId } = await newSession();
    const id = randomUUID();
    await repository.start({ id, roomId, sessionId, startedAt: '2026-01-01T12:00:01.000Z', onlyOwner: false });
    assert.equal(await repository.retry(id), false, 'only a failed recording is retried');
    await repository.end(id, '2026-01-01T12:00:10.000Z');
    await repository.claimNextEnded();
    await repository.markFailed(id, 'ffmpeg exited with 1');
    assert.deepEqual(await repository.findById(h.application.id, id).then((r) => [r?.status, r?.failureReason]), ['failed', 'ffmpeg exited with 1']);
    assert.equal(await repository.claimNextEnded(), undefined, 'a failed recording waits for a retry');
    assert.equal(await repository.retry(id), true);
    assert.deepEqual(await repository.findById(h.application.id, id).then((r) => [r?.status, r?.failureReason, r?.progress]), ['ended', null, 0]);
    assert.equal((await repository.claimNextEnded())?.id, id);
  });

  test('after a crash: recordings left processing go back in line; those left started are listed', async () => {
    const repository = h.services.recordings;
    const processing = await seedRecording(h, { status: 'processing' });
    const started = await seedRecording(h, { status: 'started' });
    assert.ok((await repository.listStarted()).some((r) => r.id === started.recording.id));
    assert.ok((await repository.requeueProcessing()) >= 1);
    assert.equal((await repository.findById(h.application.id, processing.recording.id))?.status, 'ended');
  });

  test("reads only the application's own recordings", async () => {
    const { recording, sessionId } = await seedRecording(h);
    const other = await h.otherApplication();
    assert.equal(await h.services.recordings.findById(other.application.id, recording.id), undefined);
    assert.deepEqual(await h.services.recordings.listBySession(other.application.id, sessionId), []);
    assert.deepEqual(await h.services.recordings.listBySession(h.application.id, sessionId), [recording]);
  });

  test('deletes only in the given status', async () => {
    const { recording } = await seedRecording(h, { status: 'ended' });
    assert.equal(await h.services.recordings.deleteInStatus(recording.id, 'uploaded'), false);
    assert.ok(await h.services.recordings.findById(h.application.id, recording.id));
    assert.equal(await h.services.recordings.deleteInStatus(recording.id, 'ended'), true);
    assert.equal(await h.services.recordings.findById(h.application.id, recording.id), undefined);
  });
});
