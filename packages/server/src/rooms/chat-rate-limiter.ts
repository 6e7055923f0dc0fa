import type { Clock } from '../clock.js';

/**
 * At most `limit` messages per participant in any `windowMs`: a sliding window over the times of the
 * messages each participant was allowed to send. One noisy page cannot flood everyone else's chat.
 */
export class ChatRateLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
  ) {}

  /** Counts one message for the participant; `false` (and nothing counted) when over the limit. */
  take(participantId: string): boolean {
    const now = this.clock.now().getTime();
    const recent = (this.sent.get(participantId) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.sent.set(participantId, recent);
      return false;
    }
    recent.push(now);
    this.sent.set(participantId, recent);
    return true;
  }

  forget(participantId: string): void {
    this.sent.delete(participantId);
  }
}
