import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';

/**
 * Sends a request that must be refused and checks the answer (status, JSON content type, exact body)
 * and that no table a request may write changed, whichever API the harness serves.
 */
export async function assertRefused(
  harness: { databaseSnapshot(): Promise<unknown> },
  send: () => Promise<LightMyRequestResponse>,
  expected: { status: number; body: unknown },
): Promise<LightMyRequestResponse> {
  const before = await harness.databaseSnapshot();
  const response = await send();
  assert.equal(response.statusCode, expected.status, response.body);
  assert.match(String(response.headers['content-type']), /^application\/json\b/);
  assert.deepEqual(response.json(), expected.body);
  assert.deepEqual(await harness.databaseSnapshot(), before, 'a refused request changed the database');
  return response;
}
