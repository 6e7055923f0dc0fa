import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REACTIONS } from '@parley/protocol';
import { MAX_REACTIONS_PER_TILE, REACTION_NAMES, reactionsReducer, type ShownReaction } from './state';

const shown = (key: number, participantId: string): ShownReaction => ({ key, participantId, emoji: '👍' });

test('reactions show until they expire, each on its own', () => {
  let s = reactionsReducer([], { type: 'shown', reaction: shown(1, 'ann') });
  s = reactionsReducer(s, { type: 'shown', reaction: shown(2, 'bob') });
  s = reactionsReducer(s, { type: 'expired', key: 1 });
  assert.deepEqual(s.map((r) => r.key), [2]);
  assert.equal(reactionsReducer(s, { type: 'expired', key: 1 }), s, 'expiring twice changes nothing');
});

test(`a tile shows at most ${MAX_REACTIONS_PER_TILE} reactions, the newest ones`, () => {
  let s: readonly ShownReaction[] = [shown(100, 'bob')];
  for (let key = 1; key <= 5; key++) s = reactionsReducer(s, { type: 'shown', reaction: shown(key, 'ann') });
  assert.deepEqual(s.map((r) => r.key), [100, 3, 4, 5]);
});

test('every reaction has a name', () => {
  assert.deepEqual(Object.keys(REACTION_NAMES), [...REACTIONS]);
});
