/**
 * Publisher bots, run as a child process by the benchmarks: each publishes the synthetic camera (unless
 * it only speaks) and microphone through @roamhq/wrtc (libwebrtc's own encoder and packetizer, so the SFU gets packets as a
 * browser would send them). Reports what each outgoing stream sent, per simulcast layer.
 */
import wrtc from '@roamhq/wrtc';
import type { PublisherBotsStart, PublisherTotals } from './bot-messages.js';
import { runBotProcess } from './bot-runtime.js';
import { publisherSignaling, type PublisherSignaling } from './room-access.js';
import type { CameraSettings } from './camera-settings.js';
import { SyntheticCamera, SyntheticMicrophone } from './synthetic-media.js';
import { gatheredDescription, waitFor } from './peer-connection-waits.js';
import { withMinimumVideoBitrate } from './sdp-bitrate.js';
import { withRidsLargestFirst } from './simulcast-order.js';

const CONNECT_TIMEOUT_MS = 30_000;

/**
 * The floor under a single-layer camera's bitrate: about what the synthetic camera encodes to
 * (640x480 at 20 fps: 0.2 bit per pixel, ~1.2 Mbit/s), below Parley's 2 Mbit/s per publisher.
 */
function minimumVideoKilobits({ width, height, fps }: CameraSettings): number {
  return Math.round(Math.min(1500, (width * height * fps * 0.2) / 1000));
}

/** Simulcast layers as a browser camera publishes them; libwebrtc drops those the size cannot carry. */
const SIMULCAST_LAYERS = [
  { rid: 'q', scaleResolutionDownBy: 4 },
  { rid: 'h', scaleResolutionDownBy: 2 },
  { rid: 'f', scaleResolutionDownBy: 1 },
];

interface Publisher {
  pc: RTCPeerConnection;
  signaling: PublisherSignaling;
}

const publishers: Publisher[] = [];
let devices: { camera: SyntheticCamera | undefined; microphone: SyntheticMicrophone } | undefined;

async function publish(command: PublisherBotsStart, id: string): Promise<void> {
  const { camera, microphone } = (devices ??= {
    camera: command.camera && new SyntheticCamera(command.camera),
    microphone: new SyntheticMicrophone(),
  });
  const signaling = await publisherSignaling(command.access, id, { audio: true, video: camera !== undefined });
  const pc = new wrtc.RTCPeerConnection();
  publishers.push({ pc, signaling });
  pc.addTransceiver(microphone.createTrack(), { direction: 'sendonly' });
  if (camera) pc.addTransceiver(camera.createTrack(), { direction: 'sendonly', ...(command.simulcast ? { sendEncodings: SIMULCAST_LAYERS } : {}) });
  await pc.setLocalDescription(await pc.createOffer());
  const answer = await signaling.publish(withRidsLargestFirst(await gatheredDescription(pc)));
  // Simulcast layers keep libwebrtc's own bitrates: a floor would apply to the whole, not per layer.
  const floored = command.camera && !command.simulcast ? withMinimumVideoBitrate(answer, minimumVideoKilobits(command.camera)) : answer;
  await pc.setRemoteDescription({ type: 'answer', sdp: floored });
  await waitFor(
    () => pc.connectionState === 'connected',
    () => `${id} is ${pc.connectionState}`,
    CONNECT_TIMEOUT_MS,
    () => pc.connectionState === 'failed',
  );
}

async function totals(): Promise<PublisherTotals> {
  const streams: PublisherTotals = {};
  for (const { pc } of publishers) {
    const report = await pc.getStats();
    report.forEach((stats: RTCOutboundRtpStreamStats & { kind?: string; rid?: string }) => {
      if (stats.type !== 'outbound-rtp') return;
      const key = stats.rid ? `${stats.kind} ${stats.rid}` : String(stats.kind);
      const stream = (streams[key] ??= { packets: 0, bytes: 0, frames: 0, width: 0, height: 0 });
      stream.packets += stats.packetsSent ?? 0;
      stream.bytes += stats.bytesSent ?? 0;
      stream.frames += stats.framesEncoded ?? 0;
      stream.width = Math.max(stream.width, stats.frameWidth ?? 0);
      stream.height = Math.max(stream.height, stats.frameHeight ?? 0);
    });
  }
  return streams;
}

runBotProcess<PublisherBotsStart, PublisherTotals>({
  start: async (command) => {
    await Promise.all(command.ids.map((id) => publish(command, id)));
  },
  totals,
  leave: async () => {
    devices?.camera?.stop();
    devices?.microphone.stop();
    await Promise.all(publishers.map(({ signaling }) => signaling.close()));
  },
});
