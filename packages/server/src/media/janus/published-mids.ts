import type { MediaKind } from '@parley/protocol';

/**
 * The mids of the audio and video streams an SDP offer sends, by kind: what a VideoRoom `moderate`
 * request names. Media lines that send nothing (port 0, `recvonly`, `inactive`) have no stream to moderate.
 */
export function publishedMids(sdp: string): Record<MediaKind, string[]> {
  const mids: Record<MediaKind, string[]> = { audio: [], video: [] };
  for (const section of sdp.split(/\r?\n(?=m=)/).slice(1)) {
    const [, kind, port] = /^m=(\w+) (\d+)/.exec(section) ?? [];
    if ((kind !== 'audio' && kind !== 'video') || port === '0') continue;
    if (/^a=(recvonly|inactive)\s*$/m.test(section)) continue;
    const mid = /^a=mid:(\S+)/m.exec(section)?.[1];
    if (mid !== undefined) mids[kind].push(mid);
  }
  return mids;
}
