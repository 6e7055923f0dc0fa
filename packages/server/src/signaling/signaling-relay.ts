import type { Logger } from 'pino';
import WebSocket, { type RawData } from 'ws';
import { SIGNALING_PATH } from '@parley/protocol';
import type { Cluster, ClusterNode } from '../cluster/cluster.js';
import type { NodeTrust } from '../cluster/node-trust.js';
import type { RoomsRepository } from '../store/rooms-repository.js';

/** Closes a page's socket so that it comes back (resumes), to whichever node runs its room by then. */
export const CLOSE_TRY_AGAIN = 1012;
/** A node that does not answer this soon is taken for dead. */
const CONNECT_TIMEOUT_MS = 5_000;
/**
 * How long a page waits for its room to have an owner: a node that died holds its rooms until their
 * leases lapse (`ClusterTimings.ttlMs`), after which this node takes them. Then the page is asked to
 * come back (`CLOSE_TRY_AGAIN`).
 */
const ROUTING_PATIENCE_MS = 5_000;
const ROUTING_RETRY_MS = 250;

/** Where a page's meeting is handled: here, relayed to the node that runs it, or nowhere yet. */
export interface SignalingRoute {
  /** Undefined when the meeting code names no room: refused here as anywhere. */
  roomId?: string;
  relayTo?: ClusterNode;
  /** The room's owner is gone but still holds it: the page should come back in a moment. */
  unsettled?: boolean;
}

/**
 * Any node accepts any page's signaling socket: one whose room another node runs is relayed there,
 * frame for frame both ways, so the page speaks to the room's one live session wherever it connected
 * (pings too, so a page's liveness check covers the whole path).
 */
export class SignalingRelay {
  constructor(private readonly deps: { cluster: Cluster; rooms: Pick<RoomsRepository, 'findByMeetingCode'>; nodeTrust: NodeTrust; logger: Logger }) {}

  /**
   * Decides where the meeting is handled. A room nobody runs is claimed by this node, unless it is
   * draining: then another node, which is not, takes the page (and the room).
   */
  async route(meetingCode: string): Promise<SignalingRoute> {
    const room = await this.deps.rooms.findByMeetingCode(meetingCode);
    if (!room) return {};
    const { cluster } = this.deps;
    const deadline = Date.now() + ROUTING_PATIENCE_MS;
    for (;;) {
      const owner = await cluster.ownerOfRoom(room.id);
      if (owner?.id === cluster.self.id) return { roomId: room.id };
      if (owner) return { roomId: room.id, relayTo: owner };
      if (cluster.self.draining) {
        const elsewhere = (await cluster.nodes()).find((node) => node.id !== cluster.self.id && !node.draining);
        return elsewhere ? { roomId: room.id, relayTo: elsewhere } : { roomId: room.id };
      }
      if (await cluster.claimRoom(room.id)) return { roomId: room.id };
      // Held by a node no longer registered (it died, or another node just took the room): soon settled.
      if (Date.now() >= deadline) return { roomId: room.id, unsettled: true };
      await new Promise((resolve) => setTimeout(resolve, ROUTING_RETRY_MS));
    }
  }

  /** The page's address when another node relayed its socket here (and vouched for it), else undefined. */
  relayedFrom(headers: Record<string, string | string[] | undefined>): string | undefined {
    return this.deps.nodeTrust.vouchedAddress(headers);
  }

  /**
   * Connects the page's socket to `node`, starting with the page's first message. Frames the page
   * sends meanwhile wait for the connection. Either side closing closes the other; a node that cannot
   * be reached, or goes, closes the page's socket with `CLOSE_TRY_AGAIN`.
   */
  pipe(page: PageSocket, first: string, node: ClusterNode, pageAddress: string): RelayedPage {
    const url = `${node.internalUrl.replace(/^http/, 'ws')}${SIGNALING_PATH}`;
    const owner = new WebSocket(url, { headers: this.deps.nodeTrust.vouchFor(pageAddress), handshakeTimeout: CONNECT_TIMEOUT_MS });
    const waiting: { data: RawData; isBinary: boolean }[] = [];
    const log = this.deps.logger.child({ relayTo: node.id });
    owner.on('open', () => {
      owner.send(first);
      for (const frame of waiting.splice(0)) owner.send(frame.data, { binary: frame.isBinary });
    });
    owner.on('message', (data, isBinary) => {
      if (page.readyState === page.OPEN) page.send(data, { binary: isBinary });
    });
    // Settles once the cluster knows what this node found out about the owner.
    let learned: Promise<void> = Promise.resolve();
    owner.on('error', (error) => {
      log.warn({ err: error }, 'the node running the meeting cannot be reached');
      // Nothing listens where the owner did: its process is gone, and its rooms are free to take now
      // rather than once its registration lapses. The page comes back after that, to a room it can have.
      if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED') {
        learned = this.deps.cluster.forgetNode(node.id).catch((cause: Error) => log.warn({ err: cause }, 'cannot take the gone node out of the registry'));
      }
    });
    owner.on('close', () => {
      void learned.then(() => {
        if (page.readyState === page.OPEN) page.close(CLOSE_TRY_AGAIN, 'try again');
      });
    });
    return {
      fromPage(data, isBinary) {
        if (owner.readyState === owner.OPEN) owner.send(data, { binary: isBinary });
        else if (owner.readyState === owner.CONNECTING) waiting.push({ data, isBinary });
      },
      pageClosed() {
        if (owner.readyState === owner.CONNECTING) owner.terminate();
        else owner.close(1000);
      },
    };
  }
}

/** What of the page's socket the relay uses. */
export type PageSocket = Pick<WebSocket, 'send' | 'close' | 'readyState' | 'OPEN'>;

/** A page's socket being relayed: what the signaling route hands it. */
export interface RelayedPage {
  fromPage(data: RawData, isBinary: boolean): void;
  pageClosed(): void;
}
