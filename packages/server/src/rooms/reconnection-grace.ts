import { createHash, randomBytes } from 'node:crypto';
import { RECONNECT_GRACE_MS } from '@parley/protocol';
import type { Scheduler } from '../clock.js';

/**
 * Holds the place of participants whose connection dropped, for the grace period, and knows who may
 * take a place back: every participant is handed a secret resume token when they join, and only that
 * token resumes them (a participant id is no secret: everyone in the meeting sees it). Tokens are
 * kept as hashes, so neither a memory dump nor a lookup's timing gives one away.
 */
export class ReconnectionGrace<P extends { readonly id: string }> {
  private readonly byTokenHash = new Map<string, P>();
  private readonly tokenHashOf = new Map<string, string>();
  /** Participants being waited for, with the function that cancels their expiry. */
  private readonly held = new Map<string, () => void>();

  constructor(
    private readonly scheduler: Scheduler,
    /** Called once the grace period of a participant still held runs out. */
    private readonly onExpired: (participant: P) => void,
    private readonly graceMs = RECONNECT_GRACE_MS,
  ) {}

  /** A new secret that resumes `participant`; hand it to them only. */
  issueToken(participant: P): string {
    const token = randomBytes(32).toString('base64url');
    const hash = hashOf(token);
    this.byTokenHash.set(hash, participant);
    this.tokenHashOf.set(participant.id, hash);
    return token;
  }

  /** Starts waiting for `participant` to come back; waiting already, their deadline stays. */
  hold(participant: P): void {
    if (this.held.has(participant.id)) return;
    const cancel = this.scheduler.after(this.graceMs, () => {
      if (this.held.get(participant.id) === cancel) this.onExpired(participant);
    });
    this.held.set(participant.id, cancel);
  }

  isHeld(participant: P): boolean {
    return this.held.has(participant.id);
  }

  /** The participant `token` resumes, no longer waited for; `undefined` when the token is unknown. */
  claim(token: string): P | undefined {
    const participant = this.byTokenHash.get(hashOf(token));
    if (participant) this.stopHolding(participant);
    return participant;
  }

  /** The participant left for good: their token resumes nobody any more. */
  forget(participant: P): void {
    this.stopHolding(participant);
    const hash = this.tokenHashOf.get(participant.id);
    if (hash !== undefined) this.byTokenHash.delete(hash);
    this.tokenHashOf.delete(participant.id);
  }

  /** The session ended: nobody is waited for, no token resumes anyone. */
  clear(): void {
    for (const cancel of this.held.values()) cancel();
    this.held.clear();
    this.byTokenHash.clear();
    this.tokenHashOf.clear();
  }

  private stopHolding(participant: P): void {
    this.held.get(participant.id)?.();
    this.held.delete(participant.id);
  }
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
