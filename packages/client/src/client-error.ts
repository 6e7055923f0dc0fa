import type { ErrorCode } from '@parley/protocol';

export type ClientErrorCode = ErrorCode | 'connection_lost' | 'media_failed' | 'cancelled';

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
