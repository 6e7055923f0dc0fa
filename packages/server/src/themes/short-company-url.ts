/**
 * A theme's `short_company_url` becomes the first path segment of its rooms' URLs
 * (`<public URL>/<short_company_url>/<meeting code>`), so it must not be one of the top-level paths
 * Parley serves itself: a theme named `api` or `logos` would hide those paths behind a meeting page, or
 * be hidden by them. Compared without regard to case, so no spelling comes close either.
 */
export const RESERVED_SHORT_COMPANY_URLS: readonly string[] = [
  'logos',
  'uploads',
  'assets',
  'docs',
  'api',
  'meetings',
  'v1',
  'beta',
  'rcvideo',
  'webinar',
  'restapi',
  'health',
  'metrics',
  'signaling',
  'recordings',
];

/** Vonage's rule: URL-safe characters, and at least one that is not a digit (meeting codes are all digits). */
const SHORT_COMPANY_URL = /^(?=.*[a-zA-Z_~-])[a-zA-Z0-9_~-]+$/;
export const SHORT_COMPANY_URL_MAX_LENGTH = 128;

export function isValidShortCompanyUrl(value: string): boolean {
  return (
    value.length <= SHORT_COMPANY_URL_MAX_LENGTH &&
    SHORT_COMPANY_URL.test(value) &&
    !RESERVED_SHORT_COMPANY_URLS.includes(value.toLowerCase())
  );
}
