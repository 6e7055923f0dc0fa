import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { describeEachDialect } from '../../store/test-support/test-dialects.js';
import { assertRefused, startMeetingsHarness, vonageError, type MeetingsHarness } from './test-support/meetings-harness.js';

interface Page {
  page_size: number;
  _embedded: { id: string; display_name: string }[];
  _links: Partial<Record<'first' | 'self' | 'prev' | 'next', { href: string }>>;
  total_items: number;
}

/**
 * Paging of `/rooms` and `/themes/:theme_id/rooms`, which page alike: walked forwards through `next`
 * and backwards through `prev`, from aligned and unaligned starts, every room exactly once.
 */
describeEachDialect('room paging, both directions', (dialect) => {
  let h: MeetingsHarness;
  let themeId: string;
  /** The application's rooms in creation order, and those of them that use the theme. */
  let all: string[] = [];
  let themed: string[] = [];

  before(async () => {
    // These tests call far faster than any client would; the rate limit has tests of its own.
    h = await startMeetingsHarness({ dialect });
    themeId = (await h.call('POST', '/v1/meetings/themes', { main_color: '#000', brand_text: 'Paged' })).json().theme_id;
    const otherThemeId = (await h.call('POST', '/v1/meetings/themes', { main_color: '#fff', brand_text: 'Other' })).json().theme_id;
    const other = await h.otherApplication();
    const otherToken = await h.token({ key: other.privateKey, applicationId: other.application.id });
    for (let i = 1; i <= 13; i++) {
      const theme = i % 3 === 0 ? otherThemeId : themeId;
      const room = (await h.call('POST', '/v1/meetings/rooms', { display_name: `room ${i}`, theme_id: theme })).json();
      // Rooms of another application and deleted rooms sit between them, and must never show.
      await h.app.inject({ method: 'POST', url: '/v1/meetings/rooms', headers: { authorization: `Bearer ${otherToken}` }, payload: { display_name: `foreign ${i}` } });
      if (i % 4 === 0) {
        await h.call('DELETE', `/v1/meetings/rooms/${room.id}`);
        continue;
      }
      all.push(room.id);
      if (theme === themeId) themed.push(room.id);
    }
  });
  after(() => h.close());

  const get = async (url: string): Promise<Page> => {
    const response = await h.call('GET', url);
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };
  /** Follows a link as an SDK would: the whole href, on whatever it points at. */
  const follow = (href: string) => get(new URL(href).pathname + new URL(href).search);
  const serialOf = async (id: string) =>
    (await h.services.store.db.selectFrom('rooms').select('serial').where('id', '=', id).executeTakeFirstOrThrow()).serial;

  /** Every page from `start` through `next`, checking each; the ids in order and the last page. */
  const walkForward = async (start: Page, expectedTotal: number, pageSize: number) => {
    const ids: string[] = [];
    let page = start;
    for (let guard = 0; guard < 50; guard++) {
      ids.push(...page._embedded.map((r) => r.id));
      assert.equal(page.total_items, expectedTotal);
      assert.equal(page.page_size, page._embedded.length);
      assert.ok(page._embedded.length <= pageSize);
      if (!page._links.next) return { ids, last: page };
      assert.equal(page._embedded.length, pageSize, 'only a full page links onwards');
      page = await follow(page._links.next.href);
    }
    throw new Error('next links never ended');
  };
  /** Every page before `start` through `prev`, the ids in creation order. */
  const walkBackward = async (start: Page) => {
    const pages: string[][] = [];
    let page = start;
    for (let guard = 0; guard < 50; guard++) {
      if (!page._links.prev) return pages.reverse().flat();
      page = await follow(page._links.prev.href);
      pages.push(page._embedded.map((r) => r.id));
    }
    throw new Error('prev links never ended');
  };

  for (const [what, listPath, expected] of [
    ['GET /rooms', () => '/v1/meetings/rooms', () => all],
    ['GET /themes/:theme_id/rooms', () => `/v1/meetings/themes/${themeId}/rooms`, () => themed],
  ] as const) {
    describe(what, () => {
      for (const pageSize of [1, 2, 3, 4, 20]) {
        test(`walks every room forwards and back, ${pageSize} a page`, async () => {
          const first = await get(`${listPath()}?page_size=${pageSize}`);
          assert.equal(first._links.prev, undefined, 'nothing comes before the first page');
          const { ids, last } = await walkForward(first, expected().length, pageSize);
          assert.deepEqual(ids, expected());
          const lastIds = last._embedded.map((r) => r.id);
          assert.deepEqual([...(await walkBackward(last)), ...lastIds], expected());
        });
      }

      test('walks back exactly from a start that does not align with any page', async () => {
        for (const index of [1, 2, 5]) {
          const startId = await serialOf(expected()[index]!);
          const page = await get(`${listPath()}?page_size=3&start_id=${startId}`);
          assert.equal(page._embedded[0]?.id, expected()[index]);
          assert.deepEqual(await walkBackward(page), expected().slice(0, index), `from room #${index}`);
          const { ids } = await walkForward(page, expected().length, 3);
          assert.deepEqual(ids, expected().slice(index));
        }
      });

      test('links every page on the endpoint and prefix that was called', async () => {
        const page = await get(`${listPath().replace('/v1/meetings', '/beta/meetings')}?page_size=2`);
        const expectedBase = `http://parley.test${listPath().replace('/v1/meetings', '/beta/meetings')}?`;
        for (const link of Object.values(page._links)) assert.ok(link.href.startsWith(expectedBase), link.href);
      });
    });
  }

  test('keeps end_id while walking, so a bounded walk stays bounded', async () => {
    const endId = await serialOf(all[6]!);
    const first = await get(`/v1/meetings/rooms?page_size=2&end_id=${endId}`);
    const { ids, last } = await walkForward(first, all.length, 2);
    assert.deepEqual(ids, all.slice(0, 6));
    assert.deepEqual([...(await walkBackward(last)), ...last._embedded.map((r) => r.id)], all.slice(0, 6));
  });

  test("answers 404 with Vonage's message for an unknown theme, and for another application's", async () => {
    const id = '90a21428-b74a-4221-adc3-783935d654dc';
    await assertRefused(h, () => h.call('GET', `/v1/meetings/themes/${id}/rooms`), {
      status: 404,
      body: vonageError('NotFoundError', 404, `Failed to get rooms because theme id ${id} not found`),
    });
    const other = await h.otherApplication();
    const token = await h.token({ key: other.privateKey, applicationId: other.application.id });
    const response = await h.app.inject({ method: 'GET', url: `/v1/meetings/themes/${themeId}/rooms`, headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.statusCode, 404);
    assert.deepEqual(response.json(), vonageError('NotFoundError', 404, `Failed to get rooms because theme id ${themeId} not found`));
  });

  test('lists nothing for a theme no room uses', async () => {
    const unused = (await h.call('POST', '/v1/meetings/themes', { main_color: '#000', brand_text: 'Unused' })).json().theme_id;
    const page = await get(`/meetings/themes/${unused}/rooms`);
    assert.deepEqual(page, {
      page_size: 0,
      _embedded: [],
      _links: {
        first: { href: `http://parley.test/meetings/themes/${unused}/rooms?page_size=20` },
        self: { href: `http://parley.test/meetings/themes/${unused}/rooms?page_size=20` },
      },
      total_items: 0,
    });
  });

  test('refuses bad paging queries on theme rooms as on rooms', async () => {
    const response = await h.call('GET', `/v1/meetings/themes/${themeId}/rooms?page_size=0`);
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json(), vonageError('InputValidationError', 400, '"page_size" must be greater than or equal to 1'));
  });
});
