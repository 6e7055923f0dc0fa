/** How long a `disconnected` ICE may recover by itself (it often does, after a brief glitch) before a restart. */
export const ICE_DISCONNECTED_GRACE_MS = 4_000;
/** Between two restarts that did not bring the connection back: doubling from the first, up to the last. */
const RETRY_DELAYS_MS = [5_000, 10_000, 20_000];

/**
 * @internal Watches a PeerConnection's ICE and asks for an ICE restart when it fails, or stays
 * `disconnected` past a short grace; asks again, less and less often, until the connection is back.
 */
export class IceWatchdog {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private restarts = 0;

  constructor(
    private readonly pc: RTCPeerConnection,
    private readonly restart: () => void,
  ) {
    pc.addEventListener('iceconnectionstatechange', this.onStateChange);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pc.removeEventListener('iceconnectionstatechange', this.onStateChange);
  }

  private readonly onStateChange = (): void => {
    switch (this.pc.iceConnectionState) {
      case 'connected':
      case 'completed':
        clearTimeout(this.timer);
        this.timer = undefined;
        this.restarts = 0;
        break;
      case 'failed':
        this.schedule(0);
        break;
      case 'disconnected':
        this.schedule(ICE_DISCONNECTED_GRACE_MS);
        break;
      case 'closed':
        this.stop();
        break;
    }
  };

  private schedule(delayMs: number): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const state = this.pc.iceConnectionState;
      if (state === 'connected' || state === 'completed' || state === 'closed') return;
      this.restart();
      // A restart over a path that is still down fails quietly: look again later.
      this.schedule(RETRY_DELAYS_MS[Math.min(this.restarts, RETRY_DELAYS_MS.length - 1)]!);
      this.restarts++;
    }, delayMs);
  }
}
