import type { RecordingDownloadLinks } from '../../recording/recording-download-links.js';
import type { Recording } from '../../recording/recording.js';
import type { HistoryMeeting } from '../../rooms/meeting-history.js';
import type { HistoryParticipantRow, MeetingRow } from '../../store/meeting-history-repository.js';

/** `BasicMeeting`: what every history item says of its meeting. */
function basicMeetingOf(meeting: MeetingRow, now: Date) {
  return {
    id: meeting.sessionId,
    shortId: meeting.meetingCode,
    bridgeId: meeting.roomId,
    startTime: meeting.startedAt,
    displayName: meeting.displayName,
    hostInfo: { accountId: meeting.accountId, extensionId: meeting.ownerUserId, displayName: meeting.ownerName },
    // A meeting going on has lasted until now.
    duration: Math.floor((Date.parse(meeting.endedAt ?? now.toISOString()) - Date.parse(meeting.startedAt)) / 1000),
  };
}

/** `BasicParticipant`: guests have no account or extension. */
function basicParticipantOf(participant: HistoryParticipantRow) {
  return {
    id: participant.id,
    ...(participant.userId !== null && participant.accountId !== null ? { accountId: participant.accountId, extensionId: participant.userId } : {}),
    displayName: participant.displayName,
  };
}

/** RingCentral's recording statuses for Parley's: recording, being made into a file, downloadable, failed. */
const RECORDING_STATUS: Record<Recording['status'], 'InProgress' | 'Processing' | 'Processed' | 'Failed'> = {
  started: 'InProgress',
  ended: 'Processing',
  processing: 'Processing',
  uploaded: 'Processed',
  failed: 'Failed',
};

function recordingOf(recording: Recording, links: RecordingDownloadLinks) {
  const downloadable = recording.status === 'uploaded' && recording.filePath !== null;
  return {
    id: recording.id,
    startTime: Date.parse(recording.startedAt),
    ...(downloadable ? { url: links.linkTo(recording.id) } : {}),
    ...(recording.endedAt !== null || recording.byteSize !== null
      ? {
          metadata: {
            ...(recording.endedAt !== null ? { duration: Math.floor((Date.parse(recording.endedAt) - Date.parse(recording.startedAt)) / 1000) } : {}),
            ...(recording.byteSize !== null ? { fileSize: recording.byteSize } : {}),
          },
        }
      : {}),
    status: RECORDING_STATUS[recording.status],
    availabilityStatus: 'Alive' as const,
  };
}

/** `Meeting` (spec §3.3.3). */
export function meetingJsonOf(item: HistoryMeeting, links: RecordingDownloadLinks, now: Date) {
  return {
    ...basicMeetingOf(item.meeting, now),
    type: 'Meeting' as const,
    status: item.meeting.endedAt === null ? ('InProgress' as const) : ('Done' as const),
    // The host and Super Admins manage a meeting; whoever took part may download its recordings.
    rights: item.managed ? ['delete', 'download', 'share'] : ['download'],
    participants: item.participants.map((p) => ({ ...basicParticipantOf(p), type: p.leftAt === null && item.meeting.endedAt === null ? 'InConference' : 'Leave' })),
    recordings: item.recordings.map((r) => recordingOf(r, links)),
  };
}

/** `AdminAccessMeeting` (spec §3.3.4): no type, status, rights or recordings. */
export function adminMeetingJsonOf(item: HistoryMeeting, now: Date) {
  return { ...basicMeetingOf(item.meeting, now), participants: item.participants.map(basicParticipantOf) };
}

/** `CloudRecording` (spec §3.4): a downloadable recording, described by its meeting. */
export function cloudRecordingJsonOf(meeting: MeetingRow, recording: Recording, links: RecordingDownloadLinks, now: Date) {
  const url = links.linkTo(recording.id);
  return { ...basicMeetingOf(meeting, now), mediaLink: url, url };
}
