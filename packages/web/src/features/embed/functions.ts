import { ERROR_CODES, EMBED_COMMANDS, EMBED_PROTOCOL_VERSION, type EmbedCommand, type EmbedCommandName, type EmbedError, type EmbedErrorCode } from '@parley/protocol';

/** The URL parameter that pins the one origin the page talks to when framed. */
export const EMBED_ORIGIN_PARAM = 'embed_origin';

/**
 * The host page's origin pinned by `?embed_origin=`: `null` when none is (events then go to any
 * parent), `invalid` when the value is no origin (the page then talks to no parent at all: a typo must
 * not open it to every site). A trailing slash is forgiven; a path is not.
 */
export function embedOriginOf(search: string): string | null | 'invalid' {
  const value = new URLSearchParams(search).get(EMBED_ORIGIN_PARAM);
  if (value === null || value === '') return null;
  let origin: string;
  try {
    origin = new URL(value).origin;
  } catch {
    return 'invalid';
  }
  return origin !== 'null' && value.replace(/\/$/, '') === origin ? origin : 'invalid';
}

/** A message posted to the page, as far as the embedding protocol is concerned. */
export type ReceivedMessage =
  /** Not Parley's (no `parley` field), or not a command: someone else's business. */
  | { kind: 'ignored' }
  | { kind: 'command'; command: EmbedCommand; requestId: string | undefined }
  /** Meant for Parley but unusable: answered with this error. */
  | { kind: 'refused'; command: EmbedCommandName | null; requestId: string | undefined; error: EmbedError };

const REQUEST_ID_MAX_LENGTH = 64;

export function receivedMessageOf(data: unknown): ReceivedMessage {
  if (typeof data !== 'object' || data === null || !('parley' in data)) return { kind: 'ignored' };
  const message = data as Record<string, unknown>;
  const requestId = typeof message.requestId === 'string' && message.requestId.length <= REQUEST_ID_MAX_LENGTH ? message.requestId : undefined;
  const command = EMBED_COMMANDS.find((name) => name === message.command) ?? null;
  const refuse = (code: EmbedErrorCode, text: string): ReceivedMessage => ({ kind: 'refused', command, requestId, error: { code, message: text } });
  if (message.parley !== EMBED_PROTOCOL_VERSION) {
    return message.type === 'command' ? refuse('unsupported_version', `This page speaks version ${EMBED_PROTOCOL_VERSION} of the embedding protocol`) : { kind: 'ignored' };
  }
  if (message.type !== 'command') return { kind: 'ignored' };
  if (message.requestId !== undefined && requestId === undefined) {
    return refuse('bad_command', `requestId must be a string of at most ${REQUEST_ID_MAX_LENGTH} characters`);
  }
  if (command === null) return refuse('bad_command', `Unknown command; the commands are ${EMBED_COMMANDS.join(', ')}`);
  switch (command) {
    case 'send-chat':
      return typeof message.text === 'string' ? { kind: 'command', command: { command, text: message.text }, requestId } : refuse('bad_command', 'send-chat needs text');
    case 'set-display-name':
      return typeof message.displayName === 'string'
        ? { kind: 'command', command: { command, displayName: message.displayName }, requestId }
        : refuse('bad_command', 'set-display-name needs a displayName');
    default:
      return { kind: 'command', command: { command }, requestId };
  }
}

/** An embedding command the page refuses on its own (rather than the SDK or the server). */
export class EmbedCommandError extends Error {
  override name = 'EmbedCommandError';
  constructor(
    readonly code: EmbedErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const PAGE_CODES: readonly string[] = ['bad_command', 'unsupported_version', 'not_available', 'device_unavailable', 'connection_lost', 'media_failed'];

/** What the host page is told of a command that failed: the SDK's or the server's code and message, as they are. */
export function embedErrorOf(error: unknown): EmbedError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  return Object.hasOwn(ERROR_CODES, code) || PAGE_CODES.includes(code) ? { code: code as EmbedErrorCode, message } : { code: 'internal', message };
}
