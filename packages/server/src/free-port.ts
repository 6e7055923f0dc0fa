import dgram from 'node:dgram';
import net from 'node:net';

/** A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * An even UDP port on 127.0.0.1 that nothing uses right now, and the odd one above it: RTP on the
 * first, RTCP on the second, as a receiver of RTP described by an SDP binds them (the OS picks them).
 */
export async function freeRtpPortPair(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const rtp = await bindUdp(0);
    const { port } = rtp.address();
    const rtcp = port % 2 === 0 ? await bindUdp(port + 1).catch(() => undefined) : undefined;
    await Promise.all([closeUdp(rtp), rtcp && closeUdp(rtcp)]);
    if (rtcp) return port;
  }
  throw new Error('No pair of free UDP ports found on 127.0.0.1');
}

function bindUdp(port: number): Promise<dgram.Socket> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => resolve(socket));
  });
}

function closeUdp(socket: dgram.Socket): Promise<void> {
  return new Promise((resolve) => socket.close(() => resolve()));
}
