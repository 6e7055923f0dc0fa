import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { RedisTestServer } from '../packages/server/src/cluster/test-support/redis-test-server.js';
import { createApplication } from '../packages/server/src/identity/applications.js';
import { openStore } from '../packages/server/src/store/database.js';
import { PostgresTestServer, type TestDatabase } from '../packages/server/src/store/test-support/postgres-test-server.js';
import { TestWebhookReceiver } from '../packages/server/src/webhooks/test-support/webhook-receiver.js';
import { apiClient, type ApiClient } from './support/api-client.js';
import { startExternalJanus, stopExternalJanus, type ExternalJanus } from './support/external-janus.js';
import { chatTexts, everyoneShownOnce, mediaFlowsBetween, sendChat } from './support/meeting-checks.js';
import { enterMeeting, type Attendee, type CreatedRoom } from './support/meeting-room.js';
import { ParleyNode } from './support/parley-node.js';
import { saveScreenshot } from './support/screenshots.js';
import { waitUntil } from './support/wait.js';

/** From the death of a part to every page back, media flowing both ways. */
const BACK_WITHIN_MS = 10_000;

/** The same link, on another node: every node serves every meeting. */
function onNode(url: string, node: ParleyNode): string {
  const moved = new URL(url);
  const base = new URL(node.baseUrl);
  moved.host = base.host;
  return moved.toString();
}

/** How many rooms the node holds, on all Janus servers together. */
async function roomsHeldBy(node: ParleyNode): Promise<number> {
  return Object.values(await roomsPerJanus(node)).reduce((sum, n) => sum + n, 0);
}

