/**
 * The Parley that `bench:load` loads: by default its own, in a child process with its own Janus (as
 * for `bench:room`); with `BENCH_PARLEY_URL`, one already running (a node of a cluster, say), where
 * each step's room is made through the Meetings API with an application's credentials and CPU is read
 * from the Janus and Parley processes named by pid (they must run on this machine to be measured).
 */
import fs from 'node:fs';
import { mintApplicationToken } from '../../packages/sdk/src/application-token.js';
import type { PathUnderTest } from '../room/load-phase.js';
import { ParleyProcess } from '../room/parley-process.js';

export interface ParleyUnderTest {
  path: PathUnderTest;
  /** Where it runs, for the report. */
  description: string;
  stop(): Promise<void>;
}

/** What an already-running Parley is reached and measured with. */
export type ExternalParleySettings = Partial<Record<'BENCH_PARLEY_URL' | 'BENCH_PARLEY_CREDENTIALS' | 'BENCH_JANUS_PID' | 'BENCH_PARLEY_PID', string>>;

/** The session ends by itself when the last bot leaves: closing a step's room is nothing to do. */
const NOTHING_TO_CLOSE = async (): Promise<void> => undefined;

export async function parleyUnderTest(settings: ExternalParleySettings): Promise<ParleyUnderTest> {
  if (settings.BENCH_PARLEY_URL === undefined) return ownParley();
  return externalParley(settings.BENCH_PARLEY_URL, settings);
}

async function ownParley(): Promise<ParleyUnderTest> {
  const parley = await ParleyProcess.start();
  return {
    description: `its own Parley (${parley.serverUrl}) and Janus, in child processes`,
    path: {
      name: 'Parley',
      janusPid: parley.janusPid,
      parleyPid: parley.pid,
      async openRoom(label) {
        const meetingCode = await parley.createRoom(label);
        return { access: { path: 'parley', serverUrl: parley.serverUrl, meetingCode }, close: NOTHING_TO_CLOSE };
      },
    },
    stop: () => parley.stop(),
  };
}

function externalParley(serverUrl: string, settings: ExternalParleySettings): ParleyUnderTest {
  const { BENCH_PARLEY_CREDENTIALS: credentialsFile, BENCH_JANUS_PID: janusPid, BENCH_PARLEY_PID: parleyPid } = settings;
  if (!credentialsFile) {
    throw new Error('BENCH_PARLEY_URL needs BENCH_PARLEY_CREDENTIALS: a JSON file with application_id and private_key (as PARLEY_DEV_BOOTSTRAP writes dev-application.json)');
  }
  if (!janusPid || !isPid(janusPid)) throw new Error('BENCH_PARLEY_URL needs BENCH_JANUS_PID: the process id of the Janus its rooms go to, on this machine');
  if (parleyPid !== undefined && !isPid(parleyPid)) throw new Error(`BENCH_PARLEY_PID: "${parleyPid}" is not a process id`);
  const credentials = JSON.parse(fs.readFileSync(credentialsFile, 'utf8')) as { application_id?: string; private_key?: string };
  if (!credentials.application_id || !credentials.private_key) throw new Error(`${credentialsFile} has no application_id and private_key`);
  const application = { applicationId: credentials.application_id, privateKey: credentials.private_key };
  return {
    description: `the Parley at ${serverUrl} (Janus pid ${janusPid}, Parley ${parleyPid === undefined ? 'not measured' : `pid ${parleyPid}`})`,
    path: {
      name: 'Parley',
      janusPid: Number(janusPid),
      ...(parleyPid !== undefined ? { parleyPid: Number(parleyPid) } : {}),
      async openRoom(label) {
        const meetingCode = await createRoom(serverUrl, await mintApplicationToken(application), label);
        return { access: { path: 'parley', serverUrl, meetingCode }, close: NOTHING_TO_CLOSE };
      },
    },
    stop: NOTHING_TO_CLOSE,
  };
}

/** A room through the Meetings API, as an application's backend makes one; returns its meeting code. */
async function createRoom(serverUrl: string, token: string, displayName: string): Promise<string> {
  const response = await fetch(new URL('/v1/meetings/rooms', serverUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ display_name: displayName }),
  });
  const body = (await response.json()) as { meeting_code?: string };
  if (response.status !== 201 || !body.meeting_code) throw new Error(`Creating a room answered ${response.status}: ${JSON.stringify(body)}`);
  return body.meeting_code;
}

function isPid(text: string): boolean {
  return /^\d+$/.test(text) && Number(text) > 0;
}
