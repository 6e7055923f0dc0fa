const GUEST_ID_KEY = 'parley.guestId';

/**
 * This browser's guest id: a random id kept in localStorage, made on first use, sent when joining
 * without a participant token. It is what a host's block holds on to, so a blocked guest stays out of
 * the room on later visits. Where storage is blocked (some iframes, private modes) it lasts as long as
 * the page.
 */
export function rememberedGuestId(): string {
  try {
    const stored = localStorage.getItem(GUEST_ID_KEY);
    if (stored && /^[A-Za-z0-9_-]{8,64}$/.test(stored)) return stored;
    const fresh = crypto.randomUUID();
    localStorage.setItem(GUEST_ID_KEY, fresh);
    return fresh;
  } catch {
    return (pageGuestId ??= crypto.randomUUID());
  }
}

let pageGuestId: string | undefined;
