import type { RoomFeatures } from '@parley/protocol';
import { createContext, useContext } from 'react';

/** A page showing no room (not found, a load error) offers none of a room's optional parts. */
export const NO_ROOM_FEATURES: Readonly<RoomFeatures> = {
  recording: false,
  chat: false,
  whiteboard: false,
  localeSwitcher: false,
  captions: false,
  screenSharing: false,
};

/**
 * The one place a component learns which of the room's optional parts are on (`available_features`):
 * what the room said before joining, then, in the meeting, as the room says now (the API may turn a
 * feature on or off while people are in it). Recording, captions and whiteboard controls read it here.
 */
export const RoomFeaturesContext = createContext<Readonly<RoomFeatures>>(NO_ROOM_FEATURES);

export function useRoomFeatures(): Readonly<RoomFeatures> {
  return useContext(RoomFeaturesContext);
}
