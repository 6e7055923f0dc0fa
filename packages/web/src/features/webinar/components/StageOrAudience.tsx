import { canPublish } from '@parley/client';
import { useEffect, useState, type ComponentProps } from 'react';
import { Meeting } from '../../meeting/components/Meeting';
import { AudienceView } from './AudienceView';

/**
 * The meeting page for whoever is on stage (and in every meeting), the audience's page for a webinar's
 * attendees; a host bringing an attendee on stage (or back) switches it.
 */
export function StageOrAudience(props: ComponentProps<typeof Meeting>) {
  const { room } = props;
  const [onStage, setOnStage] = useState(() => canPublish(room.self.role));
  useEffect(() => room.on('self-updated', (self) => setOnStage(canPublish(self.role))), [room]);
  return onStage ? <Meeting {...props} /> : <AudienceView {...props} />;
}

