import type { WaitingGuest } from '@parley/protocol';
import type { TFunction } from 'i18next';

/** "Ann wants to join", or "3 people want to join": the notice, and what screen readers are told. */
export function noticeText(t: TFunction, guests: readonly WaitingGuest[]): string {
  const [first] = guests;
  return guests.length === 1 && first ? t('admission.noticeOne', { name: first.displayName }) : t('admission.noticeSeveral', { count: guests.length });
}
