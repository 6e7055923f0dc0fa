import type { ErrorCode } from '@parley/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ParleyError } from '../../errors.js';

/**
 * RingCentral's error body for its REST APIs: the platform's `errors` list (spec §2.4) and, for the
 * clients that read only the top level, the first error's `errorCode` and `message` there too (both
 * SDKs build their exception message from `message`).
 */
export interface RingCentralErrorBody {
  errorCode: string;
  message: string;
  errors: { errorCode: string; message: string; parameterName?: string }[];
}

/** RingCentral's logical code for each of Parley's error codes, where RingCentral has one (the rest are 500s). */
const ERROR_CODES: Partial<Record<ErrorCode, string>> = {
  validation_failed: 'CMN-101',
  bad_request: 'CMN-101',
  unauthorized: 'OAU-123',
  forbidden: 'CMN-408',
  not_found: 'CMN-102',
  conflict: 'CMN-409',
  payload_too_large: 'CMN-101',
  rate_limited: 'CMN-301',
};

/** A refusal RingCentral's way, with the parameter it is about. */
export class RingCentralRefusal extends Error {
  override name = 'RingCentralRefusal';
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly parameterName?: string,
  ) {
    super(message);
  }

  static invalidParameter(parameterName: string): RingCentralRefusal {
    return new RingCentralRefusal(400, 'CMN-101', `Parameter [${parameterName}] value is invalid.`, parameterName);
  }
}

export function sendRingCentralError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const refusal = refusalOf(error);
  if (!refusal) {
    request.log.error({ err: error, url: request.url }, 'RingCentral API request failed');
    return reply.code(500).type('application/json').send(bodyOf(new RingCentralRefusal(500, 'CMN-500', 'Internal server error')));
  }
  if (refusal.status === 401) reply.header('www-authenticate', 'Bearer realm="Parley"');
  return reply.code(refusal.status).type('application/json').send(bodyOf(refusal));
}

function bodyOf(refusal: RingCentralRefusal): RingCentralErrorBody {
  const detail = { errorCode: refusal.errorCode, message: refusal.message, ...(refusal.parameterName !== undefined ? { parameterName: refusal.parameterName } : {}) };
  return { errorCode: refusal.errorCode, message: refusal.message, errors: [detail] };
}

function refusalOf(error: unknown): RingCentralRefusal | undefined {
  if (error instanceof RingCentralRefusal) return error;
  if (error instanceof ParleyError) {
    const errorCode = ERROR_CODES[error.code];
    if (errorCode === undefined || error.status >= 500) return undefined;
    // A domain refusal about one field names it in `details` (webinars/webinar.ts `invalidParameter`),
    // and one with RingCentral's own code of it (a subscription's SUB-…) says that too.
    const detail = error.details?.[0] as { parameterName?: unknown; errorCode?: unknown } | undefined;
    const parameterName = typeof detail?.parameterName === 'string' ? detail.parameterName : undefined;
    return new RingCentralRefusal(error.status, typeof detail?.errorCode === 'string' ? detail.errorCode : errorCode, error.message, parameterName);
  }
  if (!(error instanceof Error)) return undefined;
  const validation = (error as { validation?: { instancePath?: string; params?: { missingProperty?: string } }[] }).validation;
  if (validation?.[0]) {
    const { instancePath = '', params } = validation[0];
    const path = [...instancePath.split('/').filter((s) => s !== ''), ...(params?.missingProperty ? [params.missingProperty] : [])];
    return RingCentralRefusal.invalidParameter(path.join('.') || 'body');
  }
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY') return new RingCentralRefusal(400, 'CMN-103', "JSON can't be parsed.");
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return new RingCentralRefusal(status, 'CMN-101', error.message);
  return undefined;
}

/** Makes every answer of this context a RingCentral one: refusals, validation failures, unknown routes. */
export function installRingCentralErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => sendRingCentralError(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendRingCentralError(request, reply, new RingCentralRefusal(404, 'CMN-102', `Resource for parameter [path] is not found: ${request.method} ${request.url.split('?')[0]}`)),
  );
}

/**
 * JSON bodies, where an empty or missing one is an empty object: `@ringcentral/sdk` says
 * `Content-Type: application/json` on every request, also a create with nothing to say
 * (`platform.post(url)`), which RingCentral answers with an Instant bridge.
 */
export function acceptEmptyJsonBodies(app: FastifyInstance, bodyLimit: number): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new RingCentralRefusal(400, 'CMN-103', "JSON can't be parsed."), undefined);
    }
  });
  app.addHook('preValidation', async (request) => {
    if (request.method === 'POST' || request.method === 'PATCH') request.body ??= {};
  });
}