/** How many rooms each Janus holds, as the node's `/metrics` says. */
async function roomsPerJanus(node: ParleyNode): Promise<Record<string, number>> {
  const metrics = await (await fetch(`${node.baseUrl}/metrics`)).text();
  return Object.fromEntries([...metrics.matchAll(/^parley_media_server_rooms\{server="([^"]+)"\} (\d+)$/gm)].map((m) => [m[1] as string, Number(m[2])]));
}

describe('Two Parley nodes sharing PostgreSQL, Redis and two Janus servers', { timeout: 600_000 }, () => {
  let redis: RedisTestServer;
  // Its own server, not the test process's shared one: a test case kills it.
  let postgres: PostgresTestServer;
  let database: TestDatabase;
  const janus: ExternalJanus[] = [];
  const nodes: ParleyNode[] = [];
  let nodeA: ParleyNode;
  let nodeB: ParleyNode;
  let apiA: ApiClient;
  let apiB: ApiClient;
  let receiver: TestWebhookReceiver;
  let room: CreatedRoom;
  /** Who is in a meeting now. */
  const people: Attendee[] = [];
  /** Everyone who joined the first room, present or gone. */
  const joinedFirstRoom: Attendee[] = [];

  /** Starts a node of the cluster (more may start later: a test case kills one, say). */
  async function startNode(name: string): Promise<ParleyNode> {
    const node = await ParleyNode.start(name, {
      PARLEY_DATABASE_URL: database.url,
      PARLEY_REDIS_URL: redis.url,
      PARLEY_JANUS_URLS: janus.map((j) => j.url).join(','),
      PARLEY_WEBHOOK_POLL_INTERVAL_MS: '200',
    });
    nodes.push(node);
    return node;
  }

  before(async () => {
    [redis, postgres] = await Promise.all([RedisTestServer.start(), PostgresTestServer.start()]);
    database = await postgres.createDatabase();
    janus.push(await startExternalJanus('first', { min: 45000, max: 45499 }), await startExternalJanus('second', { min: 45500, max: 45999 }));
    // The application, made in the shared database before any node runs (it migrates it on the way).
    const store = await openStore(database.url);
    const { application, privateKeyPem } = await createApplication({ store }, { name: 'cluster e2e' });
    await store.close();
    nodeA = await startNode('a');
    nodeB = await startNode('b');
    apiA = await apiClient(nodeA.baseUrl, application.id, privateKeyPem);
    apiB = await apiClient(nodeB.baseUrl, application.id, privateKeyPem);
    receiver = await TestWebhookReceiver.start();
    const receiverSetting = { address: receiver.url, http_method: 'POST' };
    const set = await apiB.api('PATCH', '/v1/meetings/applications/webhooks', { update_details: { session_changed: receiverSetting } });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    const created = await apiA.api('POST', '/v1/meetings/rooms', { display_name: 'Two nodes' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    room = created.body as CreatedRoom;
  });

  after(async () => {
    await Promise.all([...new Set([...people, ...joinedFirstRoom])].map((p) => p.participant.close()));
    await Promise.all(nodes.map((node) => node.stop()));
    await receiver?.close();
    for (const j of janus) await stopExternalJanus(j);
    await postgres?.stop();
    await redis?.stop();
  });

  /** Someone joins the first room, by `url`. */
  async function joinFirstRoom(url: string, name: string): Promise<Attendee> {
    const attendee = await enterMeeting(url, name);
    people.push(attendee);
    joinedFirstRoom.push(attendee);
    return attendee;
  }

  /**
   * A new meeting of two, run by `owner`: the first joins through it, the second through `relaying`.
   * They see, hear and chat with each other (`said`) before the test does anything to the owner.
   */
  async function meetingOfTwoOn(owner: ParleyNode, relaying: ParleyNode, displayName: string, names: [string, string], said: string): Promise<{ meeting: CreatedRoom; pair: Attendee[] }> {
    const created = await apiA.api('POST', '/v1/meetings/rooms', { display_name: displayName });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const meeting = created.body as CreatedRoom;
    const pair = [await enterMeeting(onNode(meeting._links.host_url.href, owner), names[0]), await enterMeeting(onNode(meeting._links.guest_url.href, relaying), names[1])];
    people.push(...pair);
    await everyoneShownOnce(pair, Date.now() + 30_000);
    await mediaFlowsBetween(pair, Date.now() + 60_000);
    for (const person of pair) await person.page.click('[data-testid="chat-button"]');
    await sendChat(pair[1]!, said);
    for (const person of pair) await waitUntil(async () => ((await chatTexts(person.page)).includes(said) ? undefined : `${person.name} has no message yet`));
    // The first page reached the owner first: it runs the meeting, and the other node relays the second.
    assert.equal(await roomsHeldBy(owner), 1, `node ${owner.name} holds the room`);
    return { meeting, pair };
  }

  /** The pair leave; every event of their meeting arrives once, whichever node's outbox worker sent it. */
  async function everyWebhookOnce(meeting: CreatedRoom, pair: readonly Attendee[]): Promise<void> {
    for (const person of pair) await person.page.click('[data-testid="leave-button"]');
    const eventsOf = () => receiver.events().filter((e) => e.room_id === meeting.id);
    await waitUntil(() => (eventsOf().some((e) => e.event === 'session:ended') ? undefined : `received ${JSON.stringify(eventsOf().map((e) => e.event))}`), 60_000);
    // Anything sent twice would arrive soon after: wait a few polls of both nodes.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    assert.equal(new Set(ids).size, ids.length, `each webhook-id once: ${JSON.stringify(ids)}`);
    assert.deepEqual(eventsOf().map((e) => e.event).sort(), ['session:ended', 'session:participant:joined', 'session:participant:joined', 'session:participant:left', 'session:participant:left', 'session:started']);
  }

  it('people joining one room through different nodes see and hear each other, and chat', async () => {
    await joinFirstRoom(room._links.host_url.href, 'Ann');
    await joinFirstRoom(onNode(room._links.guest_url.href, nodeB), 'Bob');
    await everyoneShownOnce(people, Date.now() + 30_000);
    await mediaFlowsBetween(people, Date.now() + 60_000);
    const [ann, bob] = people as [Attendee, Attendee];
    await ann.page.click('[data-testid="chat-button"]');
    await bob.page.click('[data-testid="chat-button"]');
    await sendChat(bob, 'Hello from node B');
    await sendChat(ann, 'Hello from node A');
    for (const person of people) {
      await waitUntil(async () => ((await chatTexts(person.page)).join('|') === 'Hello from node B|Hello from node A' ? undefined : `${person.name} shows ${JSON.stringify(await chatTexts(person.page))}`));
    }
    await saveScreenshot(bob.page, 'cluster-two-nodes');
    // Ann's page reached node A first: node A runs the meeting, node B relays Bob to it.
    assert.equal(await roomsHeldBy(nodeA), 1, `node A holds the room: ${JSON.stringify(await roomsPerJanus(nodeA))}`);
    assert.equal(await roomsHeldBy(nodeB), 0, `node B holds no room: ${JSON.stringify(await roomsPerJanus(nodeB))}`);
  });

  it('the Janus holding the meeting killed with kill -9: everyone is back within 10 s', async (t) => {
    const holding = Object.entries(await roomsPerJanus(nodeA)).find(([, rooms]) => rooms === 1)?.[0];
    const killed = janus.find((j) => j.url === holding);
    assert.ok(killed, `the room is on ${holding}`);
    process.kill(killed.process.pid as number, 'SIGKILL');
    const killedAt = Date.now();
    // Its supervisor here would start it again at once: this Janus stays dead, as a crashed host would.
    await killed.process.stop();
    const deadline = killedAt + BACK_WITHIN_MS;
    await everyoneShownOnce(people, deadline);
    await mediaFlowsBetween(people, deadline);
    t.diagnostic(`every page was back, media flowing both ways, ${Date.now() - killedAt} ms after the kill`);
    const survivor = janus.find((j) => j !== killed)?.url as string;
    assert.equal((await roomsPerJanus(nodeA))[survivor], 1, 'the meeting runs on the surviving Janus');
  });

  it('Redis killed with kill -9 mid-meeting: the meeting goes on, and once Redis is back a newcomer joins through the other node', async () => {
    const port = Number(new URL(redis.url).port);
    await redis.stop('SIGKILL');
    // Well past a lease's TTL without Redis: nobody could take the room, so it stays where it runs.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await everyoneShownOnce(people, Date.now() + BACK_WITHIN_MS);
    await mediaFlowsBetween(people, Date.now() + BACK_WITHIN_MS);
    const [ann] = people as [Attendee];
    await sendChat(ann, 'Without Redis');
    for (const person of people) await waitUntil(async () => ((await chatTexts(person.page)).includes('Without Redis') ? undefined : `${person.name} has no message yet`));

    redis = await RedisTestServer.start(port);
    const registry = new Redis(redis.url);
    try {
      await waitUntil(async () => ((await registry.keys('parley:node:*')).length === 2 ? undefined : 'the nodes are not registered again yet'), 10_000);
      await waitUntil(async () => ((await registry.get(`parley:room:${room.id}`)) !== null ? undefined : 'the room is not leased again yet'), 10_000);
    } finally {
      registry.disconnect();
    }
    const eve = await joinFirstRoom(onNode(room._links.guest_url.href, nodeB), 'Eve');
    await everyoneShownOnce(people, Date.now() + 30_000);
    await mediaFlowsBetween(people, Date.now() + 60_000);
    await eve.page.click('[data-testid="chat-button"]');
    await waitUntil(async () => ((await chatTexts(eve.page)).join('|') === 'Hello from node B|Hello from node A|Without Redis' ? undefined : `Eve shows ${JSON.stringify(await chatTexts(eve.page))}`));
  });

  it('PostgreSQL killed with kill -9 mid-meeting: the meeting goes on, and what happened meanwhile is stored once it is back', async (t) => {
    await postgres.crash();
    // Long enough for every node's pool, outbox and sweep to have met the dead server.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await everyoneShownOnce(people, Date.now() + BACK_WITHIN_MS);
    await mediaFlowsBetween(people, Date.now() + BACK_WITHIN_MS);
    // A message cannot be stored, so it is refused, and the draft stays for sending again.
    const [ann] = people as [Attendee];
    await sendChat(ann, 'Said while the database was down');
    await ann.page.waitForSelector('[data-testid="chat-error"]', { timeout: BACK_WITHIN_MS });
    // Someone leaving is seen by everyone at once; the database hears of it (and sends the webhook) later.
    const eve = people.pop() as Attendee;
    await eve.page.click('[data-testid="leave-button"]');
    await everyoneShownOnce(people, Date.now() + BACK_WITHIN_MS);
    await mediaFlowsBetween(people, Date.now() + BACK_WITHIN_MS);

    const restarting = Date.now();
    await postgres.restart();
    t.diagnostic(`PostgreSQL recovered in ${Date.now() - restarting} ms`);
    await ann.page.press('[data-testid="chat-input"]', 'Enter');
    for (const person of people) await waitUntil(async () => ((await chatTexts(person.page)).includes('Said while the database was down') ? undefined : `${person.name} has no message yet`));
    const fay = await joinFirstRoom(onNode(room._links.guest_url.href, nodeB), 'Fay');
    await everyoneShownOnce(people, Date.now() + 30_000);
    await mediaFlowsBetween(people, Date.now() + 60_000);
    await fay.page.click('[data-testid="chat-button"]');
    await waitUntil(async () => ((await chatTexts(fay.page)).at(-1) === 'Said while the database was down' ? undefined : `Fay shows ${JSON.stringify(await chatTexts(fay.page))}`));
    for (const node of [nodeA, nodeB]) assert.ok(node.running, `node ${node.name} outlived the outage:\n${node.logs.slice(-3000)}`);
  });

  it('delivers every webhook of the meeting exactly once, though both nodes run webhook delivery', async () => {
    for (const person of people.splice(0)) await person.page.click('[data-testid="leave-button"]');
    const sessionEvents = () => receiver.events().filter((e) => e.room_id === room.id || e.event.startsWith('session:participant'));
    await waitUntil(() => (sessionEvents().some((e) => e.event === 'session:ended') ? undefined : `received ${JSON.stringify(sessionEvents().map((e) => e.event))}`), 30_000);
    // Anything sent twice would arrive soon after: wait a few polls of both nodes.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    assert.equal(new Set(ids).size, ids.length, `each webhook-id once: ${JSON.stringify(ids)}`);
    const events = receiver.events().map((e) => e.event).sort();
    const each = (event: string) => Array<string>(joinedFirstRoom.length).fill(event);
    assert.deepEqual(events, ['session:ended', ...each('session:participant:joined'), ...each('session:participant:left'), 'session:started']);
    const outbox = await fetchPendingCount(apiA);
    assert.equal(outbox, 0, 'nothing left to send');
  });

  it('the node running the meeting killed with kill -9: the meeting goes on for everyone left, and no webhook is lost', async (t) => {
    // A third node, so that the owner's death leaves two: the pages try the URLs they were given.
    const nodeC = await startNode('c');
    const { meeting, pair: movers } = await meetingOfTwoOn(nodeC, nodeB, 'Outlives its node', ['Cleo', 'Dan'], 'Before the node went');

    nodeC.signal('SIGKILL');
    const killedAt = Date.now();
    await nodeC.exited;
    const deadline = killedAt + BACK_WITHIN_MS;
    await everyoneShownOnce(movers, deadline);
    await mediaFlowsBetween(movers, deadline);
    t.diagnostic(`every page was back, media flowing both ways, ${Date.now() - killedAt} ms after the kill`);
    for (const person of movers) assert.deepEqual(await chatTexts(person.page), ['Before the node went'], `${person.name}'s chat is intact`);
    await sendChat(movers[0]!, 'After the kill');
    for (const person of movers) {
      await waitUntil(async () => ((await chatTexts(person.page)).join('|') === 'Before the node went|After the kill' ? undefined : `${person.name} shows ${JSON.stringify(await chatTexts(person.page))}`));
    }
    await saveScreenshot(movers[0]!.page, 'cluster-after-node-kill');

    await everyWebhookOnce(meeting, movers);
  });

  it('a node stopped with SIGTERM hands its meeting over within 10 s, releases what it held, leaves the registry and exits with 0', async (t) => {
    const { meeting, pair: guests } = await meetingOfTwoOn(nodeB, nodeA, 'Handed over', ['Gus', 'Hal'], 'Before the drain');

    const registry = new Redis(redis.url);
    try {
      const nodeKeys = () => registry.keys('parley:node:*');
      const before = await nodeKeys();
      assert.equal(before.length, 2);
      nodeB.signal('SIGTERM');
      const drainedAt = Date.now();
      assert.equal(await nodeB.exited, 0, nodeB.logs.slice(-2000));
      t.diagnostic(`node B handed over and exited ${Date.now() - drainedAt} ms after SIGTERM`);
      await everyoneShownOnce(guests, drainedAt + BACK_WITHIN_MS);
      await mediaFlowsBetween(guests, drainedAt + BACK_WITHIN_MS);
      t.diagnostic(`every page was back on node A, media flowing both ways, ${Date.now() - drainedAt} ms after SIGTERM`);
      assert.equal(await roomsHeldBy(nodeA), 1, 'node A runs the meeting now');
      for (const person of guests) assert.deepEqual(await chatTexts(person.page), ['Before the drain'], `${person.name}'s chat is intact`);

      const after = await nodeKeys();
      assert.equal(after.length, 1, 'node B left the registry');
      const nodeBId = before.find((key) => !after.includes(key))!.slice('parley:node:'.length);
      for (const key of await registry.keys('parley:*')) {
        if (key.startsWith('parley:node:') || key.startsWith('parley:media-load:')) continue;
        assert.notEqual(await registry.get(key), nodeBId, `node B let go of ${key}`);
      }
    } finally {
      registry.disconnect();
    }

    // Nothing of the meeting was lost in the move: it started once and ends once, and each arrival and departure is sent once.
    await everyWebhookOnce(meeting, guests);
  });
});

/** How many webhook deliveries are still pending, as the delivery log says. */
async function fetchPendingCount(api: ApiClient): Promise<number> {
  const listed = await api.api('GET', '/v1/meetings/webhooks/deliveries?status=pending');
  assert.equal(listed.status, 200, JSON.stringify(listed.body));
  const body = listed.body as { _embedded?: { deliveries?: unknown[] } };
  return body._embedded?.deliveries?.length ?? 0;
}
