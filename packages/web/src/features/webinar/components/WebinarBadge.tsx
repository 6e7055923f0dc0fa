import type { WebinarRuntimeStatus } from '@parley/client';
import { useTranslation } from 'react-i18next';
import '../webinar.css';
import { Icon } from '../../base/ui/Icon';

/** In the header: where the webinar stands (a red dot while live) and how many attendees watch. */
export function WebinarBadge({ status, attendeeCount }: { status: WebinarRuntimeStatus; attendeeCount: number }) {
  const { t } = useTranslation();
  const statusText = t(`webinar.status.${status}`);
  const attendees = t('webinar.attendees', { count: attendeeCount });
  return (
    <span className="webinar-badge">
      <span className="webinar-badge__status" data-testid="webinar-status" data-status={status} role="status" aria-label={t('webinar.statusLabel', { status: statusText })}>
        <span className="webinar-badge__dot" aria-hidden="true" />
        {statusText}
      </span>
      <span className="webinar-badge__attendees" data-testid="attendee-count" data-count={attendeeCount} title={attendees} aria-label={attendees}>
        <Icon name="eye" size={16} />
        {attendeeCount}
      </span>
    </span>
  );
}
