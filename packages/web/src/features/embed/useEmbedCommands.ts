import { useEffect, useRef } from 'react';
import { parentChannel } from './channel';
import type { EmbedCommandHandlers } from './ParentChannel';

/**
 * Lets the page that frames this one carry out commands with `handlers` while the calling screen is
 * up; `null` hands them to the screen around it. Each command runs the handlers of the latest render.
 */
export function useEmbedCommands(handlers: EmbedCommandHandlers | null): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => parentChannel?.handleCommands(() => latest.current), []);
}
