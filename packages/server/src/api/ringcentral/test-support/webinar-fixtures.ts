import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { RingCentralHarness } from './ringcentral-harness.js';
import type { SessionResource, WebinarResource } from '../webinar-json.js';

export const CONFIG = '/webinar/configuration/v1';
export const REGISTRATION = '/webinar/registration/v1';

/** RingCentral's REST error body, as `assertRefused` expects it. */
export function rcError(status: number, errorCode: string, message: string, parameterName?: string): { status: number; body: unknown } {
  const detail = { errorCode, message, ...(parameterName !== undefined ? { parameterName } : {}) };
  return { status, body: { errorCode, message, errors: [detail] } };
}

/** The session body RingCentral's quick start sends. */
export const SCHEDULE = { scheduledStartTime: '2026-02-10T09:00:00.000Z', scheduledDuration: 3600, timeZone: 'America/New_York' };

export async function createWebinar(h: RingCentralHarness, token: string, body: unknown = { title: 'All-Hands' }): Promise<WebinarResource> {
  const response = await h.call('POST', `${CONFIG}/webinars`, token, body);
  assert.equal(response.statusCode, 201, response.body);
  return response.json() as WebinarResource;
}

export async function createSession(h: RingCentralHarness, token: string, webinarId: string, body: unknown = SCHEDULE): Promise<SessionResource> {
  const response = await h.call('POST', `${CONFIG}/webinars/${webinarId}/sessions`, token, body);
  assert.equal(response.statusCode, 201, response.body);
  return response.json() as SessionResource;
}

/** The room goes live (someone joined) and, unless told otherwise, the live session ends: the webinar session is then Finished. */
export async function runRoom(h: RingCentralHarness, roomId: string, options: { end: boolean }): Promise<string> {
  const id = randomUUID();
  const startedAt = h.clock.now().toISOString();
  await h.services.sessions.start({ id, roomId, startedAt });
  if (options.end) await h.services.sessions.end({ id, roomId, endedAt: new Date(Date.parse(startedAt) + 60_000).toISOString(), roomCloseAt: null });
  return id;
}

/** The claims of the participant token a join link carries, or undefined for a link without one. */
export async function claimsOf(h: RingCentralHarness, url: string) {
  const token = new URL(url).searchParams.get('participant_token');
  return token === null ? undefined : h.services.participantTokens.verify(token);
}
