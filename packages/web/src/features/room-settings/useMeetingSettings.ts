import type { MeetingSettings, ParleyRoom } from '@parley/client';
import { useEffect, useState } from 'react';

/** The meeting's lock and the room's features as they are now, following `room-updated` events. */
export function useMeetingSettings(room: ParleyRoom): MeetingSettings {
  const [settings, setSettings] = useState(room.settings);
  useEffect(() => {
    const off = room.on('room-updated', setSettings);
    // Anything that changed between join() resolving and this subscription.
    setSettings(room.settings);
    return off;
  }, [room]);
  return settings;
}
