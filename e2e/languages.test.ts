import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { waitUntil } from './support/wait.js';
import { saveScreenshot } from './support/screenshots.js';
import { serverAndBrowserForSuite } from './support/server-and-browser.js';


interface RoomJson {
  meeting_code: string;
  _links: { guest_url: { href: string } };
}

type Tree = { [key: string]: string | Tree };

/** The page's own texts, so the test says "the Hebrew join button" without copying Hebrew here. */
function text(language: string, key: string): string {
  const tree = JSON.parse(fs.readFileSync(new URL(`../packages/web/src/locales/${language}.json`, import.meta.url), 'utf8')) as Tree;
  const value = key.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
  assert.equal(typeof value, 'string', `${language}: no text at ${key}`);
  return value as string;
}

async function documentLanguage(page: Page): Promise<{ lang: string; dir: string }> {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

/** Waits for a test id's text, since a language change re-renders after the click that asks for it. */
async function waitForText(page: Page, testId: string, expected: string): Promise<void> {
  await waitUntil(async () => {
    const actual = (await page.textContent(`[data-testid="${testId}"]`))?.trim();
    return actual === expected ? undefined : `${testId} says ${JSON.stringify(actual)}, not ${JSON.stringify(expected)}`;
  }, 5000, 50);
}

async function box(page: Page, selector: string): Promise<{ x: number; width: number }> {
  const found = await page.locator(selector).first().boundingBox();
  assert.ok(found, `${selector} is not on screen`);
  return found;
}

/** The horizontal scale of an element's transform: -1 when it is mirrored. */
async function scaleX(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (element) => new DOMMatrixReadOnly(getComputedStyle(element).transform).a);
}

/** Screenshots of this suite are named `lang-<name>.png`. */
const screenshot = (page: Page, name: string): Promise<void> => saveScreenshot(page, `lang-${name}`);

