import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { launchParticipant, type Participant } from './support/browser.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';
import { saveScreenshot } from './support/screenshots.js';

const HTML_LOOKING = '<img src=x onerror=alert(1)>';

interface CreatedRoom {
  id: string;
  _links: { host_url: { href: string }; guest_url: { href: string } };
}

interface TranscriptJson {
  _embedded: { messages: { id: string; participant_id: string; sender_name: string; text: string; sent_at: string }[] };
}

function withParams(url: string, params: Record<string, string>): string {
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(params)) parsed.searchParams.set(key, value);
  return parsed.toString();
}

/** Screenshots of this suite are named `chat-<name>.png`. */
const screenshot = (page: Page, name: string): Promise<void> => saveScreenshot(page, `chat-${name}`);

/** The messages a page's chat panel shows, as sender and text, read from the rendered DOM. */
async function shownMessages(page: Page): Promise<{ sender: string; text: string }[]> {
  return page.$$eval('[data-testid="chat-message"]', (items) =>
    items.map((item) => ({
      sender: item.querySelector('[data-testid="chat-message-sender"]')?.textContent ?? '',
      text: item.querySelector('[data-testid="chat-message-text"]')?.textContent ?? '',
    })),
  );
}

async function waitForMessages(page: Page, who: string, expected: { sender: string; text: string }[]): Promise<void> {
  await waitUntil(async () => {
    const shown = await shownMessages(page);
    return JSON.stringify(shown) === JSON.stringify(expected) ? undefined : `${who} shows ${JSON.stringify(shown)}`;
  });
}

async function send(page: Page, text: string): Promise<void> {
  await page.fill('[data-testid="chat-input"]', text);
  await page.press('[data-testid="chat-input"]', 'Enter');
}

