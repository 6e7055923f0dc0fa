import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import type { MeetingsWebhookEvent } from '@parley/protocol';
import { Webhook } from 'standardwebhooks';
import { ParleyWebhookError, verifyMeetingsWebhook } from './webhook-verification.js';

const secret = `whsec_${randomBytes(32).toString('base64')}`;
const signer = new Webhook(secret);

/** A delivery as Parley sends it: the body, and Standard Webhooks headers signed with the secret. */
function delivery(event: unknown, options: { at?: Date; id?: string; signWith?: Webhook } = {}) {
  const body = JSON.stringify(event);
  const at = options.at ?? new Date();
  const id = options.id ?? `msg_${randomBytes(8).toString('hex')}`;
  const headers: Record<string, string> = {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': (options.signWith ?? signer).sign(id, at, body),
  };
  return { body, headers };
}

const uploaded: MeetingsWebhookEvent = {
  event: 'recording:uploaded',
  recording_id: '17461b93-f793-48a0-9392-7d82de40432f',
  session_id: '5c4ef488-ed5a-48ac-93e0-44b1d4de5428',
  room_id: 'b307d837-c0ce-4619-8c5c-70e418ef9693',
  started_at: '2021-11-02T15:55:35.000Z',
  ended_at: '2021-11-02T15:56:13.000Z',
  duration: 38,
  url: 'https://parley.example/recordings/17461b93-f793-48a0-9392-7d82de40432f/download?expires=1&signature=x',
};

function refusedFor(reason: ParleyWebhookError['reason'], message: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof ParleyWebhookError, String(error));
    assert.equal(error.reason, reason);
    assert.match(error.message, message);
    return true;
  };
}

describe('verifyMeetingsWebhook', () => {
  test('answers the typed event of a delivery signed with the secret, from text, bytes, Headers or Node headers', () => {
    const { body, headers } = delivery(uploaded);
    const event = verifyMeetingsWebhook(body, headers, secret);
    assert.deepEqual(event, uploaded);
    // The union narrows on `event`, so fields are typed without casts.
    if (event.event !== 'recording:uploaded') throw new Error('narrowing failed');
    assert.equal(event.duration, 38);

    assert.deepEqual(verifyMeetingsWebhook(Buffer.from(body), new Headers(headers), secret), uploaded);
    const nodeHeaders = { 'Webhook-Id': headers['webhook-id'], 'WEBHOOK-TIMESTAMP': headers['webhook-timestamp'], 'webhook-signature': [headers['webhook-signature'] as string] };
    assert.deepEqual(verifyMeetingsWebhook(new TextEncoder().encode(body), nodeHeaders, secret), uploaded);
  });

  test('accepts every event of the Meetings API', () => {
    const events: MeetingsWebhookEvent[] = [
      { event: 'room:expired', room_id: 'c55b592c-d5cc-4525-b714-86d2c1a4aa65', room_type: 'instant', expires_at: '2022-10-09T21:24:01.194Z', created_at: '2022-10-09T21:14:01.195Z' },
      { event: 'session:started', session_id: 's1', room_id: 'r1', started_at: '2022-10-09T22:35:22.225Z' },
      { event: 'session:ended', session_id: 's1', room_id: 'r1', started_at: '2022-10-09T22:35:22.225Z', ended_at: '2022-10-09T22:36:08.916Z' },
      { event: 'session:participant:joined', participant_id: 'p1', session_id: 's1', room_id: 'r1', name: 'New Joiner', type: 'Guest', is_host: false },
      { event: 'session:participant:left', participant_id: 'p1', session_id: 's1', room_id: 'r1', name: 'New Joiner', type: 'Guest', is_host: false },
      { event: 'recording:started', recording_id: 'rec1', session_id: 's1' },
      { event: 'recording:ended', recording_id: 'rec1', session_id: 's1', started_at: '2021-11-02T15:55:35.000Z', ended_at: '2021-11-02T15:56:13.000Z', duration: 38 },
      uploaded,
    ];
    for (const event of events) {
      const { body, headers } = delivery(event);
      assert.deepEqual(verifyMeetingsWebhook(body, headers, secret), event);
    }
  });

  test('accepts a delivery carrying several signatures while the secret is rotated', () => {
    const { body, headers } = delivery(uploaded);
    const old = new Webhook(`whsec_${randomBytes(32).toString('base64')}`);
    const at = new Date(Number(headers['webhook-timestamp']) * 1000);
    headers['webhook-signature'] = `${old.sign(headers['webhook-id'] as string, at, body)} ${headers['webhook-signature']}`;
    assert.deepEqual(verifyMeetingsWebhook(body, headers, secret), uploaded);
  });

  test('refuses a body altered after signing, another secret, and a reused signature under another id', () => {
    const { body, headers } = delivery(uploaded);
    assert.throws(() => verifyMeetingsWebhook(body.replace('"duration":38', '"duration":39'), headers, secret), refusedFor('bad_signature', /does not match its body/));

    const stranger = delivery(uploaded, { signWith: new Webhook(`whsec_${randomBytes(32).toString('base64')}`) });
    assert.throws(() => verifyMeetingsWebhook(stranger.body, stranger.headers, secret), refusedFor('bad_signature', /Check the secret/));

    assert.throws(() => verifyMeetingsWebhook(body, { ...headers, 'webhook-id': 'msg_other' }, secret), refusedFor('bad_signature', /does not match/));
  });

  test('refuses a delivery older or newer than five minutes, even correctly signed', () => {
    const old = delivery(uploaded, { at: new Date(Date.now() - 6 * 60_000) });
    assert.throws(() => verifyMeetingsWebhook(old.body, old.headers, secret), refusedFor('timestamp_out_of_tolerance', /is 36\d s old, beyond the 300 s tolerance/));
    const future = delivery(uploaded, { at: new Date(Date.now() + 6 * 60_000) });
    assert.throws(() => verifyMeetingsWebhook(future.body, future.headers, secret), refusedFor('timestamp_out_of_tolerance', /in the future/));
    const recent = delivery(uploaded, { at: new Date(Date.now() - 4 * 60_000) });
    assert.deepEqual(verifyMeetingsWebhook(recent.body, recent.headers, secret), uploaded);

    const { body, headers } = delivery(uploaded);
    assert.throws(() => verifyMeetingsWebhook(body, { ...headers, 'webhook-timestamp': '2026-01-01T00:00:00Z' }, secret), refusedFor('timestamp_out_of_tolerance', /whole seconds/));
  });

  test('names the missing header', () => {
    const { body, headers } = delivery(uploaded);
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      const without = Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name));
      assert.throws(() => verifyMeetingsWebhook(body, without, secret), refusedFor('missing_header', new RegExp(`no ${name} header`)));
    }
  });

  test('refuses a signed body that is not a Meetings event', () => {
    const unknown = delivery({ event: 'room:deleted', room_id: 'r1' });
    assert.throws(() => verifyMeetingsWebhook(unknown.body, unknown.headers, secret), refusedFor('unknown_event', /"room:deleted" is not one of room:expired/));
    const at = new Date();
    const text = 'not json';
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signer.sign('msg_1', at, text) };
    assert.throws(() => verifyMeetingsWebhook(text, headers, secret), refusedFor('unknown_event', /not JSON/));
  });

  test('says what is wrong with a secret that is not a whsec_ secret', () => {
    const { body, headers } = delivery(uploaded);
    assert.throws(() => verifyMeetingsWebhook(body, headers, 'my-password'), { name: 'TypeError', message: /starts with "whsec_"/ });
  });
});
