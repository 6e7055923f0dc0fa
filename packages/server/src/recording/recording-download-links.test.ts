import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import { ParleyError } from '../errors.js';
import { loadServerKey } from '../identity/server-keys.js';
import { describeEachDialect } from '../store/test-support/test-dialects.js';
import { createTestServices, TestClock } from '../test-support/test-services.js';
import { RecordingDownloadLinks } from './recording-download-links.js';

describeEachDialect('RecordingDownloadLinks', (dialect) => {
  const clock = new TestClock();
  let services: Awaited<ReturnType<typeof createTestServices>>;
  before(async () => {
    services = await createTestServices({ clock, dialect });
  });
  after(() => services.dispose());

  const partsOf = (link: string) => {
    const url = new URL(link);
    return { expires: url.searchParams.get('expires') ?? undefined, signature: url.searchParams.get('signature') ?? undefined };
  };

  test('a link made by one node (or before a restart) is good on another: the key is the server key', async () => {
    const link = services.recordingDownloadLinks.linkTo('rec-1');
    const otherNode = await RecordingDownloadLinks.load(services.store.db, services.config.publicUrl, clock);
    const { expires, signature } = partsOf(link);
    assert.doesNotThrow(() => otherNode.verify('rec-1', expires, signature));
    const keys = await services.store.db.selectFrom('server_keys').selectAll().execute();
    assert.equal(keys.length, 1, 'participant tokens and download links share the one server key');
  });

  test('a signature is good for one recording only', () => {
    const { expires, signature } = partsOf(services.recordingDownloadLinks.linkTo('rec-2'));
    assert.doesNotThrow(() => services.recordingDownloadLinks.verify('rec-2', expires, signature));
    assert.throws(
      () => services.recordingDownloadLinks.verify('rec-3', expires, signature),
      (error: unknown) => error instanceof ParleyError && error.code === 'forbidden' && error.message === 'This download link is not valid',
    );
  });

  test('signs with a key of its own purpose: the raw server key (that of participant tokens) does not sign links', async () => {
    const { expires } = partsOf(services.recordingDownloadLinks.linkTo('rec-5'));
    const serverKey = await loadServerKey(services.store.db, () => clock.now());
    const withRawKey = createHmac('sha256', serverKey.secret).update(`rec-5\n${expires}`).digest('base64url');
    assert.throws(() => services.recordingDownloadLinks.verify('rec-5', expires, withRawKey), /not valid/);
  });

  test('a link expires one hour after it was made, to the second', () => {
    const made = clock.now().getTime();
    const { expires, signature } = partsOf(services.recordingDownloadLinks.linkTo('rec-4'));
    assert.equal(Number(expires), made / 1000 + 3600);
    clock.advance(3599_000);
    assert.doesNotThrow(() => services.recordingDownloadLinks.verify('rec-4', expires, signature));
    clock.advance(1000);
    assert.throws(() => services.recordingDownloadLinks.verify('rec-4', expires, signature), /has expired/);
  });
});
