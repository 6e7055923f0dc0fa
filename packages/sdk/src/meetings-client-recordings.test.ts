import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { ParleyMeetingsClient } from './meetings-client.js';
import { assertApiError } from './test-support/api-errors.js';
import { startParleyServer, type RunningServer } from './test-support/parley-server.js';
import { insertRecordings, type InsertedRecording } from './test-support/recordings.js';

describe('ParleyMeetingsClient: recordings, against a running server', () => {
  let server: RunningServer;
  let client: ParleyMeetingsClient;
  let inserted: InsertedRecording;
  before(async () => {
    // Reachable where it says it is: download links are on the public URL.
    server = await startParleyServer({ reachable: true });
    client = new ParleyMeetingsClient({ baseUrl: server.url, applicationId: server.applicationId, privateKey: server.privateKeyPem });
    const room = await client.createRoom({ display_name: 'Recorded' });
    inserted = await insertRecordings(server, room.id);
  });
  after(() => server.close());

  test('reads an uploaded recording, whose link downloads its file', async () => {
    const recording = await client.getRecording(inserted.uploadedId);
    const [row] = await server.services.store.db.selectFrom('recordings').selectAll().where('id', '=', inserted.uploadedId).execute();
    assert.deepEqual(recording, {
      id: inserted.uploadedId,
      session_id: inserted.sessionId,
      started_at: row?.started_at,
      ended_at: row?.ended_at,
      status: 'uploaded',
      state: 'uploaded',
      progress: 100,
      _links: { url: { href: recording._links?.url.href } },
    });
    assert.match(recording._links?.url.href ?? '', new RegExp(`^${server.url}/recordings/${inserted.uploadedId}/download\\?expires=\\d+&signature=[\\w-]+$`));
    const download = await fetch(recording._links?.url.href ?? 'missing');
    assert.equal(download.status, 200);
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), inserted.fileBytes);
  });

  test('reads a recording still being made, which has no link', async () => {
    const recording = await client.getRecording(inserted.startedId);
    assert.equal(recording.status, 'started');
    assert.equal(recording.ended_at, null);
    assert.equal(recording._links, undefined);
  });

  test("lists a session's recordings, oldest first", async () => {
    const recordings = await client.listSessionRecordings(inserted.sessionId);
    assert.deepEqual(
      recordings.map((r) => [r.id, r.status]),
      [
        [inserted.uploadedId, 'uploaded'],
        [inserted.startedId, 'started'],
      ],
    );
    await assertApiError(client.listSessionRecordings('not-a-real-session-id'), {
      status: 404,
      name: 'NotFoundError',
      message: 'Failed to find session recordings by id: not-a-real-session-id',
    });
  });

  test('retries a failed recording, and only a failed one', async () => {
    const failedId = randomUUID();
    const endedAt = new Date().toISOString();
    // A session of its own, so the other tests' listings stay as they were.
    const sessionId = randomUUID();
    await server.services.sessions.start({ id: sessionId, roomId: inserted.roomId, startedAt: endedAt });
    await server.services.recordings.insert({
      id: failedId,
      roomId: inserted.roomId,
      sessionId,
      status: 'failed',
      startedAt: endedAt,
      endedAt,
      filePath: null,
      byteSize: null,
      onlyOwner: false,
      progress: 15,
      failureReason: 'ffmpeg exited with 1',
      createdAt: endedAt,
    });
    assert.equal((await client.getRecording(failedId)).failure_reason, 'ffmpeg exited with 1');
    const retried = await client.retryRecording(failedId);
    assert.deepEqual([retried.status, retried.state, retried.progress, retried.failure_reason], ['stopped', 'ended', 0, undefined]);
    await assertApiError(client.retryRecording(inserted.uploadedId), {
      status: 409,
      name: 'ConflictError',
      message: 'Only a failed recording can be processed again; this one is uploaded',
    });
  });

  test('starts and stops recording only a meeting in progress', async () => {
    const message = `Room ${inserted.roomId} has no meeting in progress: a recording starts once someone has joined`;
    await assertApiError(client.startRecording(inserted.roomId), { status: 409, name: 'ConflictError', message });
    await assertApiError(client.stopRecording(inserted.roomId), { status: 409, name: 'ConflictError', message });
  });

  test('deletes only an uploaded recording, file and all', async () => {
    await assertApiError(client.deleteRecording(inserted.startedId), { status: 403, name: 'ForbiddenError', message: "Can only delete recordings in 'uploaded' status" });
    await client.deleteRecording(inserted.uploadedId);
    assert.equal(fs.existsSync(inserted.filePath), false);
    await assertApiError(client.getRecording(inserted.uploadedId), { status: 404, name: 'NotFoundError', message: `Recording ${inserted.uploadedId} was not found` });
    await assertApiError(client.deleteRecording(inserted.uploadedId), { status: 404, name: 'NotFoundError', message: 'Could not find recording' });
    assert.deepEqual((await client.listSessionRecordings(inserted.sessionId)).map((r) => r.id), [inserted.startedId]);
  });
});
