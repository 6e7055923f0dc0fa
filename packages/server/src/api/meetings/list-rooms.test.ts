import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachDialect } from '../../store/test-support/test-dialects.js';
import { startMeetingsHarness, vonageError, type MeetingsHarness } from './test-support/meetings-harness.js';

interface Page {
  page_size: number;
  _embedded: { id: string; display_name: string }[];
  _links: Record<'first' | 'self' | 'prev' | 'next', { href: string } | undefined>;
  total_items: number;
}

describeEachDialect('GET /rooms', (dialect) => {
  let h: MeetingsHarness;
  /** Serials of the 5 rooms of the test application, in creation order. */
  let serials: number[] = [];
  before(async () => {
    // These tests call far faster than any client would; the rate limit has tests of its own.
    h = await startMeetingsHarness({ dialect });
    const other = await h.otherApplication();
    const otherToken = await h.token({ key: other.privateKey, applicationId: other.application.id });
    for (let i = 1; i <= 5; i++) {
      await h.call('POST', '/v1/meetings/rooms', { display_name: `room ${i}` });
      // Interleaved rooms of another application must never show up, nor be counted.
      await h.app.inject({
        method: 'POST',
        url: '/v1/meetings/rooms',
        headers: { authorization: `Bearer ${otherToken}`, 'content-type': 'application/json' },
        payload: { display_name: `foreign ${i}` },
      });
    }
    const rows = await h.services.store.db.selectFrom('rooms').select(['serial', 'application_id']).orderBy('serial').execute();
    serials = rows.filter((r) => r.application_id === h.application.id).map((r) => r.serial);
  });
  after(() => h.close());

  const list = async (query: string): Promise<Page> => {
    const response = await h.call('GET', `/v1/meetings/rooms${query}`);
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers['content-type']), /^application\/json\b/);
    return response.json();
  };
  const names = (page: Page) => page._embedded.map((r) => r.display_name);
  const base = 'http://parley.test/v1/meetings/rooms';

  test('pages of 20 by default; a partial page has no next link and no prev link when unbounded', async () => {
    const page = await list('');
    assert.deepEqual(names(page), ['room 1', 'room 2', 'room 3', 'room 4', 'room 5']);
    assert.equal(page.page_size, 5);
    assert.equal(page.total_items, 5);
    assert.deepEqual(page._links, { first: { href: `${base}?page_size=20` }, self: { href: `${base}?page_size=20` } });
  });

  test('walks every room through next links, full pages first', async () => {
    const first = await list('?page_size=2');
    assert.deepEqual(names(first), ['room 1', 'room 2']);
    assert.equal(first.page_size, 2);
    assert.equal(first.total_items, 5);
    assert.deepEqual(first._links, {
      first: { href: `${base}?page_size=2` },
      self: { href: `${base}?page_size=2` },
      next: { href: `${base}?page_size=2&start_id=${serials[1]! + 1}` },
    });

    const second = await list(new URL(first._links.next!.href).search);
    assert.deepEqual(names(second), ['room 3', 'room 4']);
    assert.equal(second.total_items, 5);
    assert.deepEqual(second._links, {
      first: { href: `${base}?page_size=2` },
      self: { href: `${base}?page_size=2&start_id=${serials[1]! + 1}` },
      prev: { href: `${base}?page_size=2&start_id=${serials[0]}` },
      next: { href: `${base}?page_size=2&start_id=${serials[3]! + 1}` },
    });

    const third = await list(new URL(second._links.next!.href).search);
    assert.deepEqual(names(third), ['room 5']);
    assert.equal(third.page_size, 1);
    assert.equal(third._links.next, undefined);
    assert.deepEqual(third._links.prev, { href: `${base}?page_size=2&start_id=${serials[2]}` });
  });

  test('a full last page links to one empty page, which links nowhere further', async () => {
    const full = await list(`?page_size=5`);
    assert.equal(full.page_size, 5);
    const empty = await list(new URL(full._links.next!.href).search);
    assert.deepEqual(empty, {
      page_size: 0,
      _embedded: [],
      _links: {
        first: { href: `${base}?page_size=5` },
        self: { href: `${base}?page_size=5&start_id=${serials[4]! + 1}` },
        prev: { href: `${base}?page_size=5&start_id=${serials[0]}` },
      },
      total_items: 5,
    });
  });

  test('prev links return the rooms before the page', async () => {
    const page = await list(`?page_size=2&start_id=${serials[2]}`);
    assert.deepEqual(names(page), ['room 3', 'room 4']);
    const before = await list(new URL(page._links.prev!.href).search);
    assert.deepEqual(names(before), ['room 1', 'room 2']);
  });

  test('end_id bounds the page exclusively and is kept in next links', async () => {
    const page = await list(`?page_size=2&start_id=${serials[0]}&end_id=${serials[3]}`);
    assert.deepEqual(names(page), ['room 1', 'room 2']);
    assert.equal(page._links.next?.href, `${base}?page_size=2&start_id=${serials[1]! + 1}&end_id=${serials[3]}`);
    const rest = await list(new URL(page._links.next!.href).search);
    assert.deepEqual(names(rest), ['room 3']);
    assert.equal(rest._links.next, undefined);
  });

  test('builds links on the prefix that was called', async () => {
    const response = await h.call('GET', '/beta/meetings/rooms?page_size=1');
    assert.equal(response.json()._links.next.href, `http://parley.test/beta/meetings/rooms?page_size=1&start_id=${serials[0]! + 1}`);
  });

  test('accepts page_size 1000 (the Java default)', async () => {
    assert.equal((await list('?page_size=1000')).page_size, 5);
  });

  test('takes cursors up to the largest integer JavaScript holds exactly', async () => {
    assert.equal((await list(`?start_id=${Number.MAX_SAFE_INTEGER}`)).page_size, 0);
    assert.equal((await list(`?end_id=${Number.MAX_SAFE_INTEGER}`)).page_size, 5);
  });

  const refusals: [string, string][] = [
    ['?page_size=0', '"page_size" must be greater than or equal to 1'],
    ['?page_size=1001', '"page_size" must be less than or equal to 1000'],
    ['?page_size=ten', '"page_size" must be a number'],
    ['?page_size=2.5', '"page_size" must be an integer'],
    ['?start_id=-1', '"start_id" must be greater than or equal to 0'],
    ['?end_id=x', '"end_id" must be a number'],
    ['?start_id=100000000000000000000', `"start_id" must be less than or equal to ${Number.MAX_SAFE_INTEGER}`],
  ];
  for (const [query, message] of refusals) {
    test(`refuses ${query}`, async () => {
      const response = await h.call('GET', `/v1/meetings/rooms${query}`);
      assert.equal(response.statusCode, 400);
      assert.deepEqual(response.json(), vonageError('InputValidationError', 400, message));
    });
  }
});
