import { ERROR_CODES, type ErrorCode } from '@parley/protocol';

/**
 * An error the domain raises on purpose. It carries a code from the one error table; each façade turns
 * it into its own wire format. `details` are human-readable specifics (a Vonage `errors` array, say).
 */
export class ParleyError extends Error {
  override name = 'ParleyError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown[],
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  static validation(message: string, details?: unknown[]): ParleyError {
    return new ParleyError('validation_failed', message, details);
  }
  static notFound(message: string): ParleyError {
    return new ParleyError('not_found', message);
  }
  static badRequest(message: string, details?: unknown[]): ParleyError {
    return new ParleyError('bad_request', message, details);
  }
  static conflict(message: string): ParleyError {
    return new ParleyError('conflict', message);
  }
  static unauthorized(message: string): ParleyError {
    return new ParleyError('unauthorized', message);
  }
  static forbidden(message: string): ParleyError {
    return new ParleyError('forbidden', message);
  }
  static rateLimited(message: string): ParleyError {
    return new ParleyError('rate_limited', message);
  }
}
