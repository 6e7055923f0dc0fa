import type { ErrorCode } from '@parley/protocol';

/** `screen_share_cancelled`: the user closed the browser's screen picker without choosing. */
export type ClientErrorCode = ErrorCode | 'connection_lost' | 'media_failed' | 'screen_share_cancelled' | 'cancelled';

/** Every error the SDK raises: a code to branch on, and a message for logs. */
export class ParleyClientError extends Error {
  override name = 'ParleyClientError';
  constructor(
    readonly code: ClientErrorCode,
    message: string,
  ) {
    super(message);
  }

  static connectionLost(message = 'The connection to the server was lost'): ParleyClientError {
    return new ParleyClientError('connection_lost', message);
  }

  /** The caller gave up (aborted its `signal`). */
  static cancelled(): ParleyClientError {
    return new ParleyClientError('cancelled', 'Joining was cancelled');
  }
}
