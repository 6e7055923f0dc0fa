import { canModerate, type ParticipantInfo } from '@parley/protocol';

/**
 * The participant list in the order people expect: oneself first, then hosts and co-hosts, then
 * everyone else, each group by name in the reader's language.
 */
export function orderParticipants(self: ParticipantInfo, others: readonly ParticipantInfo[], language: string): ParticipantInfo[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  const rest = [...others].sort(
    (a, b) => Number(canModerate(b.role)) - Number(canModerate(a.role)) || collator.compare(a.displayName, b.displayName),
  );
  return [self, ...rest];
}

/** Folds case and accents away, so "jose" finds "José". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();
}

/** Whether a name matches what was typed in the search field (anywhere in the name; blank matches all). */
export function matchesSearch(displayName: string, query: string): boolean {
  const wanted = fold(query.trim());
  return wanted === '' || fold(displayName).includes(wanted);
}
