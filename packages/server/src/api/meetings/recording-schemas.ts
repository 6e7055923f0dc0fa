import Type, { type Static } from 'typebox';
import { RECORDING_STATUSES } from '../../recording/recording.js';

/**
 * The payloads of the recordings and sessions endpoints, as Vonage's API reference describes them. Ids
 * are Parley's uuids; the bound is the one Fastify's router already puts on a path parameter (its
 * `maxParamLength`), stated so the API document shows it.
 */

export const RecordingParams = Type.Object({ recording_id: Type.String({ maxLength: 100 }) });
export type RecordingParams = Static<typeof RecordingParams>;

export const SessionParams = Type.Object({ session_id: Type.String({ maxLength: 100 }) });
export type SessionParams = Static<typeof SessionParams>;

/** A recording on the wire, key for key the live Vonage API's. */
export const RecordingJson = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    session_id: Type.String(),
    started_at: Type.String({ format: 'date-time' }),
    ended_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    status: Type.Enum(RECORDING_STATUSES),
    _links: Type.Optional(
      Type.Object(
        { url: Type.Object({ href: Type.String({ format: 'uri' }) }) },
        { description: 'Only for an `uploaded` recording: a signed mp4 download link, valid for one hour.' },
      ),
    ),
  },
  { description: 'The recording.' },
);
export type RecordingJson = Static<typeof RecordingJson>;

export const SessionRecordingsJson = Type.Object(
  { _embedded: Type.Object({ recordings: Type.Array(RecordingJson) }) },
  { description: "The session's recordings, oldest first (no paging, as Vonage's)." },
);
export type SessionRecordingsJson = Static<typeof SessionRecordingsJson>;
