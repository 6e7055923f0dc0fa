// janode ships no types; these cover the part of its surface Parley uses (connection, session, handle).
declare module 'janode' {
  import type { EventEmitter } from 'node:events';

  export interface JanusMessage {
    janus: string;
    transaction?: string;
    plugindata?: { plugin: string; data: Record<string, unknown> };
    jsep?: { type: 'offer' | 'answer'; sdp: string };
    [key: string]: unknown;
  }

  export interface JanodeHandle extends EventEmitter {
    id: number;
    message(body: Record<string, unknown>, jsep?: { type: string; sdp: string }): Promise<JanusMessage>;
    trickle(candidate: { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null }): Promise<unknown>;
    trickleComplete(): Promise<unknown>;
    detach(): Promise<void>;
  }

  export interface JanodeSession extends EventEmitter {
    id: number;
    attach(plugin: { id?: string; Handle?: unknown }): Promise<JanodeHandle>;
    destroy(): Promise<void>;
  }

  export interface JanodeConnection extends EventEmitter {
    create(keepAliveSeconds?: number): Promise<JanodeSession>;
    getInfo(): Promise<Record<string, unknown>>;
    close(): Promise<void>;
  }

  interface Janode {
    connect(config: {
      address: { url: string; apisecret?: string } | { url: string; apisecret?: string }[];
      retry_time_secs?: number;
      max_retries?: number;
      is_admin?: boolean;
    }): Promise<JanodeConnection>;
    EVENT: Record<string, string>;
    Logger: { setLevel(level: 'none' | 'error' | 'warning' | 'info' | 'verbose' | 'debug'): unknown };
  }
  const janode: Janode;
  export default janode;
}

declare module 'janode/plugins/videoroom' {
  const plugin: { id: string; Handle: unknown; EVENT: { VIDEOROOM_TALKING: string } & Record<string, string> };
  export default plugin;
}
