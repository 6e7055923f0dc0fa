import type { ComponentProps } from 'react';
import { Meeting } from '../../meeting/components/Meeting';
import { useOnStage } from '../useOnStage';
import { useStageSending } from '../useStageSending';
import { AudienceView } from './AudienceView';

/**
 * The meeting page for whoever is on stage (and in every meeting), the audience's page for a webinar's
 * attendees; a host bringing an attendee on stage (or back) switches it.
 */
export function StageOrAudience(props: ComponentProps<typeof Meeting>) {
  const { room } = props;
  const onStage = useOnStage(room);
  useStageSending(room, props.media, onStage);
  return onStage ? <Meeting {...props} /> : <AudienceView {...props} />;
}

