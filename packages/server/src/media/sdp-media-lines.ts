/** One media line (`m=`) of an SDP offer, as far as deciding what a participant sends goes. */
export interface SdpMediaLine {
  /** `a=mid`; absent only in SDP no browser produces. */
  mid: string | undefined;
  /** `audio`, `video`, `application`… */
  kind: string;
  /** Whether the line sends media: not rejected (port 0) and `sendonly` or `sendrecv`. */
  sending: boolean;
}

const DIRECTIONS = new Set(['sendrecv', 'sendonly', 'recvonly', 'inactive']);

/**
 * The media lines of an SDP offer, in order. The server reads the offer itself, rather than trust what
 * the page says it sends, to enforce the presenter limit and the one-screen-share rule.
 */
export function sdpMediaLines(sdp: string): SdpMediaLine[] {
  const lines: SdpMediaLine[] = [];
  let sessionDirection = 'sendrecv';
  let current: (SdpMediaLine & { port: number; direction: string | undefined }) | undefined;
  const finish = (): void => {
    if (!current) return;
    const direction = current.direction ?? sessionDirection;
    lines.push({ mid: current.mid, kind: current.kind, sending: current.port !== 0 && (direction === 'sendrecv' || direction === 'sendonly') });
  };
  for (const raw of sdp.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('m=')) {
      finish();
      const [kind = '', port = '0'] = line.slice(2).split(' ');
      current = { mid: undefined, kind, sending: false, port: Number.parseInt(port, 10) || 0, direction: undefined };
    } else if (line.startsWith('a=mid:')) {
      if (current) current.mid = line.slice('a=mid:'.length);
    } else if (line.startsWith('a=') && DIRECTIONS.has(line.slice(2))) {
      if (current) current.direction = line.slice(2);
      else sessionDirection = line.slice(2);
    }
  }
  finish();
  return lines;
}
