import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { coloredLogo, favicon, whiteLogo } from './support/theme-logos.js';
import { waitUntil } from './support/wait.js';
import { saveScreenshot } from './support/screenshots.js';
import { serverAndBrowserForSuite } from './support/server-and-browser.js';


const MAIN_COLOR = '#AB34C1';
const MAIN_RGB: [number, number, number] = [171, 52, 193];
const ACCENT = 'rgb(171, 52, 193)';
/** Parley's own accent, when no theme (or a broken one) applies. */
const DEFAULT_ACCENT = 'rgb(79, 124, 255)';

interface ThemeJson {
  theme_id: string;
  short_company_url: string | null;
  brand_image_white_url: string | null;
  brand_image_colored_url: string | null;
  branded_favicon_url: string | null;
}

interface RoomJson {
  id: string;
  meeting_code: string;
  _links: { host_url: { href: string }; guest_url: { href: string } };
}

interface UploadTarget {
  url: string;
  fields: Record<string, string> & { key: string; logoType: 'white' | 'colored' | 'favicon' };
}

/** What the page shows of a theme, read from the rendered page. */
interface ShownBrand {
  title: string;
  favicon: string;
  brandText: string | null;
  logo: { kind: string | null; src: string; naturalWidth: number } | null;
}

async function shownBrand(page: Page): Promise<ShownBrand> {
  return page.evaluate(() => {
    const brand = document.querySelector('[data-testid="brand"]');
    const img = brand?.querySelector<HTMLImageElement>('[data-testid="brand-logo"]');
    return {
      title: document.title,
      favicon: document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? '',
      brandText: brand?.querySelector('[data-testid="brand-text"]')?.textContent ?? null,
      logo: img ? { kind: brand?.getAttribute('data-logo') ?? null, src: img.src, naturalWidth: img.complete ? img.naturalWidth : 0 } : null,
    };
  });
}

/**
 * Waits for an element's computed background to be `expected`, with the pointer off it (no hover
 * colour). Waiting, not reading once: buttons ease between colours.
 */
async function assertBackground(page: Page, testId: string, expected: string): Promise<void> {
  await page.mouse.move(0, 0);
  await waitUntil(async () => {
    const actual = await page.$eval(`[data-testid="${testId}"]`, (element) => getComputedStyle(element).backgroundColor);
    return actual === expected ? undefined : `${testId} background is ${actual}, not ${expected}`;
  }, 3000, 50);
}

/** Screenshots of this suite are named `themes-<name>.png`. */
const screenshot = (page: Page, name: string): Promise<void> => saveScreenshot(page, `themes-${name}`);

