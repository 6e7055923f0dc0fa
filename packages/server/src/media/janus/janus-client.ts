import Janode, { type JanodeConnection, type JanodeHandle, type JanodeSession, type JanusMessage } from 'janode';
import VideoRoomPlugin from 'janode/plugins/videoroom';
import { ParleyError } from '../../errors.js';

// Parley logs Janus events itself, with context; janode's own console logging would only duplicate them.
Janode.Logger.setLevel('none');

/**
 * The one place Parley talks to Janus through janode. janode has no request timeout of its own, so
 * every request here races a timer; a VideoRoom error answer becomes an exception naming the request.
 */
export class JanusClient {
  private constructor(
    private readonly connection: JanodeConnection,
    private readonly session: JanodeSession,
    readonly timeoutMs: number,
    /** The address Janus is reached at (its URL's host): where other Janus servers send it RTP. */
    readonly host: string,
  ) {}

  static async connect(url: string, timeoutMs: number): Promise<JanusClient> {
    const connection = await withTimeout(Janode.connect({ address: { url }, retry_time_secs: 1, max_retries: 1 }), timeoutMs, 'connect to Janus');
    try {
      const session = await withTimeout(connection.create(15), timeoutMs, 'create Janus session');
      return new JanusClient(connection, session, timeoutMs, new URL(url).hostname.replace(/^\[(.*)\]$/, '$1'));
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw error;
    }
  }

  /** Calls `listener` once if the connection to Janus closes or fails. */
  onClosed(listener: (reason: string) => void): void {
    let fired = false;
    const fire = (reason: string): void => {
      if (fired) return;
      fired = true;
      listener(reason);
    };
    this.connection.once('connection_closed', () => fire('connection closed'));
    this.connection.once('connection_error', (error: Error) => fire(error.message));
    this.session.once('session_destroyed', () => fire('session destroyed'));
  }

  /** Asks Janus for its `info`: a Janus that does not answer in time is as good as dead. */
  async ping(timeoutMs: number): Promise<void> {
    await withTimeout(this.connection.getInfo(), timeoutMs, 'ping Janus');
  }

  async attachVideoRoom(): Promise<JanodeHandle> {
    return withTimeout(this.session.attach(VideoRoomPlugin), this.timeoutMs, 'attach to the VideoRoom plugin');
  }

  /** Sends a VideoRoom request and returns Janus's answer; a VideoRoom `error` answer throws. */
  async request(handle: JanodeHandle, body: Record<string, unknown>, jsep?: { type: string; sdp: string }): Promise<JanusMessage> {
    const what = `VideoRoom ${String(body.request)}`;
    let answer: JanusMessage;
    try {
      answer = await withTimeout(handle.message(body, jsep), this.timeoutMs, what);
    } catch (error) {
      if (error instanceof ParleyError) throw error;
      throw new ParleyError('media_unavailable', `${what} failed: ${(error as Error).message}`);
    }
    const data = answer.plugindata?.data;
    if (data && typeof data.error === 'string') {
      throw new ParleyError('media_unavailable', `${what} failed: ${String(data.error_code)} ${data.error}`);
    }
    return answer;
  }

  /** Releases a handle; a Janus that does not answer in time has lost it anyway. */
  async detach(handle: JanodeHandle): Promise<void> {
    await withTimeout(handle.detach(), this.timeoutMs, 'detach handle').catch(() => undefined);
  }

  /** Relays a browser's ICE candidate to the handle; `null` says gathering is complete. */
  async trickle(handle: JanodeHandle, candidate: { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null } | null): Promise<void> {
    if (candidate === null) await withTimeout(handle.trickleComplete(), this.timeoutMs, 'trickle complete');
    else await withTimeout(handle.trickle(candidate), this.timeoutMs, 'trickle');
  }

  async close(): Promise<void> {
    await withTimeout(this.session.destroy(), this.timeoutMs, 'destroy Janus session').catch(() => undefined);
    await withTimeout(this.connection.close(), this.timeoutMs, 'close Janus connection').catch(() => undefined);
  }
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ParleyError('timeout', `${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
