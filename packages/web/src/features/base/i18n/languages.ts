/**
 * Picks the first candidate the page has a translation for, matching `pt-BR` to `pt-BR` first and
 * then to `pt`. `default` (the Vonage API's "use the browser's language") and empty values are skipped.
 */
export function resolveLanguage(
  candidates: ReadonlyArray<string | null | undefined>,
  available: readonly string[],
  fallback = 'en',
): string {
  const byLowerCase = new Map(available.map((lng) => [lng.toLowerCase(), lng]));
  for (const candidate of candidates) {
    if (!candidate || candidate.toLowerCase() === 'default') continue;
    const wanted = candidate.replace('_', '-').toLowerCase();
    const exact = byLowerCase.get(wanted);
    if (exact) return exact;
    const base = byLowerCase.get(wanted.split('-')[0] ?? '');
    if (base) return base;
  }
  return fallback;
}
