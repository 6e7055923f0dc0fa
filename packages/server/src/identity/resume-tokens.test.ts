import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openStore, type Store } from '../store/database.js';
import { TestClock } from '../test-support/test-services.js';
import { ResumeTokens, type ResumeClaims } from './resume-tokens.js';

describe('resume tokens', () => {
  let store: Store;
  const clock = new TestClock(new Date('2026-11-22T06:00:00.000Z'));
  const claims: ResumeClaims = {
    sessionId: 'session-1',
    roomId: 'room-1',
    participantId: 'participant-1',
    role: 'host',
    displayName: 'Ann',
    identity: 'user:u1',
    userId: 'u1',
  };
  before(async () => {
    store = await openStore('sqlite::memory:');
  });
  after(() => store.close());

  test('any node on the same database reads back who the participant was', async () => {
    const token = await (await ResumeTokens.load(store.db, clock)).mint(claims);
    const otherNode = await ResumeTokens.load(store.db, clock);
    assert.deepEqual(await otherNode.verify(token), claims);
    const guest = { ...claims, role: 'guest' as const, userId: null, identity: undefined };
    const { identity: _, ...withoutIdentity } = guest;
    assert.deepEqual(await otherNode.verify(await otherNode.mint(guest)), withoutIdentity);
  });

  test('refuses a tampered, forged or expired token', async () => {
    const tokens = await ResumeTokens.load(store.db, clock);
    const token = await tokens.mint(claims);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const promoted = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), participantId: 'someone-else' })).toString('base64url');
    assert.equal(await tokens.verify(`${header}.${promoted}.${signature}`), undefined, 'a changed payload');
    assert.equal(await tokens.verify(`${header}.${payload}.${signature.slice(0, -2)}xx`), undefined, 'a changed signature');
    assert.equal(await tokens.verify('participant-1'), undefined, 'not a token at all');
    const elsewhere = await openStore('sqlite::memory:');
    try {
      assert.equal(await (await ResumeTokens.load(elsewhere.db, clock)).verify(token), undefined, 'signed by another deployment');
    } finally {
      await elsewhere.close();
    }
    clock.advance(24 * 3600_000 + 1000);
    assert.equal(await tokens.verify(token), undefined, 'expired');
  });
});
