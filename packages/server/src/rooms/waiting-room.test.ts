import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { WaitingGuest } from '@parley/protocol';
import { ParleyError } from '../errors.js';
import { TestClock } from '../test-support/test-services.js';
import { WAITING_ROOM_CAPACITY, WaitingRoom } from './waiting-room.js';

/** How a wait ended, once it has. */
type Outcome = 'admitted' | { code: string; message: string };

function watch(wait: Promise<void>): { outcome: Outcome | undefined } {
  const watched: { outcome: Outcome | undefined } = { outcome: undefined };
  wait.then(
    () => (watched.outcome = 'admitted'),
    (error: { code: string; message: string }) => (watched.outcome = { code: error.code, message: error.message }),
  );
  return watched;
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('WaitingRoom', () => {
  const setUp = () => {
    const clock = new TestClock();
    const changes: WaitingGuest[][] = [];
    const room: WaitingRoom = new WaitingRoom(clock, () => changes.push(room.list()));
    return { clock, room, changes };
  };

  test('lists guests longest waiting first, and tells of every change', async () => {
    const { clock, room, changes } = setUp();
    watch(room.wait('Ann'));
    clock.advance(1000);
    watch(room.wait('Bob'));
    assert.deepEqual(room.list().map((g) => [g.displayName, g.since]), [
      ['Ann', '2026-01-01T12:00:00.000Z'],
      ['Bob', '2026-01-01T12:00:01.000Z'],
    ]);
    assert.deepEqual(changes.map((list) => list.map((g) => g.displayName)), [['Ann'], ['Ann', 'Bob']]);
    assert.notEqual(room.list()[0]!.id, room.list()[1]!.id);
  });

  test('lets in and turns away the guests named, once each', async () => {
    const { room, changes } = setUp();
    const ann = watch(room.wait('Ann'));
    const bob = watch(room.wait('Bob'));
    const carl = watch(room.wait('Carl'));
    const [annId, bobId] = room.list().map((g) => g.id);
    assert.equal(room.admit([annId!, annId!]), 1);
    assert.equal(room.deny([bobId!]), 1);
    // Already answered: nothing more happens.
    assert.equal(room.admit([bobId!]), 0);
    assert.equal(room.deny([annId!, 'nobody']), 0);
    await settled();
    assert.equal(ann.outcome, 'admitted');
    assert.deepEqual(bob.outcome, { code: 'admission_denied', message: 'Someone in the meeting declined your request to join' });
    assert.equal(carl.outcome, undefined);
    assert.deepEqual(room.list().map((g) => g.displayName), ['Carl']);
    assert.equal(changes.length, 5, 'three arrivals and two answers');
  });

  test('lets everyone in at once', async () => {
    const { room } = setUp();
    const waits = ['Ann', 'Bob', 'Carl'].map((name) => watch(room.wait(name)));
    assert.equal(room.admitAll(), 3);
    await settled();
    assert.deepEqual(waits.map((w) => w.outcome), ['admitted', 'admitted', 'admitted']);
    assert.equal(room.isEmpty, true);
  });

  test('drops a guest whose page went away, and cannot answer them afterwards', async () => {
    const { room, changes } = setUp();
    const gone = new AbortController();
    const ann = watch(room.wait('Ann', gone.signal));
    const annId = room.list()[0]!.id;
    gone.abort();
    await settled();
    assert.deepEqual(ann.outcome, { code: 'bad_request', message: 'You left the waiting room' });
    assert.equal(room.isEmpty, true);
    assert.equal(room.admit([annId]), 0);
    assert.equal(changes.length, 2);
    // A page already gone never queues.
    const late = watch(room.wait('Late', gone.signal));
    await settled();
    assert.deepEqual(late.outcome, { code: 'bad_request', message: 'You left the waiting room' });
    assert.equal(room.isEmpty, true);
  });

  test('an answered guest leaving later changes nothing', async () => {
    const { room, changes } = setUp();
    const gone = new AbortController();
    const ann = watch(room.wait('Ann', gone.signal));
    room.admitAll();
    gone.abort();
    await settled();
    assert.equal(ann.outcome, 'admitted');
    assert.equal(changes.length, 2);
  });

  test(`holds at most ${WAITING_ROOM_CAPACITY} guests`, async () => {
    const { room } = setUp();
    for (let i = 0; i < WAITING_ROOM_CAPACITY; i++) watch(room.wait(`Guest ${i}`));
    const extra = watch(room.wait('One too many'));
    await settled();
    assert.deepEqual(extra.outcome, { code: 'room_full', message: 'Too many people are waiting to join this meeting; try again later' });
    assert.equal(room.list().length, WAITING_ROOM_CAPACITY);
  });

  test('turns everyone away when the room closes', async () => {
    const { room } = setUp();
    const waits = ['Ann', 'Bob'].map((name) => watch(room.wait(name)));
    room.turnAllAway(new ParleyError('room_unavailable', 'gone'));
    await settled();
    assert.deepEqual(waits.map((w) => w.outcome), [{ code: 'room_unavailable', message: 'gone' }, { code: 'room_unavailable', message: 'gone' }]);
  });
});
