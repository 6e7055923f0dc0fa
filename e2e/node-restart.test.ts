import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { createApplication } from '../packages/server/src/identity/applications.js';
import { freePort } from '../packages/server/src/free-port.js';
import { openStore, type Store } from '../packages/server/src/store/database.js';
import { SessionsRepository } from '../packages/server/src/store/sessions-repository.js';
import { apiClient, type ApiClient } from './support/api-client.js';
import { startExternalJanus, stopExternalJanus, type ExternalJanus } from './support/external-janus.js';
import { chatTexts, everyoneShownOnce, mediaFlowsBetween, sendChat, bannerGone, watchBanner, bannerStates } from './support/meeting-checks.js';
import { createRoom, enterMeeting, type Attendee, type CreatedRoom } from './support/meeting-room.js';
import { startNodeProcess, type NodeProcess } from './support/node-process.js';
import { saveScreenshot } from './support/screenshots.js';
import { waitUntil } from './support/wait.js';

/** From the new node listening to every page back in the same session, media flowing both ways. */
const BACK_WITHIN_MS = 10_000;

/**
 * A Parley node as a process of its own over an external Janus and a database file, both of which
 * outlive it: the node is killed (or stopped with SIGTERM) mid-meeting and a new node process starts
 * on the same database and Janus. The pages come back by themselves into the same session.
 */
describe('a meeting outlives its node', { timeout: 600_000 }, () => {
  let janus: ExternalJanus;
  let dataDir: string;
  let store: Store;
  let sessions: SessionsRepository;
  let client: ApiClient;
  let node: NodeProcess | undefined;
  let room: CreatedRoom;
  let port: number;
  const people: Attendee[] = [];

  /** A node on the shared database and Janus, on the same address as every node before it (a restart). */
  const startNode = (): Promise<NodeProcess> =>
    startNodeProcess(
      {
        PARLEY_PORT: String(port),
        PARLEY_HOST: '127.0.0.1',
        PARLEY_PUBLIC_URL: `http://127.0.0.1:${port}`,
        PARLEY_DATA_DIR: dataDir,
        PARLEY_DATABASE_URL: `sqlite:${path.join(dataDir, 'parley.db')}`,
        PARLEY_JANUS_URL: janus.url,
        PARLEY_DEV_BOOTSTRAP: 'false',
        PARLEY_LOG_LEVEL: 'info',
      },
      path.join(dataDir, 'node.log'),
    );

  before(async () => {
    janus = await startExternalJanus('node-restart', { min: 44000, max: 44999 });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-node-restart-'));
    port = await freePort();
    // The test reads the database the nodes write (WAL lets both at once).
    store = await openStore(`sqlite:${path.join(dataDir, 'parley.db')}`);
    sessions = new SessionsRepository(store.db);
    const { application, privateKeyPem } = await createApplication({ store }, { name: 'node-restart' });
    node = await startNode();
    client = await apiClient(node.baseUrl, application.id, privateKeyPem);
    room = await createRoom(client, { display_name: 'Outlives its node' });
    people.push(await enterMeeting(room._links.host_url.href, 'Ann'));
    people.push(await enterMeeting(room._links.guest_url.href, 'Bob'));
    await everyoneShownOnce(people, Date.now() + 30_000);
    await mediaFlowsBetween(people, Date.now() + 60_000);
    for (const person of people) await person.page.click('[data-testid="chat-button"]');
    await sendChat(people[1]!, 'Before the node went');
    for (const person of people) await waitUntil(async () => ((await chatTexts(person.page)).includes('Before the node went') ? undefined : `${person.name} has no message yet`));
  });

  after(async () => {
    await Promise.all(people.map((p) => p.participant.close()));
    if (node) {
      process.kill(node.pid, 'SIGTERM');
      await node.exited;
    }
    await store?.close();
    await stopExternalJanus(janus);
    if (process.env.PARLEY_KEEP_NODE_LOGS === undefined) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** The room's one session, still open. */
  const openSession = async (): Promise<string> => {
    const all = await sessions.listForRoom(room.id);
    assert.equal(all.length, 1, 'one session, never a second');
    assert.equal(all[0]?.endedAt, null, 'still open');
    return all[0]!.id;
  };

  /** Starts the next node and checks every page comes back into `sessionId` within `BACK_WITHIN_MS` of it listening. */
  const backOnNewNode = async (t: TestContext, sessionId: string, saidBefore: string[], screenshot: string): Promise<void> => {
    node = await startNode();
    const deadline = node.listeningAt + BACK_WITHIN_MS;
    await everyoneShownOnce(people, deadline);
    await mediaFlowsBetween(people, deadline);
    await bannerGone(people, deadline);
    const backAfterMs = Date.now() - node.listeningAt;
    assert.ok(backAfterMs <= BACK_WITHIN_MS, `back ${backAfterMs} ms after the new node listened`);
    t.diagnostic(`every page was back, media flowing both ways, ${backAfterMs} ms after the new node listened`);
    await saveScreenshot(people[0]!.page, screenshot);
    assert.equal(await openSession(), sessionId, 'the same session');
    for (const person of people) assert.deepEqual(await chatTexts(person.page), saidBefore, `${person.name}'s chat is intact`);
    const participants = await sessions.listParticipants(sessionId);
    assert.deepEqual(participants.map((p) => [p.displayName, p.leftAt]), [['Ann', null], ['Bob', null]], 'the same two participants, nobody left');
  };

  it('(a) a node killed with SIGKILL: a new node process takes the meeting over', async (t) => {
    const sessionId = await openSession();
    await watchBanner(people[0]!.page);
    process.kill(node!.pid, 'SIGKILL');
    await node!.exited;
    node = undefined;
    await backOnNewNode(t, sessionId, ['Before the node went'], 'node-restart-after-kill');
    // The page said it was reconnecting, then that it was back.
    const shown = await bannerStates(people[0]!.page);
    assert.ok(shown.some((state) => state.startsWith('reconnecting')) && shown.at(-1)?.startsWith('reconnected'), JSON.stringify(shown));
    await sendChat(people[0]!, 'After the kill');
    for (const person of people) {
      await waitUntil(async () => ((await chatTexts(person.page)).join('|') === 'Before the node went|After the kill' ? undefined : `${person.name} shows ${JSON.stringify(await chatTexts(person.page))}`));
    }
  });

  it('(b) a node stopped with SIGTERM exits 0 and hands the meeting to the next node process', async (t) => {
    const sessionId = await openSession();
    process.kill(node!.pid, 'SIGTERM');
    assert.equal(await node!.exited, 0, 'a clean exit');
    node = undefined;
    assert.equal(await openSession(), sessionId, 'the drained node left the session open');
    await backOnNewNode(t, sessionId, ['Before the node went', 'After the kill'], 'node-restart-after-drain');
  });
});
