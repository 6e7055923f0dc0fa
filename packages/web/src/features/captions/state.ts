import type { Caption } from '@parley/protocol';

/** How many lines the overlay shows at once: the latest, oldest on top. */
export const CAPTION_LINES = 3;
/** How long a line stays (fading out at the end), time enough to read a sentence twice. */
export const CAPTION_SHOWN_MS = 9_000;

/** One line of captions on screen. */
export interface ShownCaption extends Caption {
  /** Unique on the page, so React keeps each line (and its fade) apart. */
  key: number;
}

export type CaptionsAction = { type: 'heard'; caption: ShownCaption } | { type: 'expired'; key: number } | { type: 'cleared' };

/** The lines of captions on screen now, oldest first. */
export function captionsReducer(state: readonly ShownCaption[], action: CaptionsAction): readonly ShownCaption[] {
  switch (action.type) {
    case 'heard':
      return [...state, action.caption].slice(-CAPTION_LINES);
    case 'expired':
      return state.some((line) => line.key === action.key) ? state.filter((line) => line.key !== action.key) : state;
    case 'cleared':
      return state.length === 0 ? state : [];
  }
}

/** Why turning captions on or off was refused, in words the page has; anything else is `unknown`. */
export const CAPTIONS_ERRORS = ['captions_unavailable', 'speech_recognizer_unavailable', 'forbidden', 'timeout', 'connection_lost'] as const;
export type CaptionsError = (typeof CAPTIONS_ERRORS)[number] | 'unknown';

export function captionsErrorOf(code: string | undefined): CaptionsError {
  return (CAPTIONS_ERRORS as readonly string[]).includes(code ?? '') ? (code as CaptionsError) : 'unknown';
}
