import { EMBED_PROTOCOL_VERSION, type EmbedCommand, type EmbedCommandName, type EmbedError, type EmbedEvents, type EmbedOutgoingMessage } from '@parley/protocol';
import { embedErrorOf, embedOriginOf, receivedMessageOf } from './functions';

/** What the page can do for each command on the screen it shows now; a command without one is `not_available`. */
export type EmbedCommandHandlers = {
  [C in EmbedCommand as C['command']]?: (command: C) => Promise<void> | void;
};

/**
 * The page's link to the page that frames it (docs/embed.md): events and command results go to the
 * parent window only, to the pinned origin when there is one; commands are taken from the parent window
 * only, and from the pinned origin only when there is one.
 */
export class ParentChannel {
  /** Each screen's source of handlers, newest first. */
  private sources: (() => EmbedCommandHandlers | null)[] = [];
  private readySent = false;

  private constructor(
    private readonly parent: Window,
    /** `*` when no origin is pinned. */
    private readonly targetOrigin: string,
  ) {}

  /** The channel of a framed page; `null` for a page not in a frame, or framed with an `embed_origin` that is no origin. */
  static connect(page: Window): ParentChannel | null {
    if (page.parent === page) return null;
    const pinned = embedOriginOf(page.location.search);
    if (pinned === 'invalid') {
      console.warn('[parley] embed_origin is not an origin (like https://app.example.com): this page will not talk to the page that frames it');
      return null;
    }
    const channel = new ParentChannel(page.parent, pinned ?? '*');
    page.addEventListener('message', (event) => {
      if (event.source !== page.parent || (pinned !== null && event.origin !== pinned)) return;
      void channel.receive(event.data);
    });
    return channel;
  }

  event<E extends keyof EmbedEvents>(event: E, data: EmbedEvents[E]): void {
    this.post({ parley: EMBED_PROTOCOL_VERSION, type: 'event', event, data } as EmbedOutgoingMessage);
  }

  /**
   * Has the handlers `source` returns carry out commands, until the returned function is called. When
   * screens nest (the meeting inside the session), the newest one that returns handlers has them. The
   * first source makes the page `ready`.
   */
  handleCommands(source: () => EmbedCommandHandlers | null): () => void {
    this.sources = [source, ...this.sources];
    if (!this.readySent) {
      this.readySent = true;
      this.event('ready', { version: EMBED_PROTOCOL_VERSION });
    }
    return () => {
      this.sources = this.sources.filter((s) => s !== source);
    };
  }

  private async receive(data: unknown): Promise<void> {
    const received = receivedMessageOf(data);
    if (received.kind === 'ignored') return;
    const answer = { command: received.kind === 'command' ? received.command.command : received.command, requestId: received.requestId };
    if (received.kind === 'refused') {
      this.result(answer, received.error);
      return;
    }
    const handlers = this.sources.map((source) => source()).find((h) => h !== null);
    const handler = handlers?.[received.command.command] as ((command: EmbedCommand) => Promise<void> | void) | undefined;
    if (!handler) {
      this.result(answer, { code: 'not_available', message: `${received.command.command} is not available on the screen the page shows now` });
      return;
    }
    try {
      await handler(received.command);
      this.result(answer);
    } catch (error) {
      this.result(answer, embedErrorOf(error));
    }
  }

  private result({ command, requestId }: { command: EmbedCommandName | null; requestId: string | undefined }, error?: EmbedError): void {
    this.post({
      parley: EMBED_PROTOCOL_VERSION,
      type: 'result',
      command,
      ...(requestId === undefined ? {} : { requestId }),
      ...(error ? { ok: false, error } : { ok: true }),
    });
  }

  private post(message: EmbedOutgoingMessage): void {
    this.parent.postMessage(message, this.targetOrigin);
  }
}
