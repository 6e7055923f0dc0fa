import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParleyClientError } from '@parley/client';
import { EmbedCommandError, embedErrorOf, embedOriginOf, receivedMessageOf } from './functions';

test('embed_origin pins an origin, forgives a trailing slash, and is invalid when it is anything else', () => {
  assert.equal(embedOriginOf(''), null);
  assert.equal(embedOriginOf('?embed_origin='), null);
  assert.equal(embedOriginOf('?embed_origin=https%3A%2F%2Fapp.example.com'), 'https://app.example.com');
  assert.equal(embedOriginOf('?embed_origin=http://localhost:3000/'), 'http://localhost:3000');
  for (const value of ['app.example.com', 'https://app.example.com/embed', 'null', 'data:text/html,x', '*', 'HTTPS://App.example.com']) {
    assert.equal(embedOriginOf(`?${new URLSearchParams({ embed_origin: value })}`), 'invalid', value);
  }
});

test('commands of this version are taken, with their fields and request id', () => {
  assert.deepEqual(receivedMessageOf({ parley: 1, type: 'command', command: 'mute' }), { kind: 'command', command: { command: 'mute' }, requestId: undefined });
  assert.deepEqual(receivedMessageOf({ parley: 1, type: 'command', command: 'send-chat', text: 'Hi', requestId: 'r1', extra: true }), {
    kind: 'command',
    command: { command: 'send-chat', text: 'Hi' },
    requestId: 'r1',
  });
  assert.deepEqual(receivedMessageOf({ parley: 1, type: 'command', command: 'set-display-name', displayName: 'Ada' }).kind, 'command');
});

test('messages that are not Parley commands are left alone', () => {
  for (const data of [null, 'mute', 42, { type: 'command', command: 'mute' }, { parley: 1, type: 'event', event: 'joined' }, { parley: 2, type: 'something' }]) {
    assert.deepEqual(receivedMessageOf(data), { kind: 'ignored' }, JSON.stringify(data));
  }
});

test('Parley commands that cannot be carried out are answered with why', () => {
  const refused = (data: unknown) => {
    const received = receivedMessageOf(data);
    assert.equal(received.kind, 'refused', JSON.stringify(data));
    return received.kind === 'refused' ? [received.command, received.requestId, received.error.code] : [];
  };
  assert.deepEqual(refused({ parley: 2, type: 'command', command: 'mute', requestId: 'r' }), ['mute', 'r', 'unsupported_version']);
  assert.deepEqual(refused({ parley: 1, type: 'command', command: 'dance', requestId: 'r' }), [null, 'r', 'bad_command']);
  assert.deepEqual(refused({ parley: 1, type: 'command', command: 'send-chat' }), ['send-chat', undefined, 'bad_command']);
  assert.deepEqual(refused({ parley: 1, type: 'command', command: 'set-display-name', displayName: 7 }), ['set-display-name', undefined, 'bad_command']);
  assert.deepEqual(refused({ parley: 1, type: 'command', command: 'mute', requestId: 'x'.repeat(65) }), ['mute', undefined, 'bad_command']);
  assert.deepEqual(refused({ parley: 1, type: 'command', command: 'mute', requestId: 5 }), ['mute', undefined, 'bad_command']);
});

test('a failed command is reported with the code of whoever refused it', () => {
  assert.deepEqual(embedErrorOf(new ParleyClientError('rate_limited', 'Too many')), { code: 'rate_limited', message: 'Too many' });
  assert.deepEqual(embedErrorOf(new ParleyClientError('connection_lost', 'Gone')), { code: 'connection_lost', message: 'Gone' });
  assert.deepEqual(embedErrorOf(new EmbedCommandError('device_unavailable', 'No camera')), { code: 'device_unavailable', message: 'No camera' });
  assert.deepEqual(embedErrorOf(new ParleyClientError('screen_share_cancelled', 'No')), { code: 'internal', message: 'No' });
  assert.deepEqual(embedErrorOf(new TypeError('boom')), { code: 'internal', message: 'boom' });
  assert.deepEqual(embedErrorOf(Object.assign(new Error('odd'), { code: 'toString' })), { code: 'internal', message: 'odd' });
});
