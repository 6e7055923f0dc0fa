import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { RECORDING_DOWNLOAD_LINK_LIFETIME_MS } from '../../recording/recording-download-links.js';
import { seedRecording } from '../meetings/test-support/recording-fixtures.js';
import { startMeetingsHarness, type MeetingsHarness } from '../meetings/test-support/meetings-harness.js';

describe('GET /recordings/:recording_id/download (signed links)', () => {
  let h: MeetingsHarness;
  before(async () => {
    h = await startMeetingsHarness();
  });
  after(() => h.close());

  /** The download link the Meetings API hands out for a recording, as a path on this server. */
  async function linkOf(recordingId: string): Promise<string> {
    const href: string = (await h.call('GET', `/v1/meetings/recordings/${recordingId}`)).json()._links.url.href;
    const url = new URL(href);
    return `${url.pathname}${url.search}`;
  }

  /** Follows a link as a browser would: no credentials at all. */
  const download = (link: string, headers: Record<string, string> = {}) => h.app.inject({ method: 'GET', url: link, headers });

  test('streams the mp4, byte for byte, as an attachment named after the room and the start', async () => {
    const seeded = await seedRecording(h, { roomName: 'Weekly sync', startedAt: '2026-01-01T11:58:31.000Z' });
    const response = await download(await linkOf(seeded.recording.id));
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'video/mp4');
    assert.equal(response.headers['content-disposition'], 'attachment; filename="Weekly sync_2026-01-01T11:58:31.000Z.mp4"');
    assert.equal(response.headers['accept-ranges'], 'bytes');
    assert.equal(response.headers['cache-control'], 'private, no-cache');
    assert.ok(seeded.absoluteFile);
    const file = fs.readFileSync(seeded.absoluteFile);
    assert.ok(file.length > 1000, 'the sample is a real video');
    assert.equal(file.subarray(4, 8).toString('latin1'), 'ftyp');
    assert.deepEqual(response.rawPayload, file);
  });

  test('answers a Range request with 206 and exactly those bytes', async () => {
    const seeded = await seedRecording(h);
    assert.ok(seeded.absoluteFile);
    const file = fs.readFileSync(seeded.absoluteFile);
    const link = await linkOf(seeded.recording.id);
    const response = await download(link, { range: 'bytes=100-299' });
    assert.equal(response.statusCode, 206);
    assert.equal(response.headers['content-range'], `bytes 100-299/${file.length}`);
    assert.deepEqual(response.rawPayload, file.subarray(100, 300));
    const tail = await download(link, { range: 'bytes=-50' });
    assert.equal(tail.statusCode, 206);
    assert.deepEqual(tail.rawPayload, file.subarray(file.length - 50));
  });

  test('names a non-ASCII room in UTF-8, with an ASCII stand-in', async () => {
    const seeded = await seedRecording(h, { roomName: 'Réunion "ops"', startedAt: '2026-01-01T11:00:00.000Z' });
    const response = await download(await linkOf(seeded.recording.id));
    assert.equal(response.statusCode, 200);
    assert.equal(
      response.headers['content-disposition'],
      `attachment; filename="R_union _ops__2026-01-01T11:00:00.000Z.mp4"; filename*=UTF-8''R%C3%A9union%20%22ops%22_2026-01-01T11%3A00%3A00.000Z.mp4`,
    );
  });

  test('refuses an expired link with 403, and serves a fresh one', async () => {
    const seeded = await seedRecording(h);
    const link = await linkOf(seeded.recording.id);
    h.clock.advance(RECORDING_DOWNLOAD_LINK_LIFETIME_MS - 1000);
    assert.equal((await download(link)).statusCode, 200, 'still valid just before it expires');
    h.clock.advance(1000);
    const expired = await download(link);
    assert.equal(expired.statusCode, 403);
    assert.deepEqual(expired.json(), {
      code: 'forbidden',
      message: 'This download link has expired: ask the API for the recording again to get a new one',
    });
    assert.equal((await download(await linkOf(seeded.recording.id))).statusCode, 200);
  });

  test('refuses a link with a forged, foreign or missing signature or expiry with 403', async () => {
    const seeded = await seedRecording(h);
    const other = await seedRecording(h);
    const link = new URL(await linkOf(seeded.recording.id), 'http://x');
    const otherLink = new URL(await linkOf(other.recording.id), 'http://x');
    const path = link.pathname;
    const expires = link.searchParams.get('expires') ?? '';
    const signature = link.searchParams.get('signature') ?? '';
    const attempts = [
      `${path}?expires=${expires}&signature=${signature.slice(0, -2)}AA`,
      `${path}?expires=${Number(expires) + 3600}&signature=${signature}`,
      `${path}?expires=${expires}&signature=${otherLink.searchParams.get('signature')}`,
      `${path}?expires=${expires}`,
      `${path}?signature=${signature}`,
      `${path}?expires=soon&signature=${signature}`,
      `${path}?expires=${expires}&expires=${expires}&signature=${signature}`,
      path,
    ];
    for (const attempt of attempts) {
      const response = await download(attempt);
      assert.equal(response.statusCode, 403, attempt);
      assert.deepEqual(response.json(), { code: 'forbidden', message: 'This download link is not valid' }, attempt);
    }
  });

  test('answers 404 once the recording is deleted, even with a valid link', async () => {
    const seeded = await seedRecording(h);
    const link = await linkOf(seeded.recording.id);
    assert.equal((await h.call('DELETE', `/v1/meetings/recordings/${seeded.recording.id}`)).statusCode, 204);
    const response = await download(link);
    assert.equal(response.statusCode, 404);
    assert.deepEqual(response.json(), { code: 'not_found', message: `Recording ${seeded.recording.id} has no file to download` });
  });

  test('is outside the authenticated API: a bearer token is neither needed nor a substitute for the signature', async () => {
    const seeded = await seedRecording(h);
    const response = await download(`/recordings/${seeded.recording.id}/download`, { authorization: `Bearer ${await h.token()}` });
    assert.equal(response.statusCode, 403);
  });
});
