import type { Clock } from '../clock.js';

/**
 * At most `limit` actions per participant in any `windowMs`: a sliding window over the times of the
 * actions each participant was allowed. One noisy page cannot flood everyone else's meeting (chat
 * messages, reactions).
 */
export class ParticipantRateLimiter {
  private readonly taken = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
  ) {}

  /** Counts one action for the participant; `false` (and nothing counted) when over the limit. */
  take(participantId: string): boolean {
    const now = this.clock.now().getTime();
    const recent = (this.taken.get(participantId) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.taken.set(participantId, recent);
      return false;
    }
    recent.push(now);
    this.taken.set(participantId, recent);
    return true;
  }

  forget(participantId: string): void {
    this.taken.delete(participantId);
  }
}
