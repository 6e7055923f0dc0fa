import { ROOM_LANGUAGES } from '../../rooms/room.js';
import type { RoomLanguage } from '../../rooms/room-service.js';

/**
 * Vonage's clients disagree on how to spell a language: Java sends upper case (`PT-BR`), the Node
 * enum still has the legacy `default` and `pt`. All of them mean one of the room languages; the
 * answer always carries the lowercase canonical form (the .NET SDK cannot parse anything else).
 */
const ALIASES: Readonly<Record<string, RoomLanguage>> = { default: 'en', pt: 'pt-br' };

/** The canonical language, or `undefined` when the text names none. */
export function roomLanguageOf(text: string): RoomLanguage | undefined {
  const lower = text.trim().toLowerCase();
  const alias = ALIASES[lower];
  if (alias) return alias;
  return (ROOM_LANGUAGES as readonly string[]).includes(lower) ? (lower as RoomLanguage) : undefined;
}

export const ACCEPTED_LANGUAGES: readonly string[] = [...ROOM_LANGUAGES, ...Object.keys(ALIASES)];
