import type { RaisedHand } from '@parley/protocol';

/**
 * The raised hands of a live session, first raised first: the order in which a host gives the floor.
 * Raising a hand that is up, or lowering one that is down, changes nothing (and says so), so a page
 * that sends twice, or a host and a participant lowering the same hand at once, cannot reorder it.
 */
export class HandQueue {
  /** Insertion-ordered: a Map keeps the order hands went up in. */
  private readonly hands = new Map<string, RaisedHand>();

  /** Puts the participant's hand at the end of the queue; `undefined` if it was already up. */
  raise(participantId: string, raisedAt: string): RaisedHand | undefined {
    if (this.hands.has(participantId)) return undefined;
    const hand = { participantId, raisedAt };
    this.hands.set(participantId, hand);
    return hand;
  }

  /** Takes the participant's hand out of the queue; `false` if it was not up. */
  lower(participantId: string): boolean {
    return this.hands.delete(participantId);
  }

  /** The queue as it stands, first raised first. */
  list(): RaisedHand[] {
    return [...this.hands.values()];
  }
}
