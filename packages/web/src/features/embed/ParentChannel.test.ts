import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EmbedOutgoingMessage } from '@parley/protocol';
import { EmbedCommandError } from './functions';
import { ParentChannel, type EmbedCommandHandlers } from './ParentChannel';

const HOST = 'https://app.example.com';

/** A page in a frame, as far as the channel sees it: its parent, its URL's query, its message events. */
function framedPage(search = '') {
  const posted: { message: EmbedOutgoingMessage; targetOrigin: string }[] = [];
  const parent = { postMessage: (message: EmbedOutgoingMessage, targetOrigin: string) => posted.push({ message, targetOrigin }) };
  const listeners: ((event: { data: unknown; source: unknown; origin: string }) => void)[] = [];
  const page = { parent, location: { search }, addEventListener: (_type: string, listener: (typeof listeners)[number]) => listeners.push(listener) };
  return {
    page: page as unknown as Window,
    parent,
    posted,
    /** Delivers a message event, then lets the channel answer. */
    async deliver(data: unknown, from: { source?: unknown; origin?: string } = {}) {
      for (const listener of listeners) listener({ data, source: from.source ?? parent, origin: from.origin ?? HOST });
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

const mute = { parley: 1, type: 'command', command: 'mute', requestId: 'r1' };

test('a page that is not framed has no channel; nor one framed with an embed_origin that is no origin', (t) => {
  const page = { location: { search: '' }, addEventListener: () => undefined } as unknown as Window & { parent: unknown };
  page.parent = page;
  assert.equal(ParentChannel.connect(page), null);
  const warn = t.mock.method(console, 'warn', () => undefined);
  assert.equal(ParentChannel.connect(framedPage('?embed_origin=app.example.com').page), null);
  assert.equal(warn.mock.callCount(), 1);
});

test('with an origin pinned, it posts only there and takes commands only from the parent at that origin', async () => {
  const frame = framedPage(`?embed_origin=${encodeURIComponent(HOST)}`);
  const channel = ParentChannel.connect(frame.page)!;
  let muted = 0;
  channel.handleCommands(() => ({ mute: () => void muted++ }));
  assert.deepEqual(frame.posted, [{ message: { parley: 1, type: 'event', event: 'ready', data: { version: 1 } }, targetOrigin: HOST }]);

  await frame.deliver(mute, { origin: 'https://evil.example' });
  await frame.deliver(mute, { source: {} });
  assert.equal(muted, 0, 'another origin, or another window, is not obeyed');
  assert.equal(frame.posted.length, 1, 'nor answered');

  await frame.deliver(mute);
  assert.equal(muted, 1);
  assert.deepEqual(frame.posted.at(-1), { message: { parley: 1, type: 'result', command: 'mute', requestId: 'r1', ok: true }, targetOrigin: HOST });
});

test('without a pinned origin, it posts to any parent and takes commands from the parent only', async () => {
  const frame = framedPage();
  const channel = ParentChannel.connect(frame.page)!;
  let muted = 0;
  channel.handleCommands(() => ({ mute: () => void muted++ }));
  await frame.deliver(mute, { origin: 'https://anyone.example' });
  await frame.deliver(mute, { source: {} });
  assert.equal(muted, 1);
  assert.deepEqual(frame.posted.map((p) => p.targetOrigin), ['*', '*']);
});

test('the newest screen with handlers carries out a command; without one it is not available', async () => {
  const frame = framedPage();
  const channel = ParentChannel.connect(frame.page)!;
  const lastResult = () => frame.posted.at(-1)?.message;
  const calls: string[] = [];
  let sessionHandlers: EmbedCommandHandlers | null = { mute: () => void calls.push('session') };
  channel.handleCommands(() => sessionHandlers);
  const stopMeeting = channel.handleCommands(() => ({ mute: () => void calls.push('meeting') }));
  assert.equal(frame.posted.filter((p) => p.message.type === 'event').length, 1, 'ready is said once');

  await frame.deliver(mute);
  stopMeeting();
  await frame.deliver(mute);
  assert.deepEqual(calls, ['meeting', 'session']);

  sessionHandlers = null;
  await frame.deliver(mute);
  assert.deepEqual(lastResult(), {
    parley: 1,
    type: 'result',
    command: 'mute',
    requestId: 'r1',
    ok: false,
    error: { code: 'not_available', message: 'mute is not available on the screen the page shows now' },
  });

  sessionHandlers = { 'send-chat': async ({ text }) => Promise.reject(new EmbedCommandError('validation_failed', `Refused: ${text}`)) };
  await frame.deliver({ parley: 1, type: 'command', command: 'send-chat', text: 'Hi' });
  assert.deepEqual(lastResult(), { parley: 1, type: 'result', command: 'send-chat', ok: false, error: { code: 'validation_failed', message: 'Refused: Hi' } });

  await frame.deliver({ parley: 1, type: 'command', command: 'dance', requestId: 'r9' });
  assert.deepEqual(lastResult(), { parley: 1, type: 'result', command: null, requestId: 'r9', ok: false, error: { code: 'bad_command', message: 'Unknown command; the commands are mute, unmute, camera-on, camera-off, leave, raise-hand, lower-hand, send-chat, set-display-name' } });
});
