import { createHmac, timingSafeEqual } from 'node:crypto';
import { purposeKey, type ServerKey } from '../identity/server-keys.js';
import type { UploadKey } from './logo-keys.js';
import { LogoUploadRefusal } from './logo-upload-refusal.js';
import { MAX_LOGO_BYTES } from './logo-validation.js';

/**
 * Parley's own presigned POST, shaped like S3's so clients written for Vonage's S3 targets fill the
 * form unchanged: a base64 JSON policy (expiry and the exact fields allowed) and an HMAC-SHA256
 * signature of it under a key derived from the server key. Only the server can sign, so a form whose
 * policy verifies carries exactly what the server issued.
 */

export const LOGO_BUCKET = 'parley-logos';
const ALGORITHM = 'PARLEY-HMAC-SHA256';

/** Form field names are matched case-insensitively, as S3 does; they are issued as written here. */
const POLICY_FIELD = 'Policy';
const SIGNATURE_FIELD = 'X-Parley-Signature';
const KEY_FIELD = 'key';

type Condition = Record<string, string> | ['content-length-range', number, number];

interface PolicyDocument {
  expiration: string;
  conditions: Condition[];
}

/** What a verified form may upload. */
export interface AllowedUpload {
  key: string;
  minBytes: number;
  maxBytes: number;
}

export class LogoUploadPolicy {
  private readonly signingKey: Uint8Array;

  constructor(serverKey: ServerKey) {
    this.signingKey = purposeKey(serverKey, 'logo upload policy');
  }

  /** The form fields of an upload target, in the order a client must send them (the file goes last). */
  fieldsFor(upload: UploadKey, issuedAt: Date, expiresAt: Date): Record<string, string> {
    const fields: Record<string, string> = {
      'Content-Type': 'image/png',
      [KEY_FIELD]: upload.key,
      logoType: upload.logoType,
      bucket: LOGO_BUCKET,
      'X-Parley-Algorithm': ALGORITHM,
      'X-Parley-Date': compactTimestamp(issuedAt),
    };
    const document: PolicyDocument = {
      expiration: expiresAt.toISOString(),
      conditions: [...Object.entries(fields).map(([name, value]) => ({ [name]: value })), ['content-length-range', 1, MAX_LOGO_BYTES]],
    };
    const policy = Buffer.from(JSON.stringify(document)).toString('base64');
    return { ...fields, [POLICY_FIELD]: policy, [SIGNATURE_FIELD]: this.sign(policy) };
  }

  /**
   * Checks a received form against its policy, as S3 would: the fields are there, the signature is the
   * server's, the policy has not expired and every field it fixes has its value. `fields` are keyed by
   * lower-cased name.
   */
  verify(fields: ReadonlyMap<string, string>, now: Date): AllowedUpload {
    const field = (name: string): string => {
      const value = fields.get(name.toLowerCase());
      if (value === undefined) throw LogoUploadRefusal.missingField(name);
      return value;
    };
    const key = field(KEY_FIELD);
    const policy = field(POLICY_FIELD);
    if (!this.signatureMatches(policy, field(SIGNATURE_FIELD))) throw LogoUploadRefusal.badSignature();
    // Signed by this server, so it is the document `fieldsFor` wrote.
    const document = JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as PolicyDocument;
    if (now.getTime() >= Date.parse(document.expiration)) throw LogoUploadRefusal.policyExpired();
    const allowed: AllowedUpload = { key, minBytes: 0, maxBytes: Number.POSITIVE_INFINITY };
    for (const condition of document.conditions) {
      if (Array.isArray(condition)) {
        [, allowed.minBytes, allowed.maxBytes] = condition;
        continue;
      }
      for (const [name, value] of Object.entries(condition)) {
        if (fields.get(name.toLowerCase()) !== value) {
          throw LogoUploadRefusal.conditionFailed(`["eq", ${JSON.stringify(`$${name}`)}, ${JSON.stringify(value)}]`);
        }
      }
    }
    return allowed;
  }

  private sign(policy: string): string {
    return createHmac('sha256', this.signingKey).update(policy).digest('hex');
  }

  private signatureMatches(policy: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(policy), 'hex');
    const given = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** S3's `X-Amz-Date` format: `20230127T024303Z`. */
function compactTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
