import type { ErrorCode } from '@parley/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ParleyError } from '../../errors.js';

/** The Meetings service's own error body. */
export interface VonageErrorBody {
  message: string;
  name: string;
  status: number;
  errors?: unknown[];
}

/** The Vonage API gateway's body, which is what a caller without valid credentials got. */
export interface VonageGatewayErrorBody {
  title: string;
  detail: string;
}

export interface RenderedVonageError {
  status: number;
  body: VonageErrorBody | VonageGatewayErrorBody;
  /** The cause is a fault of ours, kept out of the answer and logged instead. */
  internal: boolean;
}

/** Every Parley error code has a Vonage name: adding a code without one fails to compile. */
const NAMES: Record<ErrorCode, string> = {
  validation_failed: 'InputValidationError',
  bad_request: 'BadRequestError',
  unauthorized: 'UnauthorizedError',
  forbidden: 'ForbiddenError',
  not_found: 'NotFoundError',
  conflict: 'ConflictError',
  payload_too_large: 'PayloadTooLargeError',
  rate_limited: 'TooManyRequestsError',
  room_unavailable: 'GoneError',
  room_locked: 'LockedError',
  password_required: 'UnauthorizedError',
  password_incorrect: 'UnauthorizedError',
  sign_in_required: 'UnauthorizedError',
  admission_denied: 'ForbiddenError',
  room_full: 'ForbiddenError',
  presenter_limit_reached: 'ForbiddenError',
  screen_share_busy: 'ConflictError',
  chat_unavailable: 'ForbiddenError',
  recording_unavailable: 'ForbiddenError',
  captions_unavailable: 'ForbiddenError',
  speech_recognizer_unavailable: 'ServiceUnavailableError',
  participant_blocked: 'ForbiddenError',
  media_moderated: 'ForbiddenError',
  media_unavailable: 'ServiceUnavailableError',
  resume_expired: 'GoneError',
  try_again: 'ServiceUnavailableError',
  timeout: 'GatewayTimeoutError',
  internal: 'InternalServerError',
};

const NAMES_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'BadRequestError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  405: 'MethodNotAllowedError',
  409: 'ConflictError',
  413: 'PayloadTooLargeError',
  415: 'UnsupportedMediaTypeError',
  429: 'TooManyRequestsError',
};

/** Fastify's body-parser refusals that Vonage answered as input validation failures. */
const UNPARSABLE_BODY: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: '"value" must be valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: '"value" must be of type object',
};

/** Turns anything thrown while answering a Meetings API call into the answer Vonage would give. */
export function renderVonageError(error: unknown): RenderedVonageError {
  if (error instanceof ParleyError) {
    if (error.code === 'unauthorized') {
      return { status: 401, body: { title: 'Unauthorized', detail: error.message }, internal: false };
    }
    if (error.status >= 500) return internalError(error.status);
    const body: VonageErrorBody = { message: error.message, name: NAMES[error.code], status: error.status };
    if (error.details && error.details.length > 0) body.errors = error.details;
    return { status: error.status, body, internal: false };
  }
  const status = httpStatusOf(error);
  if (status !== undefined && status >= 400 && status < 500) {
    const code = (error as { code?: unknown }).code;
    const unparsable = typeof code === 'string' ? UNPARSABLE_BODY[code] : undefined;
    if (unparsable) return { status: 400, body: { message: unparsable, name: 'InputValidationError', status: 400 }, internal: false };
    const message = error instanceof Error ? error.message : 'Bad request';
    return { status, body: { message, name: NAMES_BY_STATUS[status] ?? 'BadRequestError', status }, internal: false };
  }
  return internalError(status !== undefined && status >= 500 && status < 600 ? status : 500);
}

function internalError(status: number): RenderedVonageError {
  const name = status === 503 ? 'ServiceUnavailableError' : status === 504 ? 'GatewayTimeoutError' : 'InternalServerError';
  return { status, body: { message: 'Internal server error', name, status }, internal: true };
}

function httpStatusOf(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && Number.isInteger(status) ? status : undefined;
}

export function sendVonageError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const rendered = renderVonageError(error);
  if (rendered.internal) request.log.error({ err: error, url: request.url }, 'Meetings API request failed');
  if (rendered.status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(rendered.status).type('application/json').send(rendered.body);
}

/**
 * Makes every answer of this Fastify context a Vonage one: errors, validation failures, unparsable
 * bodies and unknown routes alike, always as `application/json`.
 */
export function installVonageErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => sendVonageError(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendVonageError(request, reply, ParleyError.notFound(`Route ${request.method} ${request.url.split('?')[0]} was not found`)),
  );
}
