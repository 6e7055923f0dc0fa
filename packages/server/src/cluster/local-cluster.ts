import type { Cluster, ClusterNode } from './cluster.js';

/** A node on its own: it owns every room, and there is nobody to hand rooms over to. */
export class LocalCluster implements Cluster {
  readonly self: ClusterNode;

  constructor(node: Omit<ClusterNode, 'draining'>) {
    this.self = { ...node, draining: false };
  }

  async nodes(): Promise<ClusterNode[]> {
    return [this.self];
  }

  async claimRoom(): Promise<boolean> {
    return true;
  }

  async ownerOfRoom(): Promise<ClusterNode | undefined> {
    return this.self;
  }

  async releaseRoom(): Promise<void> {}

  async forgetNode(): Promise<void> {
    // There is no other node to forget.
  }

  onRoomLost(): () => void {
    // A node on its own never loses a room to another.
    return () => undefined;
  }

  async claimWork(): Promise<boolean> {
    return true;
  }

  async startDraining(): Promise<void> {
    this.self.draining = true;
  }

  async close(): Promise<void> {}
}
