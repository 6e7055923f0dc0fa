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

/** Vonage's recording statuses; Parley never pauses a recording, so never answers `paused`. */
export const VONAGE_RECORDING_STATUSES = ['started', 'stopped', 'paused', 'uploaded'] as const;
export type VonageRecordingStatus = (typeof VONAGE_RECORDING_STATUSES)[number];

/** A recording on the wire: the live Vonage API's keys, then Parley's extensions. */
export const RecordingJson = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    session_id: Type.String(),
    started_at: Type.String({ format: 'date-time' }),
    ended_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    status: Type.Enum(VONAGE_RECORDING_STATUSES, {
      description: "Vonage's status: `started` while recording, `stopped` once stopped until the file is ready, then `uploaded`.",
    }),
    state: Type.Enum(RECORDING_STATUSES, {
      description:
        'A Parley extension: where the recording is in its life. `started` (recording), `ended` (waiting for post-processing), ' +
        '`processing`, `uploaded` (the file can be downloaded) or `failed` (see `failure_reason`; `POST /recordings/{recording_id}/retry` processes it again).',
    }),
    progress: Type.Integer({ minimum: 0, maximum: 100, description: 'A Parley extension: how much of post-processing is done, in percent.' }),
    failure_reason: Type.Optional(Type.String({ description: 'A Parley extension, only for a `failed` recording: why post-processing failed.' })),
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
