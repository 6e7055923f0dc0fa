import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { leastLoaded } from './room-placement.js';

describe('leastLoaded', () => {
  it('places on the ready server carrying the fewest handles, whatever its room count', () => {
    const server = leastLoaded([
      { server: 'a', ready: true, handles: 40, rooms: 1 },
      { server: 'b', ready: true, handles: 6, rooms: 3 },
      { server: 'c', ready: true, handles: 9, rooms: 0 },
    ]);
    assert.equal(server, 'b');
  });

  it('breaks a tie on handles by rooms, then by the order given', () => {
    assert.equal(leastLoaded([{ server: 'a', ready: true, handles: 4, rooms: 2 }, { server: 'b', ready: true, handles: 4, rooms: 1 }]), 'b');
    assert.equal(leastLoaded([{ server: 'a', ready: true, handles: 0, rooms: 0 }, { server: 'b', ready: true, handles: 0, rooms: 0 }]), 'a');
  });

  it('never places on a server that is not ready, however idle', () => {
    assert.equal(leastLoaded([{ server: 'idle', ready: false, handles: 0, rooms: 0 }, { server: 'busy', ready: true, handles: 90, rooms: 9 }]), 'busy');
    assert.equal(leastLoaded([{ server: 'a', ready: false, handles: 0, rooms: 0 }]), undefined);
    assert.equal(leastLoaded([]), undefined);
  });
});
