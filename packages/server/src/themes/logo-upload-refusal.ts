import type { ErrorCode } from '@parley/protocol';
import { ParleyError } from '../errors.js';

/**
 * Why an upload to a logo upload target was refused. Clients of the upload target were written for S3
 * presigned POSTs, so the upload façade answers each reason with the S3 error code a client expects;
 * the messages are S3's where S3 has one.
 */
export type LogoUploadRefusalReason =
  | 'malformed_upload'
  | 'invalid_argument'
  | 'signature_mismatch'
  | 'access_denied'
  | 'too_large'
  | 'too_small';

const CODES: Record<LogoUploadRefusalReason, ErrorCode> = {
  malformed_upload: 'bad_request',
  invalid_argument: 'bad_request',
  signature_mismatch: 'forbidden',
  access_denied: 'forbidden',
  too_large: 'payload_too_large',
  too_small: 'bad_request',
};

export class LogoUploadRefusal extends ParleyError {
  constructor(
    readonly reason: LogoUploadRefusalReason,
    message: string,
  ) {
    super(CODES[reason], message);
  }

  static missingField(name: string): LogoUploadRefusal {
    return new LogoUploadRefusal(
      'invalid_argument',
      `Bucket POST must contain a field named '${name}'. If it is specified, please check the order of the fields: every field of the upload target comes before the file.`,
    );
  }
  static fileCount(): LogoUploadRefusal {
    return new LogoUploadRefusal('invalid_argument', 'POST requires exactly one file upload per request, in a part named file.');
  }
  static badSignature(): LogoUploadRefusal {
    return new LogoUploadRefusal('signature_mismatch', 'The request signature we calculated does not match the signature you provided.');
  }
  static policyExpired(): LogoUploadRefusal {
    return new LogoUploadRefusal('access_denied', 'Invalid according to Policy: Policy expired.');
  }
  /** `condition` as S3 quotes it, e.g. `["eq", "$key", "auto-expiring-temp/logos/white/…"]`. */
  static conditionFailed(condition: string): LogoUploadRefusal {
    return new LogoUploadRefusal('access_denied', `Invalid according to Policy: Policy Condition failed: ${condition}`);
  }
  static targetUnusable(): LogoUploadRefusal {
    return new LogoUploadRefusal(
      'access_denied',
      'This upload target was already used or has expired: each target takes one file. Ask GET /v1/meetings/themes/logos-upload-urls for new targets.',
    );
  }
  static tooLarge(maxBytes: number): LogoUploadRefusal {
    return new LogoUploadRefusal('too_large', `Your proposed upload exceeds the maximum allowed size of ${maxBytes} bytes.`);
  }
  static tooSmall(): LogoUploadRefusal {
    return new LogoUploadRefusal('too_small', 'Your proposed upload is smaller than the minimum allowed size: the file is empty.');
  }
}
