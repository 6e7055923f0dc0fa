import type {
  ParticipantJoinedWebhook,
  ParticipantLeftWebhook,
  RecordingEndedWebhook,
  RecordingStartedWebhook,
  RecordingUploadedWebhook,
  RoomExpiredWebhook,
  SessionEndedWebhook,
  SessionStartedWebhook,
} from '@parley/protocol';
import type { Selectable } from 'kysely';
import { recordingDurationSeconds } from '../recording/recording.js';
import type { ParticipantsTable, RecordingsTable, RoomsTable, SessionsTable } from './schema.js';

/**
 * The Meetings webhook events made from the rows whose changes they report, key for key in the order
 * of the API reference. The repositories that make those changes build them here and put them in the
 * outbox in the same transaction.
 */

export function sessionStartedWebhook(session: Pick<Selectable<SessionsTable>, 'id' | 'room_id' | 'started_at'>): SessionStartedWebhook {
  return { event: 'session:started', session_id: session.id, room_id: session.room_id, started_at: session.started_at };
}

export function sessionEndedWebhook(session: Pick<Selectable<SessionsTable>, 'id' | 'room_id' | 'started_at'>, endedAt: string): SessionEndedWebhook {
  return { event: 'session:ended', session_id: session.id, room_id: session.room_id, started_at: session.started_at, ended_at: endedAt };
}

/** Vonage knew hosts and guests only: a co-host is a guest the host promoted, so not the host. */
export function participantWebhook(
  event: (ParticipantJoinedWebhook | ParticipantLeftWebhook)['event'],
  participant: Pick<Selectable<ParticipantsTable>, 'id' | 'session_id' | 'room_id' | 'display_name' | 'role'>,
): ParticipantJoinedWebhook | ParticipantLeftWebhook {
  const isHost = participant.role === 'host';
  return {
    event,
    participant_id: participant.id,
    session_id: participant.session_id,
    room_id: participant.room_id,
    name: participant.display_name,
    type: isHost ? 'Host' : 'Guest',
    is_host: isHost,
  };
}

export function roomExpiredWebhook(room: Pick<Selectable<RoomsTable>, 'id' | 'type' | 'expires_at' | 'created_at'>): RoomExpiredWebhook {
  return { event: 'room:expired', room_id: room.id, room_type: room.type, expires_at: room.expires_at, created_at: room.created_at };
}

type RecordingRow = Pick<Selectable<RecordingsTable>, 'id' | 'session_id' | 'room_id' | 'started_at'>;

export function recordingStartedWebhook(recording: RecordingRow): RecordingStartedWebhook {
  return { event: 'recording:started', recording_id: recording.id, session_id: recording.session_id };
}

export function recordingEndedWebhook(recording: RecordingRow, endedAt: string): RecordingEndedWebhook {
  return {
    event: 'recording:ended',
    recording_id: recording.id,
    session_id: recording.session_id,
    started_at: recording.started_at,
    ended_at: endedAt,
    duration: recordingDurationSeconds({ startedAt: recording.started_at, endedAt }),
  };
}

/** `url` is a download link made for this event: it expires as every link does (an hour), so receivers fetch promptly. */
export function recordingUploadedWebhook(recording: RecordingRow & { ended_at: string }, url: string): RecordingUploadedWebhook {
  return {
    event: 'recording:uploaded',
    recording_id: recording.id,
    session_id: recording.session_id,
    room_id: recording.room_id,
    started_at: recording.started_at,
    ended_at: recording.ended_at,
    duration: recordingDurationSeconds({ startedAt: recording.started_at, endedAt: recording.ended_at }),
    url,
  };
}
