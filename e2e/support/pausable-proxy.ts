import net from 'node:net';

/** A TCP proxy a test can cut, the way a lost network cuts a page off its server. */
export interface PausableProxy {
  /** The proxied server's base URL: load pages from it so that everything they open goes through the proxy. */
  baseUrl: string;
  /** Resets every open connection and refuses new ones, until `restore`. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * Listens on a free loopback port and relays each connection to `targetPort`. A cut resets both ends of
 * every connection (the page and the server each see their socket die, as after a network change or a
 * NAT timeout) and resets whatever connects while the cut lasts, as an unreachable network would.
 */
export async function startPausableProxy(targetPort: number, host = '127.0.0.1'): Promise<PausableProxy> {
  const open = new Set<net.Socket>();
  let cut = false;
  const server = net.createServer((client) => {
    if (cut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(targetPort, host);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      open.add(from);
      from.pipe(to);
      from.on('error', () => to.destroy());
      from.on('close', () => {
        open.delete(from);
        to.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    baseUrl: `http://${host}:${port}`,
    cut() {
      cut = true;
      for (const socket of open) socket.resetAndDestroy();
    },
    restore() {
      cut = false;
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
