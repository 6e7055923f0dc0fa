/** What the bots wait for on their PeerConnections (@roamhq/wrtc and werift alike). */

/** Polls `done` until it holds; fails after `timeoutMs`, or as soon as `failed` holds, with what `state` says. */
export async function waitFor(done: () => boolean, state: () => string, timeoutMs: number, failed: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (failed()) throw new Error(state());
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${state()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const GATHERING_TIMEOUT_MS = 10_000;

/**
 * The local description once ICE gathering is complete, so it carries every candidate: the bots send
 * one SDP instead of trickling candidates one by one.
 */
export async function gatheredDescription(pc: { iceGatheringState: string; localDescription: { sdp: string } | null }): Promise<string> {
  await waitFor(() => pc.iceGatheringState === 'complete', () => `ICE gathering is ${pc.iceGatheringState}`, GATHERING_TIMEOUT_MS);
  const sdp = pc.localDescription?.sdp;
  if (!sdp) throw new Error('No local description');
  return sdp;
}