describe('chat between browsers', { timeout: 120_000 }, () => {
  let server: TestServer;
  let room: CreatedRoom;
  const people: Record<string, Participant> = {};
  /** Any dialog a page opens (an `alert` from injected markup, say) is recorded here and dismissed. */
  const dialogs: string[] = [];

  before(async () => {
    // A window no machine is slow enough to outlast between five messages typed in a row.
    server = await startTestServer({ chatRateWindowMs: 600_000 });
    const created = await server.api('POST', '/v1/meetings/rooms', { display_name: 'Chatty meeting' });
    assert.equal(created.status, 201);
    room = created.body as CreatedRoom;
  });

  after(async () => {
    await Promise.all(Object.values(people).map((p) => p.close()));
    await server?.close();
  });

  async function enter(name: string, url: string): Promise<Page> {
    const participant = await launchParticipant();
    people[name] = participant;
    participant.page.on('dialog', (dialog) => {
      dialogs.push(`${name}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await participant.page.goto(withParams(url, { display_name: name, skip_prejoin: '1' }));
    await participant.page.waitForSelector('[data-testid="meeting"]', { timeout: 20_000 }).catch(async (error: Error) => {
      throw new Error(`${name} never reached the meeting; the page shows: ${await participant.page.innerText('body').catch(() => '?')}`, { cause: error });
    });
    return participant.page;
  }

  it('lets Ann send a message that Bob sees with her name, announced by an unread badge', async () => {
    const ann = await enter('Ann', room._links.host_url.href);
    const bob = await enter('Bob', room._links.guest_url.href);

    await ann.click('[data-testid="chat-button"]');
    await ann.waitForSelector('[data-testid="chat-empty"]');
    assert.equal(await ann.getAttribute('[data-testid="chat-button"]', 'aria-expanded'), 'true');
    await screenshot(ann, 'empty');
    await send(ann, 'Hello from Ann');
    await waitForMessages(ann, 'Ann', [{ sender: 'Ann', text: 'Hello from Ann' }]);
    assert.equal(await ann.inputValue('[data-testid="chat-input"]'), '', 'the field is cleared once the message is accepted');

    // Bob has not opened the chat: the toolbar button counts what he has not read.
    await bob.waitForSelector('[data-testid="chat-unread"][data-count="1"]');
    assert.equal(await bob.getAttribute('[data-testid="chat-button"]', 'aria-label'), 'Open chat, 1 unread message');
    await screenshot(bob, 'unread-badge');
    await bob.click('[data-testid="chat-button"]');
    await waitForMessages(bob, 'Bob', [{ sender: 'Ann', text: 'Hello from Ann' }]);
    assert.equal(await bob.$('[data-testid="chat-unread"]'), null, 'opening the chat reads it');
  });

  it('shows markup-looking text literally: no element is created from it, no script runs', async () => {
    const ann = people.Ann!.page;
    const bob = people.Bob!.page;
    await send(bob, HTML_LOOKING);
    const expected = [
      { sender: 'Ann', text: 'Hello from Ann' },
      { sender: 'Bob', text: HTML_LOOKING },
    ];
    for (const [name, page] of [['Ann', ann], ['Bob', bob]] as const) {
      await waitForMessages(page, name, expected);
      const inside = await page.$eval('[data-testid="chat-message"]:last-child [data-testid="chat-message-text"]', (element) => ({
        children: element.children.length,
        html: element.innerHTML,
      }));
      assert.deepEqual(inside, { children: 0, html: '&lt;img src=x onerror=alert(1)&gt;' });
      assert.equal(await page.$$eval('[data-testid="chat-panel"] img', (images) => images.length), 0);
    }
    // An onerror handler would have fired by now, had an image been made.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(dialogs, []);
    await screenshot(bob, 'panel');
  });

  it('hands Carl, who joins late, what was said before he came, in order', async () => {
    const carl = await enter('Carl', room._links.guest_url.href);
    // History is not news: no unread badge for it.
    await carl.waitForSelector('[data-testid="chat-button"]');
    assert.equal(await carl.$('[data-testid="chat-unread"]'), null);
    await carl.click('[data-testid="chat-button"]');
    await waitForMessages(carl, 'Carl', [
      { sender: 'Ann', text: 'Hello from Ann' },
      { sender: 'Bob', text: HTML_LOOKING },
    ]);
    assert.equal(await carl.$$eval('[data-testid="chat-panel"] img', (images) => images.length), 0);
    await screenshot(carl, 'late-joiner');
  });

  it('lists both messages, in order, in the session’s transcript through the API', async () => {
    const [session] = await server.server.services.sessions.listForRoom(room.id);
    assert.ok(session);
    for (const prefix of ['/v1/meetings', '/meetings', '/beta/meetings']) {
      const response = await server.api('GET', `${prefix}/sessions/${session.id}/chat`);
      assert.equal(response.status, 200);
      const messages = (response.body as TranscriptJson)._embedded.messages;
      assert.deepEqual(messages.map((m) => [m.sender_name, m.text]), [['Ann', 'Hello from Ann'], ['Bob', HTML_LOOKING]]);
      assert.ok(messages[0]!.sent_at <= messages[1]!.sent_at);
    }
    assert.equal((await server.api('GET', '/v1/meetings/sessions/no-such-session/chat')).status, 404);
  });

  it('tells a sender who goes too fast why a message was refused, and keeps what they typed', async () => {
    // Someone who has said nothing yet: five messages in the window are fine, a sixth is refused.
    const eve = await enter('Eve', room._links.guest_url.href);
    await eve.click('[data-testid="chat-button"]');
    for (let i = 1; i <= 5; i++) {
      await send(eve, `Quick ${i}`);
      await waitUntil(async () => ((await eve.inputValue('[data-testid="chat-input"]')) === '' ? undefined : `Quick ${i} still in the field`));
    }
    await send(eve, 'One too many');
    await eve.waitForSelector('[data-testid="chat-error"][data-code="rate_limited"]');
    assert.equal(await eve.inputValue('[data-testid="chat-input"]'), 'One too many');
    assert.deepEqual((await shownMessages(eve)).slice(-5).map((m) => m.text), ['Quick 1', 'Quick 2', 'Quick 3', 'Quick 4', 'Quick 5']);
    await screenshot(eve, 'rate-limited');
  });

  it('offers no chat in a room whose chat is off', async () => {
    const created = await server.api('POST', '/v1/meetings/rooms', { display_name: 'Quiet meeting', available_features: { is_chat_available: false } });
    assert.equal(created.status, 201);
    const quiet = await enter('Dora', (created.body as CreatedRoom)._links.guest_url.href);
    await quiet.waitForSelector('[data-testid="leave-button"]');
    assert.equal(await quiet.$('[data-testid="chat-button"]'), null);
  });
});
