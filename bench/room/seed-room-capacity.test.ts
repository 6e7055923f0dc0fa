import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEED_ROOM, seedRoomVerdict } from './seed-room-capacity.js';

describe('seed room capacity', () => {
  const room = { ...SEED_ROOM, lowLayerPacketsPerFrame: 1 };

  it('counts every presenter’s thumbnail and audio to every other participant', () => {
    // 25 × 199 × (30 + 50) packets/s.
    const verdict = seedRoomVerdict(room, 20);
    assert.equal(verdict.packetsPerSecond, 398_000);
    assert.equal(verdict.capacity, 100_000);
    assert.equal(verdict.coresNeeded, 7.96);
    assert.equal(verdict.fits, false);
  });

  it('says what would fit instead', () => {
    const verdict = seedRoomVerdict(room, 20);
    // 100,000 / (199 × 80) = 6.28 presenters; 100,000 / (25 × 80) = 50 other participants, plus one.
    assert.equal(verdict.maxPresenters, 6);
    assert.equal(verdict.maxParticipants, 51);
  });

  it('fits when each packet is cheap enough', () => {
    const verdict = seedRoomVerdict(room, 5);
    assert.equal(verdict.fits, true);
    assert.match(verdict.lines.join('\n'), /FITS: needs 1\.99 cores of 2/);
  });

  it('uses the measured packets per thumbnail frame', () => {
    const verdict = seedRoomVerdict({ ...room, lowLayerPacketsPerFrame: 2 }, 20);
    assert.equal(verdict.packetsPerSecond, 25 * 199 * (60 + 50));
  });
});
