/**
 * Holds a publisher's video at a steady bitrate. libwebrtc takes `x-google-min-bitrate` and
 * `x-google-start-bitrate` from the remote description's video codec parameters; with them in the
 * SFU's answer, the encoder no longer follows its bandwidth estimate down. On a machine shared with
 * other work, Janus's threads wait for a core now and then, the estimator reads that as congestion,
 * and each path under comparison would otherwise be offered a different load.
 */

const VIDEO_CODECS = new Set(['vp8', 'vp9', 'h264', 'av1']);

export function withMinimumVideoBitrate(sdp: string, kilobitsPerSecond: number): string {
  const lines = sdp.split('\r\n');
  const parameters = `x-google-min-bitrate=${kilobitsPerSecond};x-google-start-bitrate=${kilobitsPerSecond}`;
  let inVideo = false;
  const out: string[] = [];
  for (const line of lines) {
    if (line.startsWith('m=')) inVideo = line.startsWith('m=video');
    const fmtp = /^a=fmtp:(\d+) /.exec(line);
    if (inVideo && fmtp && isVideoCodec(lines, fmtp[1]!)) {
      out.push(`${line};${parameters}`);
      continue;
    }
    out.push(line);
    const rtpmap = /^a=rtpmap:(\d+) /.exec(line);
    if (inVideo && rtpmap && isVideoCodec(lines, rtpmap[1]!) && !lines.some((l) => l.startsWith(`a=fmtp:${rtpmap[1]} `))) {
      out.push(`a=fmtp:${rtpmap[1]} ${parameters}`);
    }
  }
  return out.join('\r\n');
}

/** Whether the payload type carries a video codec (not retransmissions, RED or FEC). */
function isVideoCodec(lines: string[], payloadType: string): boolean {
  const rtpmap = lines.find((l) => l.startsWith(`a=rtpmap:${payloadType} `));
  const codec = rtpmap?.slice(`a=rtpmap:${payloadType} `.length).split('/')[0]?.toLowerCase();
  return codec !== undefined && VIDEO_CODECS.has(codec);
}
