/**
 * Where a finalized logo is served: its storage key under `/logos/` on the public URL. The theme JSON
 * of every façade and the meeting page's room info use this, and the logo file route serves it.
 */
export const LOGO_ROUTE_PREFIX = '/logos/';

export function logoUrl(publicUrl: string, key: string | null): string | null {
  return key === null ? null : `${publicUrl}${LOGO_ROUTE_PREFIX}${key.split('/').map(encodeURIComponent).join('/')}`;
}
