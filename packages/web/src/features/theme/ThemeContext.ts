import type { PublicTheme } from '@parley/protocol';
import { createContext, useContext } from 'react';

/** The theme the current room is shown with (its own, or its application's default), once known. */
export const ThemeContext = createContext<PublicTheme | null>(null);

export function useRoomTheme(): PublicTheme | null {
  return useContext(ThemeContext);
}
