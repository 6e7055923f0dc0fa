import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';

/** The header Janus writes at the top of an .mjr file (the fields post-processing reads). */
export interface MjrHeader {
  /** `a`udio or `v`ideo. */
  t: 'a' | 'v';
  /** Codec: `opus`, `vp8`… */
  c: string;
  /** The stream's description: Parley names its source there (`microphone`, `camera`…). */
  d?: string;
  /** When the recorder was created, µs since the epoch. */
  s: number;
  /** When the first packet was written, µs since the epoch. */
  u: number;
}

/**
 * Writes RTP packets as Janus's recorder does (`record.c`): `MJR00002`, the JSON header's length and
 * text, then per packet `MEET`, the milliseconds since the first packet, the packet's length and the
 * packet.
 */
export function writeMjr(file: string, header: MjrHeader, packets: readonly { rtp: Buffer; sinceFirstMs: number }[]): void {
  const json = Buffer.from(JSON.stringify(header));
  const parts: Buffer[] = [Buffer.from('MJR00002'), uint16(json.length), json];
  for (const { rtp, sinceFirstMs } of packets) {
    const when = Buffer.alloc(4);
    when.writeUInt32BE(Math.max(0, Math.round(sinceFirstMs)));
    parts.push(Buffer.from('MEET'), when, uint16(rtp.length), rtp);
  }
  fs.writeFileSync(file, Buffer.concat(parts));
}

function uint16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
}

export interface SyntheticStream {
  kind: 'audio' | 'video';
  /** An ffmpeg lavfi source, e.g. `testsrc2=size=640x360:rate=20` or `sine=f=440`. */
  source: string;
  seconds: number;
  /** What Janus would have recorded as the stream's description. */
  description: string;
  /** When the stream's first packet arrived, ms since the epoch. */
  startedAtMs: number;
  /**
   * Stretches (seconds into the stream) in which nothing was sent, as a camera turned off and on again.
   * A video keyframe comes every 60 frames (3 s at 20 fps): a pause ending on one resumes cleanly.
   */
  pauses?: readonly { fromSeconds: number; toSeconds: number }[];
}

const CLOCK_RATE = { audio: 48_000, video: 90_000 } as const;

/**
 * An .mjr file as Janus would record a browser's stream: ffmpeg encodes a test source (VP8 or Opus, as
 * browsers send) and sends it as RTP to a socket of this process, which writes what arrives. Throws
 * if a packet went missing on the way (the recording would not be what was asked for).
 */
export async function synthesizeMjr(file: string, stream: SyntheticStream): Promise<void> {
  const socket = dgram.createSocket('udp4');
  const packets: Buffer[] = [];
  socket.on('message', (packet) => packets.push(packet));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  socket.setRecvBufferSize(32 * 1024 * 1024);
  const { port } = socket.address();
  const encode =
    stream.kind === 'video'
      ? ['-pix_fmt', 'yuv420p', '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '600k', '-g', '60', '-payload_type', '96']
      : ['-c:a', 'libopus', '-ar', '48000', '-ac', '2', '-b:a', '48k', '-payload_type', '111'];
  const args = ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `${stream.source}:d=${stream.seconds}`, ...encode, '-f', 'rtp', `rtp://127.0.0.1:${port}?pkt_size=1200`];
  try {
    await new Promise<void>((resolve, reject) => {
      const ffmpeg = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
      // A caller that gives up (another stream failed, say) and exits must not leave ffmpeg running.
      const stop = (): void => void ffmpeg.kill('SIGKILL');
      process.once('exit', stop);
      let errors = '';
      ffmpeg.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      ffmpeg.once('error', reject);
      ffmpeg.once('close', (code) => {
        process.off('exit', stop);
        if (code === 0) resolve();
        else reject(new Error(`ffmpeg exited with ${code}: ${errors}`));
      });
    });
    // The last datagrams may still be in the socket's queue.
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    socket.close();
  }
  // RTCP goes to the next port; anything of RTCP's packet types (200–204) here is left out all the same.
  const rtp = packets.filter((p) => p.length > 12 && !(p[1]! >= 200 && p[1]! <= 204));
  assertNoLoss(rtp);
  const firstTimestamp = rtp[0]!.readUInt32BE(4);
  const rate = CLOCK_RATE[stream.kind];
  const startedAtUs = stream.startedAtMs * 1000;
  const sent = rtp
    .map((packet) => ({ rtp: packet, sinceFirstMs: ((packet.readUInt32BE(4) - firstTimestamp) / rate) * 1000 }))
    .filter(({ sinceFirstMs }) => !(stream.pauses ?? []).some((pause) => sinceFirstMs >= pause.fromSeconds * 1000 && sinceFirstMs < pause.toSeconds * 1000));
  writeMjr(file, { t: stream.kind === 'video' ? 'v' : 'a', c: stream.kind === 'video' ? 'vp8' : 'opus', d: stream.description, s: startedAtUs, u: startedAtUs }, sent);
}

function assertNoLoss(packets: readonly Buffer[]): void {
  if (packets.length === 0) throw new Error('ffmpeg sent no RTP packet');
  for (let i = 1; i < packets.length; i++) {
    const expected = (packets[i - 1]!.readUInt16BE(2) + 1) & 0xffff;
    if (packets[i]!.readUInt16BE(2) !== expected) throw new Error(`RTP packet ${expected} was lost or reordered on loopback`);
  }
}
