import { RECONNECT_GRACE_MS } from '@parley/protocol';
import type { Scheduler } from '../clock.js';

/**
 * Holds the place of participants whose connection dropped, for the grace period. Who may take a
 * place back is for their signed resume token to say (`ResumeTokens`): a participant id is no secret
 * (everyone in the meeting sees it), so it is only looked up here once a token named it.
 */
export class ReconnectionGrace<P extends { readonly id: string }> {
  private readonly known = new Map<string, P>();
  /** Participants being waited for, with the function that cancels their expiry. */
  private readonly held = new Map<string, () => void>();

  constructor(
    private readonly scheduler: Scheduler,
    /** Called once the grace period of a participant still held runs out. */
    private readonly onExpired: (participant: P) => void,
    private readonly graceMs = RECONNECT_GRACE_MS,
  ) {}

  /** `participant` is in the session: from now on their resume token takes them back. */
  track(participant: P): void {
    this.known.set(participant.id, participant);
  }

  /** Starts waiting for `participant` to come back; waiting already, their deadline stays. */
  hold(participant: P): void {
    if (this.held.has(participant.id)) return;
    const cancel = this.scheduler.after(this.graceMs, () => {
      if (this.held.get(participant.id) === cancel) this.onExpired(participant);
    });
    this.held.set(participant.id, cancel);
  }

  /** Everyone being waited for, in the order they were first tracked. */
  heldParticipants(): P[] {
    return [...this.known.values()].filter((participant) => this.held.has(participant.id));
  }

  isHeld(participant: P): boolean {
    return this.held.has(participant.id);
  }

  /**
   * The participant a verified resume token named, no longer waited for; `undefined` when they are not
   * (any more) in the session.
   */
  claim(participantId: string): P | undefined {
    const participant = this.known.get(participantId);
    if (participant) this.stopHolding(participant);
    return participant;
  }

  /** The participant left for good: their token resumes nobody any more. */
  forget(participant: P): void {
    this.stopHolding(participant);
    this.known.delete(participant.id);
  }

  /** The session ended: nobody is waited for, no token resumes anyone. */
  clear(): void {
    for (const cancel of this.held.values()) cancel();
    this.held.clear();
    this.known.clear();
  }

  private stopHolding(participant: P): void {
    this.held.get(participant.id)?.();
    this.held.delete(participant.id);
  }
}
