/**
 * Count-only subscriber bots, run as a child process by the benchmarks: werift completes ICE and
 * DTLS-SRTP with Janus like a browser, then counts every received RTP packet from its clear-text
 * header instead of decrypting and depacketizing it (DESIGN.md), so the load generator spends a few
 * microseconds per packet and the machine's CPU goes to the SFU under test.
 */
import { RTCPeerConnection, type RTCDtlsTransport } from 'werift';
import type { SubscriberBotsStart, SubscriberTotals } from './bot-messages.js';
import { runBotProcess } from './bot-runtime.js';
import { gatheredDescription, waitFor } from './peer-connection-waits.js';
import { addTotals, isRtpPacket, NO_RTP, RtpCounter, videoPayloadTypes } from './rtp-counter.js';
import { subscriberSignaling, type SubscriberSignaling } from './room-access.js';

interface Subscriber {
  pc: RTCPeerConnection;
  counter: RtpCounter;
  signaling: SubscriberSignaling;
  /** From its first `join` sent to its first RTP packet; undefined until that packet arrives. */
  joinMilliseconds(): number | undefined;
}

const subscribers: Subscriber[] = [];

const CONNECT_TIMEOUT_MS = 60_000;
/** A connection that fails (a handshake starved of CPU) is made again, as a page would rejoin. */
const ATTEMPTS = 3;
/**
 * Bots join a few at a time: werift does its DTLS handshakes in JavaScript, and dozens at once on a
 * busy machine starve the process long enough for Janus to give up on some of them.
 */
const JOINING_AT_ONCE = 5;

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

/**
 * A socket buffer big enough for a second or more of what Janus sends: on a shared machine a bot
 * process may wait that long for a core, and the kernel's default (~200 KB, a tenth of a second of
 * video from several publishers) would turn that wait into loss that Janus never caused.
 */
const RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

/** werift keeps its ICE sockets private; this is the path to them. */
interface IceSockets {
  protocols?: { transport?: { socket?: { setRecvBufferSize(bytes: number): void } } }[];
}

function enlargeReceiveBuffers(pc: RTCPeerConnection): void {
  for (const transport of pc.dtlsTransports) {
    for (const protocol of (transport.iceTransport.connection as unknown as IceSockets).protocols ?? []) {
      // Linux caps the size at net.core.rmem_max.
      protocol.transport?.socket?.setRecvBufferSize(RECEIVE_BUFFER_BYTES);
    }
  }
}

async function subscribe(command: SubscriberBotsStart, id: string): Promise<void> {
  // A rejoin counts from the first attempt, as the person waiting would.
  const joinSentAt = performance.now();
  for (let attempt = 1; ; attempt++) {
    try {
      subscribers.push(await connect(command, id, joinSentAt));
      return;
    } catch (error) {
      if (attempt === ATTEMPTS) throw error;
      console.error(`${(error as Error).message}; joining again`);
    }
  }
}

async function connect(command: SubscriberBotsStart, id: string, joinSentAt: number): Promise<Subscriber> {
  const signaling = await subscriberSignaling(command.access, id);
  let firstPacketAt: number | undefined;
  // No STUN server: nothing leaves the machine, and host candidates are all Janus needs here.
  const pc = new RTCPeerConnection({ iceServers: [], iceUseIpv6: false, bundlePolicy: 'max-bundle' });
  const videoTypes = new Set<number>();
  const counter = new RtpCounter(videoTypes);
  const patched = new Set<RTCDtlsTransport>();
  const answerOffer = async (offerSdp: string): Promise<string> => {
    for (const type of videoPayloadTypes(offerSdp)) videoTypes.add(type);
    await pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
    for (const transport of pc.dtlsTransports) {
      if (patched.has(transport)) continue;
      patched.add(transport);
      countWithoutDecrypting(transport, (packet) => {
        if (firstPacketAt === undefined && isRtpPacket(packet)) firstPacketAt = performance.now();
        counter.count(packet);
      });
    }
    await pc.setLocalDescription(await pc.createAnswer());
    const answer = await gatheredDescription(pc);
    enlargeReceiveBuffers(pc);
    return answer;
  };
  try {
    await signaling.subscribe(answerOffer);
    await waitFor(
      () => pc.connectionState === 'connected',
      () => `${id} is ${pc.connectionState}`,
      CONNECT_TIMEOUT_MS,
      () => pc.connectionState === 'failed',
    );
  } catch (error) {
    await Promise.all([signaling.close(), pc.close()]);
    throw error;
  }
  return { pc, counter, signaling, joinMilliseconds: () => (firstPacketAt === undefined ? undefined : firstPacketAt - joinSentAt) };
}

runBotProcess<SubscriberBotsStart, SubscriberTotals>({
  start: async (command) => {
    const waiting = [...command.ids];
    const joinNext = async (): Promise<void> => {
      for (let id = waiting.shift(); id !== undefined; id = waiting.shift()) await subscribe(command, id);
    };
    await Promise.all(Array.from({ length: JOINING_AT_ONCE }, joinNext));
  },
  totals: async () => ({
    ...subscribers.reduce((sum, { counter }) => addTotals(sum, counter.totals()), NO_RTP),
    joinMilliseconds: subscribers.flatMap((subscriber) => subscriber.joinMilliseconds() ?? []),
  }),
  leave: async () => {
    await Promise.all(subscribers.map(({ signaling, pc }) => Promise.all([signaling.close(), pc.close()])));
  },
});
