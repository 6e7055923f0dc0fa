import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { parleyUnderTest } from './parley-under-test.js';

const URL = 'http://127.0.0.1:18080';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-load-'));
after(() => fs.rmSync(folder, { recursive: true, force: true }));
let files = 0;

function credentialsFile(content: object): string {
  const file = path.join(folder, `dev-application-${++files}.json`);
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

test('a running Parley is measured through the processes named by pid', async () => {
  const file = credentialsFile({ application_id: 'app', private_key: 'PEM' });
  const parley = await parleyUnderTest({ BENCH_PARLEY_URL: URL, BENCH_PARLEY_CREDENTIALS: file, BENCH_JANUS_PID: '4242', BENCH_PARLEY_PID: '4343' });
  assert.equal(parley.path.janusPid, 4242);
  assert.equal(parley.path.parleyPid, 4343);
  assert.match(parley.description, /http:\/\/127\.0\.0\.1:18080 \(Janus pid 4242, Parley pid 4343\)/);
  await parley.stop();
});

test("without BENCH_PARLEY_PID, Parley's CPU is not measured", async () => {
  const file = credentialsFile({ application_id: 'app', private_key: 'PEM' });
  const parley = await parleyUnderTest({ BENCH_PARLEY_URL: URL, BENCH_PARLEY_CREDENTIALS: file, BENCH_JANUS_PID: '4242' });
  assert.equal(parley.path.parleyPid, undefined);
  assert.match(parley.description, /Parley not measured/);
});

test('what a running Parley needs is asked for by name', async () => {
  const file = credentialsFile({ application_id: 'app', private_key: 'PEM' });
  await assert.rejects(parleyUnderTest({ BENCH_PARLEY_URL: URL, BENCH_JANUS_PID: '4242' }), /needs BENCH_PARLEY_CREDENTIALS/);
  await assert.rejects(parleyUnderTest({ BENCH_PARLEY_URL: URL, BENCH_PARLEY_CREDENTIALS: file }), /needs BENCH_JANUS_PID/);
  await assert.rejects(parleyUnderTest({ BENCH_PARLEY_URL: URL, BENCH_PARLEY_CREDENTIALS: file, BENCH_JANUS_PID: 'janus' }), /needs BENCH_JANUS_PID/);
  await assert.rejects(
    parleyUnderTest({ BENCH_PARLEY_URL: URL, BENCH_PARLEY_CREDENTIALS: file, BENCH_JANUS_PID: '4242', BENCH_PARLEY_PID: '0' }),
    /BENCH_PARLEY_PID: "0" is not a process id/,
  );
  const empty = credentialsFile({ application_id: 'app' });
  await assert.rejects(parleyUnderTest({ BENCH_PARLEY_URL: URL, BENCH_PARLEY_CREDENTIALS: empty, BENCH_JANUS_PID: '4242' }), /has no application_id and private_key/);
});
