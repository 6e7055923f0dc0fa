import type { FastifyInstance } from 'fastify';
import type { WebSocket } from '@fastify/websocket';
import { SIGNALING_PATH, type ServerMessage } from '@parley/protocol';
import { ParleyError } from '../errors.js';
import type { LiveParticipant, ParticipantConnection } from '../rooms/live-participant.js';
import type { LiveRooms } from '../rooms/live-rooms.js';
import type { LiveSession } from '../rooms/live-session.js';
import { parseClientMessage } from './client-messages.js';
import { CLOSE_TRY_AGAIN, type RelayedPage, type SignalingRelay, type SignalingRoute } from './signaling-relay.js';
import { watchLiveness } from './socket-liveness.js';

/** A page must say who it is this soon after connecting. */
const JOIN_TIMEOUT_MS = 15_000;

/**
 * The signaling WebSocket: one per participant. The first message must be `join` (or `resume`, after a
 * dropped connection); afterwards the page relays SDP and ICE for its two PeerConnections. A closed
 * socket is not yet a leave: the participant may resume within the grace period.
 */
export async function signalingRoutes(app: FastifyInstance, options: { liveRooms: LiveRooms; relay: SignalingRelay }): Promise<void> {
  app.get(SIGNALING_PATH, { websocket: true }, (socket, request) => {
    const connection = new SocketConnection(socket);
    // A socket another node relays here is handled here, never relayed on: the page's address is the one that node saw.
    const relayedFrom = options.relay.relayedFrom(request.headers);
    const address = relayedFrom ?? request.ip;
    let relayed: RelayedPage | undefined;
    let joined: { session: LiveSession; participant: LiveParticipant } | undefined;
    let joining = false;
    // Ends a wait in the waiting room when the page goes away first.
    const gone = new AbortController();
    const joinTimer = setTimeout(() => connection.fail(new ParleyError('bad_request', 'No join request received')), JOIN_TIMEOUT_MS);
    const stopWatching = watchLiveness(socket);

    socket.on('message', (data, isBinary) => {
      if (relayed) {
        relayed.fromPage(data, isBinary);
        return;
      }
      const message = isBinary ? undefined : parseClientMessage(data.toString());
      if (!message) {
        connection.send({ type: 'error', code: 'validation_failed', message: 'Malformed signaling message', fatal: false });
        return;
      }
      if (message.type === 'ping') {
        connection.send({ type: 'pong' });
        return;
      }
      if (message.type === 'join' || message.type === 'resume') {
        if (joined || joining) return;
        joining = true;
        clearTimeout(joinTimer);
        let roomId: string | undefined;
        const entering = (relayedFrom === undefined ? options.relay.route(message.meetingCode) : Promise.resolve<SignalingRoute>({})).then((route) => {
          roomId = route.roomId;
          if (route.unsettled) {
            socket.close(CLOSE_TRY_AGAIN, 'try again');
            return undefined;
          }
          if (route.relayTo && !connection.isClosed) {
            relayed = options.relay.pipe(socket, data.toString(), route.relayTo, address);
            return undefined;
          }
          return message.type === 'join'
            ? options.liveRooms.join(message, connection, { address, signal: gone.signal })
            : options.liveRooms.resume(message, connection);
        });
        entering
          .then((result) => {
            if (!result) return;
            joined = result;
            // The socket may have closed while the request was in flight. A page that never got
            // its `joined` has no token to resume with; one that resumed may try again.
            if (!connection.isClosed) return;
            if (message.type === 'join') void result.session.leave(result.participant);
            else result.session.connectionLost(result.participant, connection);
          })
          .catch((error: unknown) => {
            connection.fail(error);
            // This node may have claimed the room for this page alone.
            if (roomId !== undefined) void options.liveRooms.releaseIfIdle(roomId);
          });
        return;
      }
      if (!joined && joining && message.type === 'leave') {
        // A guest giving up on the waiting room.
        gone.abort();
        connection.close();
        return;
      }
      if (!joined) {
        connection.send({ type: 'error', code: 'bad_request', message: 'Join first', fatal: false });
        return;
      }
      const { session, participant } = joined;
      if (session.isStaleMedia(participant, message)) return;
      const acknowledge = (requestId: string | undefined) => (): void => {
        if (requestId !== undefined) connection.send({ type: 'ack', requestId });
      };
      const handle = (work: Promise<unknown>, requestId?: string): void => {
        work.catch((error: unknown) => {
          // A refused chat message is the sender's business, not a fault worth a warning.
          const level = error instanceof ParleyError ? 'info' : 'warn';
          app.log[level]({ err: error, participantId: participant.id, message: message.type }, 'signaling request failed');
          connection.send({ type: 'error', ...describe(error), fatal: false, ...(requestId !== undefined ? { requestId } : {}) });
        });
      };
      switch (message.type) {
        case 'publish':
          handle(session.publish(participant, message).then((sdp) => connection.send({ type: 'publisher-answer', sdp })), message.requestId);
          break;
        case 'subscriber-answer':
          handle(participant.subscriber.answer(message.sdp));
          break;
        case 'trickle':
          handle(participant.trickle(message.pc, message.candidate));
          break;
        case 'media-state':
          handle(Promise.resolve().then(() => session.updateMediaState(participant, message)));
          break;
        case 'leave':
          handle(session.leave(participant).then(() => connection.close()));
          break;
        case 'chat-send':
          handle(session.sendChat(participant, message.text, message.requestId), message.requestId);
          break;
        case 'subscriber-ice-restart':
          handle(participant.subscriber.restartIce());
          break;
        case 'set-lock':
          handle(session.setLocked(participant, message.locked));
          break;
        case 'admit':
        case 'deny':
          handle(options.liveRooms.answerWaiting(session, participant, message.waitingIds, message.type === 'admit'));
          break;
        case 'media-reconnect-ack':
          session.mediaReconnectAcknowledged(participant);
          break;
        case 'video-view':
          session.setVideoView(participant, message.tiles);
          break;
        case 'end-meeting':
          handle(options.liveRooms.endMeeting(session, participant), message.requestId);
          break;
        case 'start-recording':
        case 'stop-recording':
          handle(session.setRecording(participant, message.type === 'start-recording').then(acknowledge(message.requestId)), message.requestId);
          break;
        case 'set-runtime-status':
        case 'ask-question':
        case 'answer-question':
        case 'dismiss-question':
          handle(session.handleWebinar(participant, message).then(acknowledge(message.requestId)), message.requestId);
          break;
        case 'set-captions':
          handle(session.captions.set(participant.info, message.active).then(acknowledge(message.requestId)), message.requestId);
          break;
        default:
          // Hands, reactions and moderation: carried out, then acknowledged to the page that asked.
          handle(session.controls.handle(participant, message).then(acknowledge(message.requestId)), message.requestId);
      }
    });

    socket.on('close', () => {
      clearTimeout(joinTimer);
      stopWatching();
      connection.markClosed();
      gone.abort();
      relayed?.pageClosed();
      if (joined) joined.session.connectionLost(joined.participant, connection);
    });
  });
}

class SocketConnection implements ParticipantConnection {
  private closed = false;

  constructor(private readonly socket: WebSocket) {}

  get isClosed(): boolean {
    return this.closed;
  }

  markClosed(): void {
    this.closed = true;
  }

  send(message: ServerMessage): void {
    if (!this.closed && this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }

  close(): void {
    if (!this.closed) this.socket.close(1000);
  }

  /** Tells the page why it cannot go on, then closes. */
  fail(error: unknown): void {
    this.send({ type: 'error', ...describe(error), fatal: true });
    this.close();
  }
}

function describe(error: unknown): Pick<Extract<ServerMessage, { type: 'error' }>, 'code' | 'message'> {
  if (error instanceof ParleyError) return { code: error.code, message: error.message };
  return { code: 'internal', message: 'Something went wrong on the server' };
}
