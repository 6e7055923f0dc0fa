import { canPublish, type ParleyRoom } from '@parley/client';
import { useEffect, useState } from 'react';

/** Whether one is on stage (everyone in a meeting; a webinar's panel), following role changes; `true` before joining. */
export function useOnStage(room: ParleyRoom | null): boolean {
  const [onStage, setOnStage] = useState(() => !room || canPublish(room.self.role));
  useEffect(() => {
    if (!room) return;
    setOnStage(canPublish(room.self.role));
    return room.on('self-updated', (self) => setOnStage(canPublish(self.role)));
  }, [room]);
  return onStage;
}
