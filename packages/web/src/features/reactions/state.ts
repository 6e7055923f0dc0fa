import type { ReactionEmoji } from '@parley/protocol';

/** How long a reaction floats over its sender's tile. */
export const REACTION_SHOWN_MS = 4_000;
/** A tile shows at most this many reactions at once; older ones make way for new ones. */
export const MAX_REACTIONS_PER_TILE = 3;

/** One reaction on screen. */
export interface ShownReaction {
  /** Unique on the page, so React can animate each one on its own. */
  key: number;
  participantId: string;
  emoji: ReactionEmoji;
}

export type ReactionsAction = { type: 'shown'; reaction: ShownReaction } | { type: 'expired'; key: number };

/** The reactions floating over tiles right now, oldest first. */
export function reactionsReducer(state: readonly ShownReaction[], action: ReactionsAction): readonly ShownReaction[] {
  switch (action.type) {
    case 'shown': {
      const sameTile = state.filter((r) => r.participantId === action.reaction.participantId);
      const dropped = new Set(sameTile.slice(0, Math.max(0, sameTile.length - MAX_REACTIONS_PER_TILE + 1)).map((r) => r.key));
      return [...state.filter((r) => !dropped.has(r.key)), action.reaction];
    }
    case 'expired':
      return state.some((r) => r.key === action.key) ? state.filter((r) => r.key !== action.key) : state;
  }
}

/** Each reaction's words, for labels: the emoji alone says nothing to a screen reader user. */
export const REACTION_NAMES = {
  '👍': 'thumbsUp',
  '👏': 'clap',
  '😂': 'laugh',
  '😮': 'surprised',
  '❤️': 'heart',
  '🎉': 'party',
} as const satisfies Record<ReactionEmoji, string>;
