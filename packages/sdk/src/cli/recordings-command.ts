import { parseArgs } from 'node:util';
import type { Recording } from '../wire/recording-json.js';
import { UsageError, type CliIo } from './cli-io.js';
import { API_OPTIONS, API_OPTIONS_HELP, clientFor, positionals, printer } from './command-line.js';
import { formatRecord, formatTable } from './table.js';

export const RECORDINGS_HELP = `Usage:
  parley recordings get RECORDING_ID
  parley recordings delete RECORDING_ID        only recordings whose status is uploaded
  parley recordings list SESSION_ID            every recording of one session

${API_OPTIONS_HELP}`;

/** `parley recordings get|delete|list`. */
export async function recordingsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals: given } = parseArgs({ args, allowPositionals: true, options: API_OPTIONS });
  if (values.help) {
    io.out(RECORDINGS_HELP);
    return 0;
  }
  const [action, ...rest] = given;
  const print = printer(io, values.json);
  switch (action) {
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
    ['Status', recording.status],
    ['Started', recording.started_at],
    ['Ended', recording.ended_at ?? '-'],
    ['Download', recording._links?.url.href ?? '-'],
  ]);
}

function recordingTable(recordings: readonly Recording[]): string {
  return formatTable(
    ['ID', 'STATUS', 'STARTED', 'ENDED', 'DOWNLOAD'],
    recordings.map((r) => [r.id, r.status, r.started_at, r.ended_at ?? '-', r._links?.url.href ?? '-']),
  );
}
