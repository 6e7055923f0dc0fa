/**
 * Why one is no longer in the meeting, as the client SDK (`disconnected`) and the embedding protocol
 * (`left`) both say it: `left` (one left), `ended` (the room was closed), `ended_by_host` (a host ended
 * it for everyone), `webinar_ended` (a webinar ended for its audience), `expired`, `removed` or `blocked`
 * (a moderator took one out; a blocked person cannot join the room again), `connection_lost`, `refused`
 * (the server turned one away), `reconnect_failed` (the connection dropped and the server no longer held
 * one's place when it came back).
 */
export type DisconnectReason =
  | 'left'
  | 'ended'
  | 'ended_by_host'
  | 'webinar_ended'
  | 'expired'
  | 'removed'
  | 'blocked'
  | 'connection_lost'
  | 'refused'
  | 'reconnect_failed';
