import type { FastifyReply, FastifyRequest } from 'fastify';
import { LogoUploadRefusal, type LogoUploadRefusalReason } from '../../themes/logo-upload-refusal.js';

/**
 * Refusals of the upload target in the format of S3, which the SDKs' upload code was written against:
 * `<Error><Code>…</Code><Message>…</Message></Error>` as `application/xml`. The Node SDK, for one,
 * shows the caller `Error.Message`.
 */

const S3_ERRORS: Record<LogoUploadRefusalReason, { status: number; code: string }> = {
  malformed_upload: { status: 400, code: 'MalformedPOSTRequest' },
  invalid_argument: { status: 400, code: 'InvalidArgument' },
  signature_mismatch: { status: 403, code: 'SignatureDoesNotMatch' },
  access_denied: { status: 403, code: 'AccessDenied' },
  too_large: { status: 400, code: 'EntityTooLarge' },
  too_small: { status: 400, code: 'EntityTooSmall' },
};

interface S3Error {
  status: number;
  code: string;
  message: string;
}

function s3ErrorOf(error: unknown): S3Error {
  if (error instanceof LogoUploadRefusal) return { ...S3_ERRORS[error.reason], message: error.message };
  const status = (error as { statusCode?: unknown }).statusCode;
  if (status === 413) return { status: 400, code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size.' };
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status: 400, code: 'InvalidRequest', message: (error as Error).message };
  }
  return { status: 500, code: 'InternalError', message: 'We encountered an internal error. Please try again.' };
}

/** Element text needs only these three escaped; quotes stay as they are, readable to any parser. */
function escapeXmlText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function sendS3Error(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const { status, code, message } = s3ErrorOf(error);
  if (status >= 500) request.log.error({ err: error, url: request.url }, 'logo upload failed');
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXmlText(message)}</Message></Error>`;
  return reply.code(status).type('application/xml').send(body);
}
