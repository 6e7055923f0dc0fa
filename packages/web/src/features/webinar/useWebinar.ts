import type { ParleyRoom, WebinarQuestion, WebinarRules, WebinarRuntimeStatus } from '@parley/client';
import { useEffect, useState } from 'react';

export interface Webinar {
  /** Undefined in a meeting. */
  status: WebinarRuntimeStatus | undefined;
  attendeeCount: number;
  questions: readonly WebinarQuestion[];
  /** What the webinar's settings allow; undefined in a meeting. */
  rules: WebinarRules | undefined;
}

function snapshot(room: ParleyRoom): Webinar {
  return { status: room.runtimeStatus, attendeeCount: room.attendeeCount, questions: room.questions(), rules: room.webinarRules };
}

/** The webinar the room is, as it changes: its status, its audience's size, its Q&A. */
export function useWebinar(room: ParleyRoom): Webinar {
  const [webinar, setWebinar] = useState(() => snapshot(room));
  useEffect(() => {
    const update = () => setWebinar(snapshot(room));
    const unsubscribe = [room.on('runtime-status', update), room.on('attendee-count', update), room.on('question', update), room.on('self-updated', update), room.on('webinar-rules', update)];
    update();
    return () => {
      for (const off of unsubscribe) off();
    };
  }, [room]);
  return webinar;
}