describe('themed meeting pages and short company URLs', { timeout: 120_000 }, () => {
  let theme: ThemeJson;
  let room: RoomJson;

  const suite = serverAndBrowserForSuite();

  async function createTheme(body: Record<string, unknown>): Promise<ThemeJson> {
    const created = await suite.server.api('POST', '/v1/meetings/themes', body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body as ThemeJson;
  }

  async function createRoom(body: Record<string, unknown>): Promise<RoomJson> {
    const created = await suite.server.api('POST', '/v1/meetings/rooms', body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body as RoomJson;
  }

  it('puts the short company URL in the host and guest URLs of a themed room', async () => {
    theme = await createTheme({ theme_name: 'Acme', main_color: MAIN_COLOR, brand_text: 'Acme Corp', short_company_url: 'acme-corp' });
    room = await createRoom({ display_name: 'Quarterly planning', theme_id: theme.theme_id });
    assert.equal(room._links.guest_url.href, `${suite.server.baseUrl}/acme-corp/${room.meeting_code}`);
    assert.ok(room._links.host_url.href.startsWith(`${suite.server.baseUrl}/acme-corp/?room_token=${room.meeting_code}&participant_token=`), room._links.host_url.href);
  });

  it('shows the guest URL in the theme: main colour, brand text, title', async () => {
    const { page } = suite.browser;
    await page.goto(room._links.guest_url.href);
    await page.waitForSelector('[data-testid="prejoin"]');
    await assertBackground(page, 'join-button', ACCENT);
    const shown = await shownBrand(page);
    assert.equal(shown.brandText, 'Acme Corp');
    assert.equal(shown.logo, null);
    assert.equal(shown.title, 'Quarterly planning · Acme Corp');
    // No favicon in the theme yet: Parley's own stays.
    assert.match(shown.favicon, /\/assets\/favicon-[\w-]+\.svg$/);
    await screenshot(page, 'guest-prejoin-brand-text');
  });

  it('shows the host URL in the theme too, and the theme in the meeting', async () => {
    const { page } = suite.browser;
    await page.goto(room._links.host_url.href);
    await page.waitForSelector('[data-testid="prejoin"]');
    await assertBackground(page, 'join-button', ACCENT);
    assert.equal((await shownBrand(page)).brandText, 'Acme Corp');
    await screenshot(page, 'host-prejoin-brand-text');

    await page.fill('[data-testid="display-name-input"]', 'Hostess');
    await page.click('[data-testid="join-button"]');
    await page.waitForSelector('[data-testid="meeting"]', { timeout: 20_000 });
    const shown = await shownBrand(page);
    assert.equal(shown.brandText, 'Acme Corp');
    assert.equal(shown.title, 'Quarterly planning · Acme Corp');
    const toggle = await page.$eval('[data-testid="toggle-camera"]', (element) => getComputedStyle(element).borderTopColor);
    assert.equal(toggle, ACCENT);
    await screenshot(page, 'host-meeting-brand-text');
    await page.click('[data-testid="leave-button"]');
    await page.waitForSelector('[data-testid="left-screen"]');
  });

  it('uploads a white and a coloured logo and a favicon through the logo flow, and shows each where it belongs', async () => {
    const targets = await suite.server.api('GET', '/v1/meetings/themes/logos-upload-urls');
    assert.equal(targets.status, 200);
    const files = { white: whiteLogo(), colored: coloredLogo(MAIN_RGB), favicon: favicon(MAIN_RGB) };
    const keys: string[] = [];
    for (const target of targets.body as UploadTarget[]) {
      const form = new FormData();
      for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
      form.append('file', new Blob([new Uint8Array(files[target.fields.logoType])], { type: 'image/png' }), `${target.fields.logoType}.png`);
      const uploaded = await fetch(target.url, { method: 'POST', body: form });
      assert.equal(uploaded.status, 204, await uploaded.text());
      keys.push(target.fields.key);
    }
    assert.equal(keys.length, 3);
    const finalized = await suite.server.api('PUT', `/v1/meetings/themes/${theme.theme_id}/finalizeLogos`, { keys });
    assert.equal(finalized.status, 200, JSON.stringify(finalized.body));
    theme = (await suite.server.api('GET', `/v1/meetings/themes/${theme.theme_id}`)).body as ThemeJson;
    const { brand_image_white_url: white, brand_image_colored_url: colored, branded_favicon_url: icon } = theme;
    assert.ok(white && colored && icon, JSON.stringify(theme));

    const { page } = suite.browser;
    // Pre-join is a light surface: the coloured logo.
    await page.goto(room._links.guest_url.href);
    await page.waitForSelector('[data-testid="prejoin"]');
    await waitUntil(async () => {
      const shown = await shownBrand(page);
      if (shown.favicon !== icon) return `favicon is ${shown.favicon}`;
      return shown.logo?.naturalWidth ? undefined : 'the logo has not loaded';
    });
    let shown = await shownBrand(page);
    assert.deepEqual(shown.logo, { kind: 'colored', src: colored, naturalWidth: 240 });
    assert.equal(shown.brandText, null);
    assert.equal(shown.title, 'Quarterly planning · Acme Corp');
    await assertBackground(page, 'join-button', ACCENT);
    await screenshot(page, 'guest-prejoin-logo');

    // The meeting is a dark surface: the white logo.
    await page.fill('[data-testid="display-name-input"]', 'Guest');
    await page.click('[data-testid="join-button"]');
    await page.waitForSelector('[data-testid="meeting"]', { timeout: 20_000 });
    await waitUntil(async () => ((await shownBrand(page)).logo?.naturalWidth ? undefined : 'the logo has not loaded'));
    shown = await shownBrand(page);
    assert.deepEqual(shown.logo, { kind: 'white', src: white, naturalWidth: 240 });
    assert.equal(shown.favicon, icon);
    await screenshot(page, 'guest-meeting-logo');

    // The screen after leaving is light again.
    await page.click('[data-testid="leave-button"]');
    await page.waitForSelector('[data-testid="left-screen"]');
    shown = await shownBrand(page);
    assert.equal(shown.logo?.kind, 'colored');
    await assertBackground(page, 'rejoin-button', ACCENT);
    await screenshot(page, 'guest-left-logo');

    // The host URL, under the same company segment, shows the same.
    await page.goto(room._links.host_url.href);
    await page.waitForSelector('[data-testid="prejoin"]');
    await waitUntil(async () => ((await shownBrand(page)).favicon === icon ? undefined : 'the favicon is not the theme’s'));
    await waitUntil(async () => ((await shownBrand(page)).logo?.naturalWidth ? undefined : 'the logo has not loaded'));
    shown = await shownBrand(page);
    assert.deepEqual(shown.logo, { kind: 'colored', src: colored, naturalWidth: 240 });
    assert.equal(shown.title, 'Quarterly planning · Acme Corp');
    await assertBackground(page, 'join-button', ACCENT);
    await screenshot(page, 'host-prejoin-logo');
  });

  it('falls back when a logo or the favicon fails to load: to the other logo, then to the brand text', async () => {
    const { page } = suite.browser;
    const failing = new Set<string>();
    await page.route('**/logos/**', (route) => (failing.has(route.request().url()) ? route.abort('failed') : route.continue()));
    try {
      failing.add(theme.brand_image_colored_url ?? '');
      failing.add(theme.branded_favicon_url ?? '');
      await page.goto(room._links.guest_url.href);
      await page.waitForSelector('[data-testid="prejoin"]');
      await waitUntil(async () => ((await shownBrand(page)).logo?.kind === 'white' ? undefined : 'the white logo is not shown'));
      const plated = await page.$eval('[data-testid="brand-logo"]', (img) => getComputedStyle(img).backgroundColor);
      assert.notEqual(plated, 'rgba(0, 0, 0, 0)', 'a white logo on a light surface sits on a dark plate');
      await screenshot(page, 'guest-prejoin-white-logo-plated');

      failing.add(theme.brand_image_white_url ?? '');
      await page.goto(room._links.guest_url.href);
      await page.waitForSelector('[data-testid="prejoin"]');
      await waitUntil(async () => ((await shownBrand(page)).brandText === 'Acme Corp' ? undefined : 'the brand text is not shown'));
      const shown = await shownBrand(page);
      assert.equal(shown.logo, null);
      assert.match(shown.favicon, /\/assets\/favicon-[\w-]+\.svg$/);
      await assertBackground(page, 'join-button', ACCENT);
    } finally {
      await page.unrouteAll();
    }
  });

  it("never shows a room under another company's short URL", async () => {
    await createTheme({ theme_name: 'Globex', main_color: '#0a7d3b', brand_text: 'Globex', short_company_url: 'globex' });
    const { page } = suite.browser;
    for (const company of ['globex', 'no-such-company']) {
      const response = await page.goto(`${suite.server.baseUrl}/${company}/${room.meeting_code}`);
      const unavailable = await page.waitForSelector('[data-testid="room-unavailable"]');
      assert.equal(await unavailable.getAttribute('data-reason'), 'not_found');
      assert.equal(response?.status(), company === 'globex' ? 200 : 404);
      const shown = await shownBrand(page);
      assert.equal(shown.brandText, 'Parley');
      assert.equal(shown.title, 'Parley');
    }
    await screenshot(page, 'other-company-not-found');
  });

  it('shows a room that can no longer be joined in its theme', async () => {
    const expired = await createRoom({ display_name: 'Retired', theme_id: theme.theme_id });
    await suite.server.server.services.rooms.update(expired.id, { isAvailable: false });
    const { page } = suite.browser;
    await page.goto(expired._links.guest_url.href);
    const unavailable = await page.waitForSelector('[data-testid="room-unavailable"]');
    assert.equal(await unavailable.getAttribute('data-reason'), 'unavailable');
    await waitUntil(async () => ((await shownBrand(page)).logo?.naturalWidth ? undefined : 'the logo has not loaded'));
    const shown = await shownBrand(page);
    assert.equal(shown.logo?.kind, 'colored');
    assert.equal(shown.title, 'Acme Corp');
    await screenshot(page, 'unavailable-logo');
  });

  it("shows a room without a theme in the application's default theme, under the default theme's short URL", async () => {
    const fallback = await createTheme({ theme_name: 'Default', main_color: '#e4572e', brand_text: 'Initech', short_company_url: 'initech' });
    const set = await suite.server.api('PATCH', '/v1/meetings/applications', { update_details: { default_theme_id: fallback.theme_id } });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    const plain = await createRoom({ display_name: 'All hands' });
    assert.equal(plain._links.guest_url.href, `${suite.server.baseUrl}/initech/${plain.meeting_code}`);
    const { page } = suite.browser;
    for (const url of [plain._links.guest_url.href, `${suite.server.baseUrl}/${plain.meeting_code}`]) {
      await page.goto(url);
      await page.waitForSelector('[data-testid="prejoin"]');
      await assertBackground(page, 'join-button', 'rgb(228, 87, 46)');
      const shown = await shownBrand(page);
      assert.equal(shown.brandText, 'Initech', url);
      assert.equal(shown.title, 'All hands · Initech', url);
    }
    await screenshot(page, 'default-theme-prejoin');
  });

  it('keeps Parley’s own look for a room with no theme at all', async () => {
    const cleared = await suite.server.api('PATCH', '/v1/meetings/applications', { update_details: { default_theme_id: null } });
    assert.equal(cleared.status, 200, JSON.stringify(cleared.body));
    const plain = await createRoom({ display_name: 'Unbranded' });
    assert.equal(plain._links.guest_url.href, `${suite.server.baseUrl}/${plain.meeting_code}`);
    const { page } = suite.browser;
    await page.goto(plain._links.guest_url.href);
    await page.waitForSelector('[data-testid="prejoin"]');
    await assertBackground(page, 'join-button', DEFAULT_ACCENT);
    const shown = await shownBrand(page);
    assert.equal(shown.brandText, 'Parley');
    assert.equal(shown.title, 'Unbranded · Parley');
    assert.match(shown.favicon, /\/assets\/favicon-[\w-]+\.svg$/);
  });
});
