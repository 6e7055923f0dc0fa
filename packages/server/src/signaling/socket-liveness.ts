import type { WebSocket } from '@fastify/websocket';

/** How often the server checks that a page's socket still answers. */
export const LIVENESS_INTERVAL_MS = 10_000;

/**
 * Ends a socket whose page stopped answering WebSocket pings (a lost network, a sleeping laptop):
 * such a socket may otherwise look open for many minutes, and its participant would neither leave
 * nor be seen reconnecting. Browsers answer pings on their own. Returns the function that stops watching.
 */
export function watchLiveness(socket: WebSocket, intervalMs = LIVENESS_INTERVAL_MS): () => void {
  let answered = true;
  const onPong = (): void => {
    answered = true;
  };
  socket.on('pong', onPong);
  const timer = setInterval(() => {
    if (!answered) {
      socket.terminate();
      return;
    }
    answered = false;
    socket.ping();
  }, intervalMs);
  return () => {
    clearInterval(timer);
    socket.off('pong', onPong);
  };
}
