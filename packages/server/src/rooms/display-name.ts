import { DISPLAY_NAME_MAX_LENGTH } from '@parley/protocol';
import { ParleyError } from '../errors.js';

/**
 * The name a participant asked for, as everyone will see it: runs of spaces (tabs and line breaks
 * included) made one, ends trimmed. Refused with `validation_failed` when nothing is left, when it is
 * longer than `DISPLAY_NAME_MAX_LENGTH`, or when it carries control characters that would garble
 * everyone's participant list.
 */
export function displayNameOf(requested: string): string {
  const name = requested.replace(/\s+/g, ' ').trim();
  if (name.length === 0 || name.length > DISPLAY_NAME_MAX_LENGTH) {
    throw ParleyError.validation(`A display name must be 1 to ${DISPLAY_NAME_MAX_LENGTH} characters long`);
  }
  if (/\p{Cc}/u.test(name)) throw ParleyError.validation('A display name cannot contain control characters');
  return name;
}
