import assert from 'node:assert/strict';
import { ParleyApiError } from '../api-error.js';

/** The API refusal `send` must end in, compared field by field (`errors` is empty unless given). */
export async function assertApiError(send: Promise<unknown>, expected: { status: number; name: string; message: string | RegExp; errors?: unknown[] }): Promise<void> {
  await assert.rejects(send, (error: unknown) => {
    assert.ok(error instanceof ParleyApiError, String(error));
    assert.equal(error.status, expected.status, error.message);
    assert.equal(error.name, expected.name, error.message);
    if (expected.message instanceof RegExp) assert.match(error.message, expected.message);
    else assert.equal(error.message, expected.message);
    assert.deepEqual(error.errors, expected.errors ?? []);
    return true;
  });
}
