/** A media server a room could be placed on, and what it carries now (for every node of a cluster). */
export interface PlacementCandidate<Server> {
  server: Server;
  ready: boolean;
  /** Publishers and subscribers on it: each is a PeerConnection the server carries. */
  handles: number;
  rooms: number;
}

/**
 * Where a new room goes: the ready server carrying the fewest handles, then the fewest rooms, then the
 * first listed. Handles, not rooms: a server's cost is the packets it forwards, which grow with the
 * PeerConnections in its rooms, not with how many rooms there are (a 2-person room and a 50-person
 * room are one room each). Counted by this node as it joins and leaves them, rather than asked of
 * Janus: exact for what this node placed, free on the placement path (no admin request per join), and
 * a server that just failed over is counted as soon as its rooms move. Servers shared by several
 * nodes: each node publishes its own counts, and the candidates carry the sum (`SharedMediaLoads`).
 */
export function leastLoaded<Server>(candidates: readonly PlacementCandidate<Server>[]): Server | undefined {
  let best: PlacementCandidate<Server> | undefined;
  for (const candidate of candidates) {
    if (!candidate.ready) continue;
    if (!best || candidate.handles < best.handles || (candidate.handles === best.handles && candidate.rooms < best.rooms)) best = candidate;
  }
  return best?.server;
}
