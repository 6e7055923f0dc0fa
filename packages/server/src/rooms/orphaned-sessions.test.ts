import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import type { ClusterNode } from '../cluster/cluster.js';
import { LocalCluster } from '../cluster/local-cluster.js';
import { createApplication } from '../identity/applications.js';
import { createTestServices, TestClock } from '../test-support/test-services.js';
import { ORPHAN_GRACE_MS, OrphanedSessions } from './orphaned-sessions.js';
import { RoomService } from './room-service.js';

/** Open sessions no node runs wait for a node to take them over, then end; several nodes may sweep at once. */
describe('orphaned sessions', () => {
  const clock = new TestClock();
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let rooms: RoomService;
  let applicationId: string;
  before(async () => {
    services = await createTestServices({ clock });
    rooms = new RoomService(services);
    applicationId = (await createApplication({ store: services.store, clock }, { name: 'orphans' })).application.id;
  });
  after(() => services.dispose());

  const openSession = async () => {
    const room = await rooms.create(applicationId, { displayName: 'Left open', type: 'long_term', expiresAt: new Date(clock.now().getTime() + 30 * 24 * 3600_000) });
    const id = randomUUID();
    await services.sessions.start({ id, roomId: room.id, startedAt: clock.now().toISOString() });
    await services.sessions.addParticipant({ id: randomUUID(), sessionId: id, roomId: room.id, displayName: 'Ann', role: 'host', joinedAt: clock.now().toISOString() });
    return { id, roomId: room.id };
  };
  const sweeper = (runsHere: (roomId: string) => boolean = () => false, cluster = new LocalCluster(node())) =>
    new OrphanedSessions({ ...services, cluster, runsHere, logger: pino({ level: 'silent' }) });
  const node = (): Omit<ClusterNode, 'draining'> => ({ id: randomUUID(), publicUrl: 'http://parley.test', internalUrl: 'http://10.0.0.1:8080' });
  const endedAt = async (id: string) => (await services.sessions.find(id))?.endedAt;

  test('leaves a session nobody runs open for the grace period after noticing it, then ends it, from any number of nodes at once', async () => {
    const orphan = await openSession();
    const nodes = [sweeper(), sweeper()];
    await Promise.all(nodes.map((n) => n.sweep()));
    clock.advance(ORPHAN_GRACE_MS - 1);
    assert.deepEqual(await Promise.all(nodes.map((n) => n.sweep())), [0, 0]);
    assert.equal(await endedAt(orphan.id), null, 'still adoptable');
    clock.advance(1);
    await Promise.all(nodes.map((n) => n.sweep()));
    assert.equal(await endedAt(orphan.id), clock.now().toISOString());
    const [participant] = await services.sessions.listParticipants(orphan.id);
    assert.equal(participant?.leftAt, clock.now().toISOString(), 'its participants left when it ended');
  });

  test('leaves alone a session that runs on this node, or that another live node owns', async () => {
    const here = await openSession();
    const elsewhere = await openSession();
    const otherNode: ClusterNode = { ...node(), draining: false };
    const cluster = new LocalCluster(node());
    cluster.ownerOfRoom = async (roomId?: string) => (roomId === elsewhere.roomId ? otherNode : cluster.self);
    const sweep = sweeper((roomId) => roomId === here.roomId, cluster);
    await sweep.sweep();
    clock.advance(ORPHAN_GRACE_MS * 2);
    await sweep.sweep();
    assert.equal(await endedAt(here.id), null);
    assert.equal(await endedAt(elsewhere.id), null);
  });

  test('does not end a session another node claimed meanwhile', async () => {
    const orphan = await openSession();
    const cluster = new LocalCluster(node());
    cluster.claimRoom = async () => false;
    const sweep = sweeper(() => false, cluster);
    await sweep.sweep();
    clock.advance(ORPHAN_GRACE_MS);
    assert.equal(await sweep.sweep(), 0);
    assert.equal(await endedAt(orphan.id), null);
  });
});
