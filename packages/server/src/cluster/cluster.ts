/** A Parley node as the cluster knows it. */
export interface ClusterNode {
  /** Stable for the life of the process. */
  id: string;
  /** Where people reach this node (its meeting pages and signaling): the node's `PARLEY_PUBLIC_URL`. */
  publicUrl: string;
  /** Where other nodes reach this node (relayed signaling), e.g. `http://10.0.0.7:8080`. */
  internalUrl: string;
  /** A draining node takes no new rooms and is handing its rooms over. */
  draining: boolean;
}

/**
 * The nodes that run Parley together and which of them runs each live room: one owner per room at a
 * time. A single node is a cluster of one that owns every room (`LocalCluster`); with
 * `PARLEY_REDIS_URL`, the nodes share a registry and room leases in Redis.
 */
export interface Cluster {
  readonly self: ClusterNode;
  /** The live nodes, this one included. */
  nodes(): Promise<ClusterNode[]>;
  /**
   * Makes this node the room's owner unless another live node owns it. True when this node owns it
   * (already did, or just took it); from then on the node keeps its claim alive until `releaseRoom`.
   */
  claimRoom(roomId: string): Promise<boolean>;
  /** The live node that owns the room (possibly this one), or undefined when none does. */
  ownerOfRoom(roomId: string): Promise<ClusterNode | undefined>;
  /** Gives the room up: its session ended here, or this node hands it over. */
  releaseRoom(roomId: string): Promise<void>;
  /**
   * Takes another node out of the registry at once: it refused a connection, so its process is gone.
   * Its rooms are then free to claim, without waiting for its registration to lapse. Were it alive
   * after all, its next heartbeat registers it again, and it hears of any room taken from it as lost.
   */
  forgetNode(nodeId: string): Promise<void>;
  /**
   * Tells the listener of each room this node owned and lost (its claim lapsed, say while Redis was
   * out of reach): another node may run it now, so this one must stop. Returns the unsubscribe.
   */
  onRoomLost(listener: (roomId: string) => void): () => void;
  /**
   * Makes this node the one doing `work` (what must not run on two nodes at once, such as sending the
   * webhook outbox) unless another live node does it. True while this node does: call it before each
   * round of the work; the claim lapses within seconds of this node's death, for another to take.
   */
  claimWork(work: string): Promise<boolean>;
  /** Marks this node draining, for the other nodes and for `nodes()`. */
  startDraining(): Promise<void>;
  close(): Promise<void>;
}
