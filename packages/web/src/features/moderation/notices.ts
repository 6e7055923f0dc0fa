import type { MediaKind, ParticipantRole } from '@parley/protocol';

/** Why a moderation or hand request failed, in words the page has; anything else is `unknown`. */
export const ACTION_ERRORS = ['forbidden', 'not_found', 'bad_request', 'media_unavailable', 'timeout', 'connection_lost'] as const;
export type ActionError = (typeof ACTION_ERRORS)[number] | 'unknown';

/** Something the meeting tells this person about what others did to them, or why something failed. */
export type Notice =
  | { kind: 'mediaStopped'; media: MediaKind; by: string }
  | { kind: 'handLowered'; by: string }
  | { kind: 'handRaised'; name: string }
  | { kind: 'roleChanged'; role: ParticipantRole }
  | { kind: 'mediaLocked'; media: MediaKind }
  | { kind: 'actionFailed'; error: ActionError };

export interface ShownNotice {
  key: number;
  notice: Notice;
}

/** At most this many notices at once: a burst of events must not bury the stage. */
export const MAX_NOTICES = 3;

export type NoticesAction = { type: 'shown'; notice: ShownNotice } | { type: 'dismissed'; key: number };

export function noticesReducer(state: readonly ShownNotice[], action: NoticesAction): readonly ShownNotice[] {
  switch (action.type) {
    case 'shown':
      return [...state, action.notice].slice(-MAX_NOTICES);
    case 'dismissed':
      return state.filter((n) => n.key !== action.key);
  }
}
