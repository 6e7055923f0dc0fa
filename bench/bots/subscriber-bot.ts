/**
 * Count-only subscriber bots, run as a child process by `bench/room.ts`: werift completes ICE and
 * DTLS-SRTP with Janus like a browser, then counts every received RTP packet from its clear-text
 * header instead of decrypting and depacketizing it (DESIGN.md). Hundreds of them fit on one core, so
 * the machine's CPU goes to the SFU under test rather than to the load generator.
 */
import { RTCPeerConnection, type RTCDtlsTransport } from 'werift';
import type { SubscriberBotsStart } from './bot-messages.js';
import { runBotProcess } from './bot-runtime.js';
import { gatheredDescription } from './peer-connection-waits.js';
import { addTotals, NO_RTP, RtpCounter, videoPayloadTypes, type RtpTotals } from './rtp-counter.js';
import { subscriberSignaling, type SubscriberSignaling } from './room-access.js';

interface Subscriber {
  pc: RTCPeerConnection;
  counter: RtpCounter;
  signaling: SubscriberSignaling;
}

const subscribers: Subscriber[] = [];

/**
 * Replaces the transport's SRTP start: keys are still derived (werift sends RTCP with them), but
 * received packets go to `count` as they arrive, undecrypted.
 */
function countWithoutDecrypting(transport: RTCDtlsTransport, count: (packet: Buffer) => void): void {
  transport.startSrtp = () => {
    if (transport.srtpStarted) return;
    transport.srtpStarted = true;
    transport.updateSrtpSession();
    transport.iceTransport.connection.onData.subscribe(count);
  };
}

async function subscribe(command: SubscriberBotsStart, id: string): Promise<void> {
  const signaling = await subscriberSignaling(command.access, id);
  const pc = new RTCPeerConnection({ iceUseIpv6: false });
  const videoTypes = new Set<number>();
  const counter = new RtpCounter(videoTypes);
  subscribers.push({ pc, counter, signaling });
  const patched = new Set<RTCDtlsTransport>();
  await signaling.subscribe(async (offerSdp) => {
    for (const type of videoPayloadTypes(offerSdp)) videoTypes.add(type);
    await pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
    for (const transport of pc.dtlsTransports) {
      if (patched.has(transport)) continue;
      patched.add(transport);
      countWithoutDecrypting(transport, (packet) => counter.count(packet));
    }
    await pc.setLocalDescription(await pc.createAnswer());
    return gatheredDescription(pc);
  });
}

runBotProcess<SubscriberBotsStart, RtpTotals>({
  start: async (command) => {
    await Promise.all(command.ids.map((id) => subscribe(command, id)));
  },
  totals: async () => subscribers.reduce((sum, { counter }) => addTotals(sum, counter.totals()), NO_RTP),
  leave: async () => {
    await Promise.all(subscribers.map(({ signaling, pc }) => Promise.all([signaling.close(), pc.close()])));
  },
});
