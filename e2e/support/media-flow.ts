import type { Page } from 'playwright-core';
import { waitUntil } from './wait.js';

export interface MediaCounters {
  audioPackets: number;
  videoFrames: number;
}

/**
 * What `page` has received from one participant: audio packets and decoded video frames of the tracks
 * their tile plays, summed over every PeerConnection (as recorded by `launchParticipant`).
 */
export async function receivedFrom(page: Page, participantName: string): Promise<MediaCounters> {
  return receivedOn(page, `[data-testid="tile"][data-participant-name="${participantName}"]`);
}

/** What `page` has received of the tracks the first element matching `selector` (a tile) plays. */
export async function receivedOn(page: Page, selector: string): Promise<MediaCounters> {
  return page.evaluate(async (tileSelector) => {
    const tile = document.querySelector(tileSelector);
    const stream = tile?.querySelector('video')?.srcObject as MediaStream | null | undefined;
    const trackIds = new Set(stream?.getTracks().map((track) => track.id) ?? []);
    const counters = { audioPackets: 0, videoFrames: 0 };
    const pcs = (window as unknown as { __parleyTestPeerConnections: RTCPeerConnection[] }).__parleyTestPeerConnections;
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((report: Record<string, unknown>) => {
        if (report.type !== 'inbound-rtp' || !trackIds.has(String(report.trackIdentifier))) return;
        if (report.kind === 'audio') counters.audioPackets += Number(report.packetsReceived ?? 0);
        if (report.kind === 'video') counters.videoFrames += Number(report.framesDecoded ?? 0);
      });
    }
    return counters;
  }, selector);
}

/** Packets `page` has sent of one kind, over every PeerConnection. */
export async function packetsSent(page: Page, kind: 'audio' | 'video'): Promise<number> {
  return page.evaluate(async (wanted) => {
    let sent = 0;
    const pcs = (window as unknown as { __parleyTestPeerConnections: RTCPeerConnection[] }).__parleyTestPeerConnections;
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((report: Record<string, unknown>) => {
        if (report.type === 'outbound-rtp' && report.kind === wanted) sent += Number(report.packetsSent ?? 0);
      });
    }
    return sent;
  }, kind);
}

/** How long a counter must stand still to count as stopped: live media moves it many times a second. */
const STOPPED_FOR_MS = 2_000;

/**
 * Waits until a counter grows (`flowing`), or until it stands still for `STOPPED_FOR_MS` (stopped).
 * Resolves with the counter's last value.
 */
export async function waitForFlow(read: () => Promise<number>, expect: 'flowing' | 'stopped', what: string, timeoutMs = 20_000): Promise<number> {
  let last = await read();
  let since = Date.now();
  await waitUntil(
    async () => {
      const now = await read();
      if (expect === 'flowing') {
        if (now === last) return `${what} is not flowing (stays at ${now})`;
        last = now;
        return undefined;
      }
      if (now !== last) {
        last = now;
        since = Date.now();
        return `${what} still flows (${now})`;
      }
      return Date.now() - since >= STOPPED_FOR_MS ? undefined : `${what} unchanged for ${Date.now() - since} ms`;
    },
    timeoutMs,
    250,
  );
  return last;
}
