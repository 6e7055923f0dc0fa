import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../base/i18n/components/LanguageSwitcher';
import { Icon } from '../../base/ui/Icon';
import { Brand } from '../../theme/components/Brand';

/** `children`: the meeting's state other features show beside the count (the lock…). */
export function MeetingHeader({ roomName, count, children }: { roomName: string; count: number; children?: ReactNode }) {
  const { t } = useTranslation();
  const countLabel = t('meeting.participantCount', { count });
  return (
    <header className="meeting-header">
      <Brand surface="dark" />
      <span className="meeting-header__divider" aria-hidden="true" />
      <h1 className="meeting-header__room" data-testid="meeting-room-name">
        {roomName}
      </h1>
      {children}
      <span className="meeting-header__count" title={countLabel}>
        <Icon name="people" size={18} />
        <span data-testid="participant-count" data-count={count} aria-label={countLabel}>
          {count}
        </span>
      </span>
      <LanguageSwitcher />
    </header>
  );
}
