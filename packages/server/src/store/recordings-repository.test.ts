import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedRecording } from '../api/meetings/test-support/recording-fixtures.js';
import { startMeetingsHarness, type MeetingsHarness } from '../api/meetings/test-support/meetings-harness.js';
import { describeEachDialect } from './test-support/test-dialects.js';

describeEachDialect('RecordingsRepository', (dialect) => {
  let h: MeetingsHarness;
  before(async () => {
    h = await startMeetingsHarness({ dialect });
  });
  after(() => h.close());

  test('moves a recording through the pipeline: paused, stopped, then uploaded with its file', async () => {
    const { recording } = await seedRecording(h, { status: 'started' });
    const repository = h.services.recordings;
    const applicationId = h.application.id;
    await repository.update(recording.id, { status: 'paused' });
    assert.equal((await repository.findById(applicationId, recording.id))?.status, 'paused');
    assert.equal(await repository.findDownload(recording.id), undefined, 'nothing to download while recording');
    await repository.update(recording.id, { status: 'stopped', endedAt: '2026-01-01T12:10:00.000Z' });
    assert.equal(await repository.findDownload(recording.id), undefined, 'nor while the file is being made');
    // Past 2^32 bytes: a long meeting's recording, kept and read back as a number on both engines.
    const byteSize = 5 * 1024 ** 3;
    await repository.update(recording.id, { status: 'uploaded', filePath: 'recordings/x.mp4', byteSize });
    assert.deepEqual(await repository.findById(applicationId, recording.id), {
      ...recording,
      status: 'uploaded',
      endedAt: '2026-01-01T12:10:00.000Z',
      filePath: 'recordings/x.mp4',
      byteSize,
    });
    assert.deepEqual(await repository.findDownload(recording.id), {
      filePath: 'recordings/x.mp4',
      startedAt: recording.startedAt,
      roomDisplayName: 'Recorded room',
    });
  });

  test("reads only the application's own recordings", async () => {
    const { recording, sessionId } = await seedRecording(h);
    const other = await h.otherApplication();
    assert.equal(await h.services.recordings.findById(other.application.id, recording.id), undefined);
    assert.deepEqual(await h.services.recordings.listBySession(other.application.id, sessionId), []);
    assert.deepEqual(await h.services.recordings.listBySession(h.application.id, sessionId), [recording]);
  });

  test('deletes only in the given status', async () => {
    const { recording } = await seedRecording(h, { status: 'stopped' });
    assert.equal(await h.services.recordings.deleteInStatus(recording.id, 'uploaded'), false);
    assert.ok(await h.services.recordings.findById(h.application.id, recording.id));
    assert.equal(await h.services.recordings.deleteInStatus(recording.id, 'stopped'), true);
    assert.equal(await h.services.recordings.findById(h.application.id, recording.id), undefined);
  });
});
