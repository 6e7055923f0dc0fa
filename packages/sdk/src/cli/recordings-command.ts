import { parseArgs } from 'node:util';
import type { Recording } from '../wire/recording-json.js';
import { UsageError, type CliIo } from './cli-io.js';
import { API_OPTIONS, API_OPTIONS_HELP, clientFor, positionals, printer } from './command-line.js';
import { formatRecord, formatTable } from './table.js';

export const RECORDINGS_HELP = `Usage:
  parley recordings start ROOM_ID              record the meeting in progress in a room
  parley recordings stop ROOM_ID               stop recording it (not in rooms with auto_record)
  parley recordings get RECORDING_ID           its status, progress and download link
  parley recordings list SESSION_ID            every recording of one session
  parley recordings retry RECORDING_ID         process a failed recording again
  parley recordings delete RECORDING_ID        only recordings whose status is uploaded

${API_OPTIONS_HELP}`;

/** `parley recordings start|stop|get|list|retry|delete`. */
export async function recordingsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals: given } = parseArgs({ args, allowPositionals: true, options: API_OPTIONS });
  if (values.help) {
    io.out(RECORDINGS_HELP);
    return 0;
  }
  const [action, ...rest] = given;
  const print = printer(io, values.json);
  switch (action) {
    case 'start': {
      const [roomId] = positionals('parley recordings start', rest, ['ROOM_ID']);
      const recording = await clientFor(values, io).startRecording(roomId);
      print(recording, describeRecording(recording));
      return 0;
    }
    case 'stop': {
      const [roomId] = positionals('parley recordings stop', rest, ['ROOM_ID']);
      const recording = await clientFor(values, io).stopRecording(roomId);
      print(recording, describeRecording(recording));
      return 0;
    }
    case 'retry': {
      const [recordingId] = positionals('parley recordings retry', rest, ['RECORDING_ID']);
      const recording = await clientFor(values, io).retryRecording(recordingId);
      print(recording, describeRecording(recording));
      return 0;
    }
    case 'get': {
      const [recordingId] = positionals('parley recordings get', rest, ['RECORDING_ID']);
      const recording = await clientFor(values, io).getRecording(recordingId);
      print(recording, describeRecording(recording));
      return 0;
    }
    case 'delete': {
      const [recordingId] = positionals('parley recordings delete', rest, ['RECORDING_ID']);
      await clientFor(values, io).deleteRecording(recordingId);
      if (!values.json) io.out(`Recording ${recordingId} deleted`);
      return 0;
    }
    case 'list': {
      const [sessionId] = positionals('parley recordings list', rest, ['SESSION_ID']);
      const recordings = await clientFor(values, io).listSessionRecordings(sessionId);
      print(recordings, `${recordingTable(recordings)}\n\n${recordings.length} recordings of session ${sessionId}`);
      return 0;
    }
    default:
      throw new UsageError(action === undefined ? RECORDINGS_HELP : `Unknown recordings command "${action}"\n\n${RECORDINGS_HELP}`);
  }
}

function describeRecording(recording: Recording): string {
  return formatRecord([
    ['Recording', recording.id],
    ['Session', recording.session_id],
    ['Status', stateOf(recording)],
    ...(recording.failure_reason !== undefined ? [['Failure', recording.failure_reason] as [string, string]] : []),
    ['Started', recording.started_at],
    ['Ended', recording.ended_at ?? '-'],
    ['Download', recording._links?.url.href ?? '-'],
  ]);
}

function recordingTable(recordings: readonly Recording[]): string {
  return formatTable(
    ['ID', 'STATUS', 'STARTED', 'ENDED', 'DOWNLOAD'],
    recordings.map((r) => [r.id, stateOf(r), r.started_at, r.ended_at ?? '-', r._links?.url.href ?? '-']),
  );
}

/** Parley's state, with how far post-processing got while it runs: `processing (40%)`. */
function stateOf(recording: Recording): string {
  return recording.state === 'processing' ? `processing (${recording.progress}%)` : recording.state;
}
