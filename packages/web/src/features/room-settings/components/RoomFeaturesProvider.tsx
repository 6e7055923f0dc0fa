import type { RoomFeatures } from '@parley/protocol';
import type { ReactNode } from 'react';
import { LanguageSwitcherContext } from '../../base/i18n/LanguageSwitcherContext';
import { RoomFeaturesContext } from '../RoomFeaturesContext';

/**
 * Hands the room's features to everything below: `useRoomFeatures()`, and the language switcher,
 * which lives in `base` and so reads only its own flag. An inner provider (the meeting's live
 * settings) overrides an outer one (what the room said before joining).
 */
export function RoomFeaturesProvider({ features, children }: { features: Readonly<RoomFeatures>; children: ReactNode }) {
  return (
    <RoomFeaturesContext.Provider value={features}>
      <LanguageSwitcherContext.Provider value={features.localeSwitcher}>{children}</LanguageSwitcherContext.Provider>
    </RoomFeaturesContext.Provider>
  );
}
