import { randomUUID } from 'node:crypto';
import type { WaitingGuest } from '@parley/protocol';
import type { Clock } from '../clock.js';
import { ParleyError } from '../errors.js';

/** Seed limit of a room's meeting; nobody needs more people than that queued at its door. */
export const WAITING_ROOM_CAPACITY = 200;

interface Waiter {
  guest: WaitingGuest;
  /** Only a moderator's answer lets them in: the room's rules opening do not. */
  untilAnswered: boolean;
  admit: () => void;
  turnAway: (error: ParleyError) => void;
}

/**
 * The guests of one room who wait to enter its meeting, longest waiting first. A waiting guest is not
 * in the meeting: no media, not listed, nothing said there reaches them. Each wait ends in exactly
 * one way: let in, turned away, or given up (the guest left; their page closed).
 */
export class WaitingRoom {
  private readonly waiters = new Map<string, Waiter>();

  constructor(
    private readonly clock: Clock,
    /** Called after every change of who waits (the meeting's moderators are shown the list). */
    private readonly onChange: () => void,
  ) {}

  get isEmpty(): boolean {
    return this.waiters.size === 0;
  }

  /** No one else may queue: `wait` refuses with `room_full`. */
  get isFull(): boolean {
    return this.waiters.size >= WAITING_ROOM_CAPACITY;
  }

  list(): WaitingGuest[] {
    return [...this.waiters.values()].map((w) => w.guest);
  }

  /**
   * Queues a guest; resolves when they are let in, rejects with `admission_denied` when turned away,
   * or with `bad_request` when `signal` aborts first (their connection closed, or they left).
   */
  wait(displayName: string, signal?: AbortSignal, options: { untilAnswered?: boolean } = {}): Promise<void> {
    if (signal?.aborted) return Promise.reject(gaveUp());
    if (this.isFull) return Promise.reject(waitingRoomFull());
    const guest: WaitingGuest = { id: randomUUID(), displayName, since: this.clock.now().toISOString() };
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        if (this.remove(guest.id)) reject(gaveUp());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = (finish: () => void) => () => {
        signal?.removeEventListener('abort', onAbort);
        finish();
      };
      this.waiters.set(guest.id, {
        guest,
        untilAnswered: options.untilAnswered ?? false,
        admit: settle(resolve),
        turnAway: (error) => settle(() => reject(error))(),
      });
      this.onChange();
    });
  }

  /** Lets in the named guests who still wait; returns how many that was. */
  admit(ids: readonly string[]): number {
    return this.settle(ids, (waiter) => waiter.admit());
  }

  /** Turns away the named guests who still wait; returns how many that was. */
  deny(ids: readonly string[]): number {
    return this.settle(ids, (waiter) => waiter.turnAway(new ParleyError('admission_denied', 'Someone in the meeting declined your request to join')));
  }

  /** Lets in everyone who waits for the room's rules to open (not those waiting for an answer). */
  admitAll(): number {
    return this.admit([...this.waiters.values()].filter((w) => !w.untilAnswered).map((w) => w.guest.id));
  }

  /** Turns everyone away with `error` (the room closed for good, say). */
  turnAllAway(error: ParleyError): void {
    const waiters = [...this.waiters.values()];
    this.waiters.clear();
    for (const waiter of waiters) waiter.turnAway(error);
    if (waiters.length > 0) this.onChange();
  }

  private settle(ids: readonly string[], end: (waiter: Waiter) => void): number {
    const ending = [...new Set(ids)].flatMap((id) => {
      const waiter = this.waiters.get(id);
      return waiter ? [waiter] : [];
    });
    for (const waiter of ending) this.waiters.delete(waiter.guest.id);
    for (const waiter of ending) end(waiter);
    if (ending.length > 0) this.onChange();
    return ending.length;
  }

  private remove(id: string): boolean {
    if (!this.waiters.delete(id)) return false;
    this.onChange();
    return true;
  }
}

export function waitingRoomFull(): ParleyError {
  return new ParleyError('room_full', 'Too many people are waiting to join this meeting; try again later');
}

function gaveUp(): ParleyError {
  return ParleyError.badRequest('You left the waiting room');
}