describe('the meeting page in the room languages', { timeout: 180_000 }, () => {
  const suite = serverAndBrowserForSuite();

  async function createRoom(body: Record<string, unknown>): Promise<RoomJson> {
    const created = await suite.server.api('POST', '/v1/meetings/rooms', body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body as RoomJson;
  }

  async function joinAs(page: Page, name: string): Promise<void> {
    await page.fill('[data-testid="display-name-input"]', name);
    await page.click('[data-testid="join-button"]');
    await page.waitForSelector('[data-testid="meeting"]', { timeout: 20_000 });
    await page.waitForSelector('[data-testid="tile"][data-self="true"][data-video="on"]', { timeout: 10_000 });
  }

  async function leave(page: Page): Promise<void> {
    await page.click('[data-testid="leave-button"]');
    await page.waitForSelector('[data-testid="left-screen"]');
  }

  for (const [language, roomName] of [
    ['he', 'ישיבת צוות'],
    ['ar', 'اجتماع الفريق'],
  ] as const) {
    it(`shows a room in ${language} right to left, pre-join and meeting`, async () => {
      const room = await createRoom({ display_name: roomName, ui_settings: { language } });
      const { page } = suite.browser;
      await page.goto(room._links.guest_url.href);
      await page.waitForSelector('[data-testid="prejoin"]');

      assert.deepEqual(await documentLanguage(page), { lang: language, dir: 'rtl' });
      await waitForText(page, 'join-button', text(language, 'prejoin.join'));
      assert.equal(await page.getAttribute('[data-testid="display-name-input"]', 'placeholder'), text(language, 'prejoin.namePlaceholder'));
      // The room does not offer the switcher.
      assert.equal(await page.locator('[data-testid="language-switcher"]').count(), 0);

      // Mirrored layout: the brand starts on the right, the form sits left of the camera preview.
      const width = page.viewportSize()?.width ?? 1280;
      const brand = await box(page, '[data-testid="brand"]');
      assert.ok(brand.x > width / 2, `the brand starts at x=${brand.x}, on the left`);
      const preview = await box(page, '[data-testid="prejoin-preview"]');
      const form = await box(page, '.prejoin__panel');
      assert.ok(form.x < preview.x, 'the form is not on the left of the preview');
      // …while the self-view stays a mirror, as in every language.
      await page.waitForSelector('.preview__video:not([hidden])');
      assert.equal(await scaleX(page, '.preview__video'), -1);
      await screenshot(page, `${language}-prejoin`);

      await joinAs(page, language === 'he' ? 'אורח' : 'ضيف');
      assert.deepEqual(await documentLanguage(page), { lang: language, dir: 'rtl' });
      assert.equal(await page.getAttribute('[data-testid="leave-button"]', 'aria-label'), text(language, 'controls.leave'));
      const count = await page.getAttribute('[data-testid="participant-count"]', 'aria-label');
      assert.equal(count, text(language, 'meeting.participantCount_one'));
      // The name tag sits in the tile's start corner: the right one.
      const tile = await box(page, '[data-testid="tile"][data-self="true"]');
      const caption = await box(page, '[data-testid="tile"][data-self="true"] .tile__caption');
      assert.ok(caption.x + caption.width > tile.x + tile.width - 20, 'the name tag is not in the right corner');
      assert.equal(await scaleX(page, '[data-testid="tile"][data-self="true"] .tile__video'), -1);
      // M mutes by the key's place on the keyboard: on this layout it types a letter of the language.
      const microphone = () => page.getAttribute('[data-testid="toggle-microphone"]', 'aria-pressed');
      const before = await microphone();
      await page.evaluate((key) => document.body.dispatchEvent(new KeyboardEvent('keydown', { key, code: 'KeyM', bubbles: true })), language === 'he' ? 'צ' : 'ة');
      await page.waitForSelector(`[data-testid="toggle-microphone"][aria-pressed="${before === 'true' ? 'false' : 'true'}"]`);
      await screenshot(page, `${language}-meeting`);
      await leave(page);
      assert.equal((await page.textContent('[data-testid="rejoin-button"]'))?.trim(), text(language, 'left.rejoin'));
    });
  }

  it('lets `lang=` override the room language', async () => {
    const room = await createRoom({ display_name: 'Weekly sync', ui_settings: { language: 'he' } });
    const { page } = suite.browser;
    await page.goto(`${room._links.guest_url.href}?lang=fr`);
    await page.waitForSelector('[data-testid="prejoin"]');
    assert.deepEqual(await documentLanguage(page), { lang: 'fr', dir: 'ltr' });
    await waitForText(page, 'join-button', text('fr', 'prejoin.join'));
  });

  it('switches language from the switcher, on the pre-join screen and in the meeting', async () => {
    const room = await createRoom({
      display_name: 'Weekly sync',
      ui_settings: { language: 'en' },
      available_features: { is_locale_switcher_available: true },
    });
    const { page } = suite.browser;
    await page.goto(room._links.guest_url.href);
    await page.waitForSelector('[data-testid="prejoin"]');
    await waitForText(page, 'join-button', text('en', 'prejoin.join'));

    // Found by its accessible name, which is also what a screen reader announces.
    assert.equal(await page.getByRole('combobox', { name: text('en', 'language.label') }).count(), 1);
    const select = page.locator('[data-testid="language-select"]');
    assert.equal(await select.inputValue(), 'en');
    await select.selectOption('de');
    await waitForText(page, 'join-button', text('de', 'prejoin.join'));
    assert.deepEqual(await documentLanguage(page), { lang: 'de', dir: 'ltr' });
    assert.equal((await page.textContent('.prejoin__eyebrow'))?.trim(), text('de', 'prejoin.heading'));
    // The switcher is named in the new language, and still names each language in itself.
    assert.equal(await page.getByRole('combobox', { name: text('de', 'language.label') }).count(), 1);
    assert.equal((await select.locator('option[value="he"]').textContent())?.trim(), text('he', 'language.nativeName'));
    await screenshot(page, 'switcher-de-prejoin');

    // Keyboard only: focus the switcher and step to the next language.
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await waitUntil(async () => ((await select.inputValue()) !== 'de' ? undefined : 'the arrow key did not change the language'), 3000, 50);
    const stepped = await select.inputValue();
    await waitForText(page, 'join-button', text(stepped, 'prejoin.join'));

    await select.selectOption('he');
    assert.deepEqual(await documentLanguage(page), { lang: 'he', dir: 'rtl' });
    await screenshot(page, 'switcher-he-prejoin');
    await joinAs(page, 'Guest');
    assert.equal(await page.getByRole('combobox', { name: text('he', 'language.label') }).count(), 1);
    const inMeeting = page.locator('[data-testid="language-select"]');
    assert.equal(await inMeeting.inputValue(), 'he', 'the meeting forgot the language chosen before joining');
    await screenshot(page, 'switcher-he-meeting');
    await inMeeting.selectOption('de');
    await waitUntil(async () => {
      const label = await page.getAttribute('[data-testid="leave-button"]', 'aria-label');
      return label === text('de', 'controls.leave') ? undefined : `the leave button says ${label}`;
    }, 5000, 50);
    assert.deepEqual(await documentLanguage(page), { lang: 'de', dir: 'ltr' });
    assert.equal((await page.textContent('.control-bar__leave-text'))?.trim(), text('de', 'controls.leaveShort'));
    await screenshot(page, 'switcher-de-meeting');
    await leave(page);
  });
});
