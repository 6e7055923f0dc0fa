import type { Clock } from '../clock.js';

/** Wrong (or pending) password guesses allowed from one address for one room in each window. */
export const PASSWORD_ATTEMPT_LIMIT = 5;
export const PASSWORD_ATTEMPT_WINDOW_MS = 60_000;
/** Past this many tracked (room, address) pairs, expired ones are swept before tracking another. */
const SWEEP_THRESHOLD = 10_000;

interface Attempts {
  count: number;
  windowEndsAt: number;
}

/**
 * Password guesses, counted per room and client address in fixed windows: past the limit, that
 * address may not try again in that room until its window ends, so a password cannot be found by
 * trying. A guess counts from the moment it is made (guesses sent all at once cannot outrun the
 * count) and stops counting once it proves right: a whole office behind one address, all typing the
 * right password, gets in. A connection gets one guess (a refused join closes it), so counting per
 * address is what bounds a guesser.
 */
export class PasswordAttempts {
  private readonly attempts = new Map<string, Attempts>();

  constructor(private readonly clock: Clock) {}

  /** Counts a guess the address is about to make in the room; false (nothing counted) when over the limit. */
  begin(roomId: string, address: string): boolean {
    const key = keyOf(roomId, address);
    const attempts = this.current(key);
    if (attempts) {
      if (attempts.count >= PASSWORD_ATTEMPT_LIMIT) return false;
      attempts.count++;
      return true;
    }
    if (this.attempts.size >= SWEEP_THRESHOLD) this.sweep();
    this.attempts.set(key, { count: 1, windowEndsAt: this.clock.now().getTime() + PASSWORD_ATTEMPT_WINDOW_MS });
    return true;
  }

  /** The guess was right: it no longer counts against the address. */
  succeeded(roomId: string, address: string): void {
    const attempts = this.current(keyOf(roomId, address));
    if (attempts && attempts.count > 0) attempts.count--;
  }

  /** The address's window for the room, if one is still open. */
  private current(key: string): Attempts | undefined {
    const attempts = this.attempts.get(key);
    if (attempts && attempts.windowEndsAt <= this.clock.now().getTime()) {
      this.attempts.delete(key);
      return undefined;
    }
    return attempts;
  }

  private sweep(): void {
    const now = this.clock.now().getTime();
    for (const [key, attempts] of this.attempts) if (attempts.windowEndsAt <= now) this.attempts.delete(key);
  }
}

function keyOf(roomId: string, address: string): string {
  return `${roomId} ${address}`;
}
