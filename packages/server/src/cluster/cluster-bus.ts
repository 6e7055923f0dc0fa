/**
 * Announcements between the nodes of a cluster: what one node publishes on a topic, every other node
 * subscribed to it hears (the publisher does not hear itself). Delivery is at most once, to the nodes
 * connected at the time: for news a live session must follow now, not for records (the database is).
 */
export interface ClusterBus {
  publish(topic: string, payload: string): Promise<void>;
  /** Returns the unsubscribe. */
  subscribe(topic: string, listener: (payload: string) => void): () => void;
  close(): Promise<void>;
}
