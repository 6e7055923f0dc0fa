import {
  HEARTBEAT_INTERVAL_MS,
  HEARTBEAT_TIMEOUT_MS,
  RECONNECT_GRACE_MS,
  type ClientMessage,
  type ResumedEvent,
  type ServerMessage,
} from '@parley/protocol';
import { ParleyClientError } from './client-error.js';
import { SignalingSocket } from './signaling-socket.js';

/** @internal What the room hears from its signaling connection. */
export interface SignalingListener {
  message(message: ServerMessage): void;
  /** The connection dropped; until `resumed`, whatever is sent is lost. */
  reconnecting(): void;
  /** Back, as the same participant: `state` is the session as it is now. */
  resumed(state: ResumedEvent): void;
  /** No way back: the server gave the place up, or could not be reached for too long. */
  failed(error: ParleyClientError): void;
}

/** Where and as whom to resume. */
export interface ResumeTarget {
  /**
   * The nodes to resume on, the one the page is on first, then the others the server named
   * (`NodeUrls`): whichever takes the meeting (over) first.
   */
  serverUrls: string[];
  meetingCode: string;
  resumeToken: string;
}

/** `urls` in order, each once (whatever its trailing slash). */
export function distinctUrls(urls: readonly string[]): string[] {
  return [...new Set(urls.map((url) => url.replace(/\/+$/, '')))];
}

const CONNECT_TIMEOUT_MS = 5_000;
const RESUME_ANSWER_TIMEOUT_MS = 10_000;
/**
 * Waits between attempts: doubling, up to the last. Short enough that a meeting whose node died is
 * back within seconds of another node (or the same one, restarted) listening.
 */
const RETRY_DELAYS_MS = [500, 1_000, 2_000, 3_000];
/**
 * Past this since the drop, the server has surely given the place up (it notices a silent drop within
 * seconds, then waits `RECONNECT_GRACE_MS`): stop trying and say so.
 */
const GIVE_UP_AFTER_MS = 2 * RECONNECT_GRACE_MS;

/**
 * @internal The signaling connection of a joined participant, kept alive across drops. A heartbeat
 * notices a connection that died silently (a sleeping laptop, a network that vanished without a
 * reset); then it reconnects with backoff and resumes the same participant with their resume token,
 * on its node first, then on each other node in turn (the node may have died, or be draining).
 */
export class ReconnectingSignaling {
  private socket: SignalingSocket | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  /** When the unanswered ping went out; `undefined` once the server was heard from since. */
  private pingSentAt: number | undefined;
  private droppedAt = 0;
  private attempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  /** Where to resume, the current node first. */
  private urls: string[];
  /** Which of `urls` the next attempt goes to (round and round). */
  private nextUrl = 0;

  constructor(
    socket: SignalingSocket,
    private readonly target: ResumeTarget,
    private readonly listener: SignalingListener,
  ) {
    this.urls = distinctUrls(target.serverUrls);
    this.adopt(socket);
    globalThis.addEventListener?.('online', this.retryNow);
  }

  /** Whether messages reach the server now. */
  get connected(): boolean {
    return this.socket !== undefined;
  }

  /** Sends when connected; while reconnecting the message is dropped (the resume brings state back). */
  send(message: ClientMessage): void {
    this.socket?.send(message);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    globalThis.removeEventListener?.('online', this.retryNow);
    clearInterval(this.heartbeat);
    clearTimeout(this.retryTimer);
    this.socket?.close();
    this.socket = undefined;
  }

  private adopt(socket: SignalingSocket): void {
    this.socket = socket;
    this.pingSentAt = undefined;
    socket.onMessage((message) => {
      this.pingSentAt = undefined;
      // The node hands the meeting over: resume at once, elsewhere first.
      if (message.type === 'node-draining') this.dropped({ elsewhereFirst: true });
      else if (message.type !== 'pong') this.listener.message(message);
    });
    socket.onClose(() => this.dropped());
    clearInterval(this.heartbeat);
    // Silence is judged from the ping, not from the last message: a background tab's timers may
    // fire a minute late, and that must not pass for a dead connection.
    this.heartbeat = setInterval(() => {
      if (this.pingSentAt === undefined) {
        this.pingSentAt = Date.now();
        socket.send({ type: 'ping' });
      } else if (Date.now() - this.pingSentAt > HEARTBEAT_TIMEOUT_MS) {
        this.dropped();
      }
    }, HEARTBEAT_INTERVAL_MS);
  }

  private dropped(options: { elsewhereFirst?: boolean } = {}): void {
    if (this.closed || !this.socket) return;
    clearInterval(this.heartbeat);
    this.socket.close();
    this.socket = undefined;
    this.droppedAt = Date.now();
    this.attempts = 0;
    this.nextUrl = options.elsewhereFirst && this.urls.length > 1 ? 1 : 0;
    this.listener.reconnecting();
    this.scheduleAttempt(0);
  }

  private scheduleAttempt(delayMs: number): void {
    if (this.closed) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.attempt(), delayMs);
  }

  /** The next wait, with jitter so that a room's pages do not all come back at the same instant. */
  private nextDelay(): number {
    const base = RETRY_DELAYS_MS[Math.min(this.attempts - 1, RETRY_DELAYS_MS.length - 1)]!;
    return base * (0.75 + Math.random() * 0.5);
  }

  /** The network came back: try at once rather than at the end of the current wait. */
  private readonly retryNow = (): void => {
    if (!this.closed && !this.socket && this.retryTimer !== undefined) this.scheduleAttempt(0);
  };

  private attempt(): void {
    this.retryTimer = undefined;
    if (this.closed) return;
    if (Date.now() - this.droppedAt > GIVE_UP_AFTER_MS) {
      this.fail(ParleyClientError.connectionLost('The server could not be reached again in time'));
      return;
    }
    this.attempts++;
    const url = this.urls[this.nextUrl % this.urls.length]!;
    this.nextUrl++;
    const retry = (): void => this.scheduleAttempt(this.nextDelay());
    SignalingSocket.open(url, CONNECT_TIMEOUT_MS).then((socket) => {
      if (this.closed) {
        socket.close();
        return;
      }
      const timer = setTimeout(() => {
        socket.close();
        retry();
      }, RESUME_ANSWER_TIMEOUT_MS);
      socket.onMessage((message) => {
        if (message.type === 'resumed') {
          clearTimeout(timer);
          // This node is the page's node now (the first of `nodeUrls`, reached by `url`): the next drop
          // tries it first, then the others it names.
          this.urls = distinctUrls([url, ...message.nodeUrls.slice(1)]);
          // In this very callback: whatever the server sends next arrives on the adopted socket.
          this.adopt(socket);
          this.listener.resumed(message);
        } else if (message.type === 'error' && message.code === 'try_again') {
          // This node cannot take the meeting just now (it drains, or another is taking it over): the
          // socket closes, and the next attempt goes to the next node.
        } else if (message.type === 'error' && message.fatal) {
          clearTimeout(timer);
          socket.close();
          this.fail(new ParleyClientError(message.code, message.message));
        }
      });
      socket.onClose(() => {
        clearTimeout(timer);
        retry();
      });
      socket.send({ type: 'resume', meetingCode: this.target.meetingCode, resumeToken: this.target.resumeToken });
    }, retry);
  }

  private fail(error: ParleyClientError): void {
    this.close();
    this.listener.failed(error);
  }
}
