import type { ShownReaction } from '../state';
import '../reactions.css';

/** Reactions floating up over one tile; each fades on its own. Decorative: the sender's tile says who. */
export function TileReactions({ reactions }: { reactions: readonly ShownReaction[] }) {
  if (reactions.length === 0) return null;
  return (
    <div className="tile-reactions" aria-hidden="true">
      {reactions.map((reaction, index) => (
        <span key={reaction.key} className="tile-reaction" data-testid="tile-reaction" data-emoji={reaction.emoji} style={{ insetInlineStart: `${18 + index * 18}%` }}>
          {reaction.emoji}
        </span>
      ))}
    </div>
  );
}
