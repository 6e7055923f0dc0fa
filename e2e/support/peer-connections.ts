import type { Page } from 'playwright-core';

/**
 * What a page's PeerConnections (recorded by browser.ts) show from outside: the publishing one sends a
 * track, the subscribing one only receives.
 */
export type ConnectionRole = 'publisher' | 'subscriber';

export interface ConnectionView {
  iceState: RTCIceConnectionState;
  /** The ICE username fragments of the current descriptions: a restart changes both. */
  localUfrag: string | null;
  remoteUfrag: string | null;
  /** The UDP ports of the connection's local candidates. */
  localPorts: number[];
  localSdp: string | null;
}

/** The page's live connection in `role`; fails when there is none. */
export async function connectionView(page: Page, role: ConnectionRole): Promise<ConnectionView> {
  const view = await page.evaluate(async (wanted) => {
    const pcs = (window as unknown as { __parleyTestPeerConnections: RTCPeerConnection[] }).__parleyTestPeerConnections;
    const pc = pcs.filter((p) => p.connectionState !== 'closed').find((p) => p.getSenders().some((s) => s.track) === (wanted === 'publisher'));
    if (!pc) return undefined;
    // No named helper functions in here: the TypeScript loader would wrap them in a helper the page lacks.
    const ufragPattern = /a=ice-ufrag:(\S+)/;
    const ports = new Set<number>();
    (await pc.getStats()).forEach((report: Record<string, unknown>) => {
      if (report.type === 'local-candidate' && report.protocol === 'udp' && typeof report.port === 'number') ports.add(report.port);
    });
    return {
      iceState: pc.iceConnectionState,
      localUfrag: ufragPattern.exec(pc.localDescription?.sdp ?? '')?.[1] ?? null,
      remoteUfrag: ufragPattern.exec(pc.remoteDescription?.sdp ?? '')?.[1] ?? null,
      localPorts: [...ports],
      localSdp: pc.localDescription?.sdp ?? null,
    };
  }, role);
  if (!view) throw new Error(`The page has no ${role} connection`);
  return view;
}
