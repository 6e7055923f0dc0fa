import net from 'node:net';

/** A TCP proxy a test can cut or stall, the way a lost network cuts a page off its server. */
export interface PausableProxy {
  /** The proxied server's base URL: load pages from it so that everything they open goes through the proxy. */
  baseUrl: string;
  /** Resets every open connection and refuses new ones, until `restore`: a network that went away loudly. */
  cut(): void;
  /**
   * Lets nothing through any more, without a word to either end: open connections look alive but carry
   * nothing, new ones connect and then hang. A sleeping laptop or a dead Wi-Fi, as TCP sees them.
   */
  stall(): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * Listens on a free loopback port and relays each connection to `targetPort`. A cut resets both ends of
 * every connection (the page and the server each see their socket die, as after a network change or a
 * NAT timeout) and resets whatever connects while the cut lasts, as an unreachable network would.
 */
export async function startPausableProxy(targetPort: number, host = '127.0.0.1'): Promise<PausableProxy> {
  /** Every relayed socket, with the one it relays to. */
  const open = new Map<net.Socket, net.Socket>();
  /** Connections made during a stall, waiting for it to end before they reach the server. */
  const held = new Set<net.Socket>();
  let state: 'open' | 'cut' | 'stalled' = 'open';

  const relay = (client: net.Socket): void => {
    const upstream = net.connect(targetPort, host);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      open.set(from, to);
      from.pipe(to);
      from.on('error', () => to.destroy());
      from.on('close', () => {
        open.delete(from);
        to.destroy();
      });
    }
  };

  const server = net.createServer((client) => {
    if (state === 'cut') {
      client.resetAndDestroy();
    } else if (state === 'stalled') {
      client.pause();
      client.on('error', () => held.delete(client));
      held.add(client);
    } else {
      relay(client);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    baseUrl: `http://${host}:${port}`,
    cut() {
      state = 'cut';
      for (const socket of [...open.keys(), ...held]) socket.resetAndDestroy();
      held.clear();
    },
    stall() {
      state = 'stalled';
      // Sockets that read nothing relay nothing either way; what is sent waits in the kernel's buffers.
      for (const [from, to] of open) {
        from.unpipe(to);
        from.pause();
      }
    },
    restore() {
      state = 'open';
      for (const [from, to] of open) from.pipe(to);
      for (const client of held) {
        client.resume();
        relay(client);
      }
      held.clear();
    },
    async close() {
      for (const socket of [...open.keys(), ...held]) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
