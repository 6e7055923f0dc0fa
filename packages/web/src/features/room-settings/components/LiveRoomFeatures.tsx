import type { ParleyRoom } from '@parley/client';
import type { ReactNode } from 'react';
import { useMeetingSettings } from '../useMeetingSettings';
import { RoomFeaturesProvider } from './RoomFeaturesProvider';

/** Inside a meeting, the room's features as the server says they are now, for everything below. */
export function LiveRoomFeatures({ room, children }: { room: ParleyRoom; children: ReactNode }) {
  return <RoomFeaturesProvider features={useMeetingSettings(room).features}>{children}</RoomFeaturesProvider>;
}
