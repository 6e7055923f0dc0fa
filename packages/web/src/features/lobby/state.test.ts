import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { WaitingGuest } from '@parley/protocol';
import { initialLobbyState, lobbyReducer, unseenGuests, type LobbyAction, type LobbyState } from './state';

const guest = (name: string): WaitingGuest => ({ id: `id-${name}`, displayName: name, since: '2026-01-01T12:00:00.000Z' });
const ann = guest('Ann');
const bob = guest('Bob');
const carl = guest('Carl');

const run = (...actions: LobbyAction[]): LobbyState => actions.reduce(lobbyReducer, initialLobbyState);
const names = (state: LobbyState): string[] => unseenGuests(state).map((g) => g.displayName);

describe('lobbyReducer', () => {
  test('counts arrivals as unseen until the moderator looks', () => {
    const state = run({ type: 'updated', waiting: [ann] }, { type: 'updated', waiting: [ann, bob] });
    assert.deepEqual(names(state), ['Ann', 'Bob']);
    assert.deepEqual(names(lobbyReducer(state, { type: 'dismissed' })), []);
    assert.deepEqual(names(lobbyReducer(state, { type: 'opened' })), []);
  });

  test('forgets unseen guests who are no longer waiting', () => {
    const state = run({ type: 'updated', waiting: [ann, bob] }, { type: 'updated', waiting: [bob] });
    assert.deepEqual(names(state), ['Bob']);
  });

  test('after a dismissal, only newcomers are unseen', () => {
    const state = run({ type: 'updated', waiting: [ann] }, { type: 'dismissed' }, { type: 'updated', waiting: [ann, carl] });
    assert.deepEqual(names(state), ['Carl']);
  });

  test('with the list open, arrivals are seen at once, and stay seen once it closes', () => {
    const state = run({ type: 'opened' }, { type: 'updated', waiting: [ann] }, { type: 'closed' }, { type: 'updated', waiting: [ann, bob] });
    assert.deepEqual(names(state), ['Bob']);
    assert.equal(state.open, false);
    assert.deepEqual(state.waiting, [ann, bob]);
  });
});
