import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { MAX_LOGO_BYTES } from '../../themes/logo-validation.js';
import { oversizedLogo, transparentLogo } from '../../themes/test-support/test-pngs.js';
import { startLogoFlowHarness, targetFor, upload, type LogoFlowHarness, type UploadTarget } from '../meetings/test-support/logo-flow.js';

function s3Error(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}

const NOT_MULTIPART_ADVICE =
  'An upload is a multipart/form-data POST (or PUT) of every field of the upload target, in the order given, then the PNG in a part named "file". ' +
  'The @vonage/meetings Node SDK cannot send one (its uploadIcon posts "[object FormData]" or nothing): ' +
  'upload the file with any multipart client, then call PUT /v1/meetings/themes/&lt;theme_id&gt;/finalizeLogos with its key.';

describe('the logo upload target (POST /uploads/logos)', () => {
  let h: LogoFlowHarness;
  let white: UploadTarget;
  const logo = transparentLogo(200, 80);
  beforeEach(async () => {
    h = await startLogoFlowHarness();
    white = targetFor(await h.targets(), 'white');
  });
  afterEach(() => h.close());

  /** The refusal's status and exact XML, with no table and no stored file changed. */
  async function assertUploadRefused(send: () => Promise<Response>, status: number, body: string): Promise<void> {
    const tables = await h.databaseSnapshot();
    const files = h.logoFiles();
    const response = await send();
    assert.equal(response.status, status);
    assert.equal(response.headers.get('content-type'), 'application/xml');
    assert.equal(await response.text(), body);
    assert.deepEqual(await h.databaseSnapshot(), tables, 'a refused upload changed the database');
    assert.deepEqual(h.logoFiles(), files, 'a refused upload changed the stored files');
  }

  async function uploadRow(key: string) {
    return h.services.store.db.selectFrom('logo_uploads').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
  }

  test('a correct multipart POST stores the file under its key and answers 204 with no body', async () => {
    // The Node SDK adds its API token to this request too; the signed form is what counts.
    const response = await upload(white, logo, { headers: { authorization: 'Bearer not-even-a-jwt' } });
    assert.equal(response.status, 204);
    assert.equal(await response.text(), '');
    assert.deepEqual(h.logoFiles(), { [white.fields.key as string]: logo.toString('base64') });
    const row = await uploadRow(white.fields.key as string);
    assert.equal(row.uploaded_at, h.clock.now().toISOString());
    assert.equal(row.byte_size, logo.length);
  });

  test('PUT is accepted as POST is (the PHP SDK sends PUT)', async () => {
    const response = await upload(white, logo, { method: 'PUT' });
    assert.equal(response.status, 204);
    assert.deepEqual(h.logoFiles(), { [white.fields.key as string]: logo.toString('base64') });
  });

  test('a target takes one file: a replay is refused and the first file stays', async () => {
    assert.equal((await upload(white, logo)).status, 204);
    await assertUploadRefused(
      () => upload(white, transparentLogo(100, 100)),
      403,
      s3Error(
        'AccessDenied',
        'This upload target was already used or has expired: each target takes one file. Ask GET /v1/meetings/themes/logos-upload-urls for new targets.',
      ),
    );
  });

  test('an expired policy is refused', async () => {
    h.clock.advance(60 * 60_000);
    await assertUploadRefused(() => upload(white, logo), 403, s3Error('AccessDenied', 'Invalid according to Policy: Policy expired.'));
  });

  test('a policy is good until its last millisecond', async () => {
    h.clock.advance(60 * 60_000 - 1);
    assert.equal((await upload(white, logo)).status, 204);
  });

  test('a signature that is not the server\'s is refused', async () => {
    const signature = white.fields['X-Parley-Signature'] as string;
    const forged = `${signature[0] === 'a' ? 'b' : 'a'}${signature.slice(1)}`;
    const mismatch = s3Error('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    await assertUploadRefused(() => upload(white, logo, { fields: { 'X-Parley-Signature': forged } }), 403, mismatch);
    await assertUploadRefused(() => upload(white, logo, { fields: { 'X-Parley-Signature': 'not hex' } }), 403, mismatch);
  });

  test('a policy rewritten by the client (a later expiry, say) no longer matches its signature', async () => {
    const policy = JSON.parse(Buffer.from(white.fields.Policy as string, 'base64').toString('utf8')) as { expiration: string };
    policy.expiration = '2099-01-01T00:00:00.000Z';
    const rewritten = Buffer.from(JSON.stringify(policy)).toString('base64');
    await assertUploadRefused(
      () => upload(white, logo, { fields: { Policy: rewritten } }),
      403,
      s3Error('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.'),
    );
  });

  test('a key other than the one the policy names is refused, even the key of another target', async () => {
    const colored = targetFor(await h.targets(), 'colored');
    await assertUploadRefused(
      () => upload(white, logo, { fields: { key: colored.fields.key as string } }),
      403,
      s3Error('AccessDenied', `Invalid according to Policy: Policy Condition failed: ["eq", "$key", "${white.fields.key}"]`),
    );
  });

  test('a content type other than image/png is refused', async () => {
    await assertUploadRefused(
      () => upload(white, logo, { fields: { 'Content-Type': 'image/jpeg' } }),
      403,
      s3Error('AccessDenied', 'Invalid according to Policy: Policy Condition failed: ["eq", "$Content-Type", "image/png"]'),
    );
  });

  test('a file over 1 MiB is refused, whether just over or far over', async () => {
    const tooLarge = s3Error('EntityTooLarge', `Your proposed upload exceeds the maximum allowed size of ${MAX_LOGO_BYTES} bytes.`);
    await assertUploadRefused(() => upload(white, Buffer.alloc(MAX_LOGO_BYTES + 1)), 400, tooLarge);
    await assertUploadRefused(() => upload(white, oversizedLogo()), 400, tooLarge);
    // Exactly 1 MiB is allowed (what it holds is finalizeLogos' concern).
    assert.equal((await upload(white, Buffer.alloc(MAX_LOGO_BYTES))).status, 204);
  });

  test('an empty file is refused', async () => {
    await assertUploadRefused(
      () => upload(white, Buffer.alloc(0)),
      400,
      s3Error('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size: the file is empty.'),
    );
  });

  test('a form without a file, or with two, is refused', async () => {
    const one = s3Error('InvalidArgument', 'POST requires exactly one file upload per request, in a part named file.');
    const fieldsOnly = new FormData();
    for (const [name, value] of Object.entries(white.fields)) fieldsOnly.append(name, value);
    await assertUploadRefused(() => fetch(white.url, { method: 'POST', body: fieldsOnly }), 400, one);

    const twoFiles = new FormData();
    for (const [name, value] of Object.entries(white.fields)) twoFiles.append(name, value);
    twoFiles.append('file', new Blob([logo]), 'a.png');
    twoFiles.append('file', new Blob([logo]), 'b.png');
    await assertUploadRefused(() => fetch(white.url, { method: 'POST', body: twoFiles }), 400, one);
  });

  test('fields sent after the file are ignored, as S3 does: the caller is told to check the order', async () => {
    const fileFirst = new FormData();
    fileFirst.append('file', new Blob([logo]), 'logo.png');
    for (const [name, value] of Object.entries(white.fields)) fileFirst.append(name, value);
    await assertUploadRefused(
      () => fetch(white.url, { method: 'POST', body: fileFirst }),
      400,
      s3Error(
        'InvalidArgument',
        "Bucket POST must contain a field named 'key'. If it is specified, please check the order of the fields: every field of the upload target comes before the file.",
      ),
    );
  });

  test('a field given twice is refused', async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(white.fields)) form.append(name, value);
    form.append('KEY', white.fields.key as string);
    form.append('file', new Blob([logo]), 'logo.png');
    await assertUploadRefused(
      () => fetch(white.url, { method: 'POST', body: form }),
      400,
      s3Error('InvalidArgument', "The form field 'KEY' appears more than once."),
    );
  });

  test('a form padded with extra fields, or with a field name that is not allowed, is refused', async () => {
    const padded = new FormData();
    for (const [name, value] of Object.entries(white.fields)) padded.append(name, value);
    for (let i = 0; i < 20; i++) padded.append(`extra${i}`, 'x');
    padded.append('file', new Blob([logo]), 'logo.png');
    await assertUploadRefused(
      () => fetch(white.url, { method: 'POST', body: padded }),
      400,
      s3Error('InvalidArgument', 'The form has more fields than an upload target: send its fields and the file, nothing else.'),
    );
    const prototypeName = new FormData();
    prototypeName.append('constructor', 'x');
    for (const [name, value] of Object.entries(white.fields)) prototypeName.append(name, value);
    prototypeName.append('file', new Blob([logo]), 'logo.png');
    await assertUploadRefused(
      () => fetch(white.url, { method: 'POST', body: prototypeName }),
      400,
      s3Error('InvalidArgument', 'The form has a field name that is not allowed.'),
    );
  });

  test('what the Node SDK sends ("[object FormData]" or nothing) is refused, naming what arrived and what an upload is', async () => {
    await assertUploadRefused(
      () => fetch(white.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '[object FormData]' }),
      400,
      s3Error(
        'MalformedPOSTRequest',
        `The body is not a multipart/form-data upload: it arrived as 17 bytes with Content-Type text/plain: "[object FormData]". ${NOT_MULTIPART_ADVICE}`,
      ),
    );
    await assertUploadRefused(
      () => fetch(white.url, { method: 'POST', headers: { authorization: 'Bearer x' } }),
      400,
      s3Error('MalformedPOSTRequest', `The body is not a multipart/form-data upload: it arrived empty, with no Content-Type. ${NOT_MULTIPART_ADVICE}`),
    );
    await assertUploadRefused(
      () => fetch(white.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(white.fields) }),
      400,
      s3Error(
        'MalformedPOSTRequest',
        `The body is not a multipart/form-data upload: it arrived as ${JSON.stringify(white.fields).length} bytes with Content-Type application/json. ${NOT_MULTIPART_ADVICE}`,
      ),
    );
  });

  test('a multipart body that does not parse is refused as malformed', async () => {
    await assertUploadRefused(
      () => fetch(white.url, { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'key=abc' }),
      400,
      s3Error('MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data (Multipart: Boundary not found).'),
    );
  });

  test('a multipart body cut short holds only the parts that arrived whole', async () => {
    await assertUploadRefused(
      () => fetch(white.url, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, body: '--xyz\r\nContent-Disposition: form-data; name="key"\r\n\r\nabc' }),
      400,
      s3Error(
        'InvalidArgument',
        "Bucket POST must contain a field named 'key'. If it is specified, please check the order of the fields: every field of the upload target comes before the file.",
      ),
    );
  });
});
