import { randomUUID } from 'node:crypto';
import { LOGO_TYPES, type LogoType } from './theme.js';

/**
 * The storage keys of logos. An upload lands under a temporary key named as Vonage named its S3 objects
 * (`auto-expiring-temp/logos/<logo type>/<uuid>`, which SDKs pass back verbatim to finalizeLogos); a
 * finalized logo moves to a permanent key of its theme, the only kind the public logo route serves.
 */

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TYPES = LOGO_TYPES.join('|');
const UPLOAD_KEY = new RegExp(`^auto-expiring-temp/logos/(${TYPES})/(${UUID})$`);
/** Theme ids are uuids; any id safe as one path segment is accepted. */
const FINALIZED_KEY = new RegExp(`^themes/[A-Za-z0-9-]{1,64}/(${TYPES})/${UUID}\\.png$`);

/** The longest key either kind can be, for request schemas. */
export const LOGO_KEY_MAX_LENGTH = 200;

export interface UploadKey {
  key: string;
  logoType: LogoType;
  /** The upload's own id, kept when the logo becomes permanent. */
  uploadId: string;
}

export function newUploadKey(logoType: LogoType): UploadKey {
  const uploadId = randomUUID();
  return { key: `auto-expiring-temp/logos/${logoType}/${uploadId}`, logoType, uploadId };
}

export function parseUploadKey(key: string): UploadKey | undefined {
  const match = UPLOAD_KEY.exec(key);
  return match ? { key, logoType: match[1] as LogoType, uploadId: match[2] as string } : undefined;
}

/** Unique per upload, so a logo's URL never serves other bytes and may be cached for good. */
export function finalizedLogoKey(themeId: string, upload: UploadKey): string {
  return `themes/${themeId}/${upload.logoType}/${upload.uploadId}.png`;
}

export function isFinalizedLogoKey(key: string): boolean {
  return FINALIZED_KEY.test(key);
}
