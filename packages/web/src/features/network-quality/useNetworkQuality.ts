import type { NetworkQuality, ParleyRoom } from '@parley/client';
import { useEffect, useState } from 'react';

/** The bridge from the room's network-quality events to page state: everyone's latest quality, by participant id. */
export function useNetworkQuality(room: ParleyRoom): ReadonlyMap<string, NetworkQuality> {
  const [qualities, setQualities] = useState<ReadonlyMap<string, NetworkQuality>>(() => new Map());
  useEffect(() => {
    setQualities(new Map());
    return room.on('network-quality', (participantId, quality) => setQualities((current) => new Map(current).set(participantId, quality)));
  }, [room]);
  return qualities;
}
