import { createContext, useContext } from 'react';

/**
 * Whether this room lets people pick the page's language (`features.localeSwitcher`, the Vonage
 * `is_locale_switcher_available`). A context rather than a prop: the switcher sits in headers several
 * screens deep, and the screens in between have no business with room features.
 */
export const LanguageSwitcherContext = createContext(false);

export function useLanguageSwitcherAvailable(): boolean {
  return useContext(LanguageSwitcherContext);
}
