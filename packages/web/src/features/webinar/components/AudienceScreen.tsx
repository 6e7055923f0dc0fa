import type { WebinarRuntimeStatus } from '@parley/client';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';

/** What an attendee sees while the webinar is not live: it will start soon, or it is on a break. */
export function AudienceScreen({ status, roomName }: { status: WebinarRuntimeStatus; roomName: string }) {
  const { t } = useTranslation();
  const onBreak = status === 'Break';
  return (
    <section className="audience-screen" data-testid="audience-screen" data-status={status} aria-live="polite">
      <div className="audience-screen__card">
        <div className="audience-screen__icon">
          <Icon name={onBreak ? 'clock' : 'eye'} size={32} />
        </div>
        <p className="audience-screen__room">{roomName}</p>
        <h2 className="audience-screen__title">{t(onBreak ? 'webinar.breakTitle' : 'webinar.startingSoonTitle')}</h2>
        <p className="audience-screen__body">{t(onBreak ? 'webinar.breakBody' : 'webinar.startingSoonBody')}</p>
      </div>
    </section>
  );
}
