import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import type { Notice, ShownNotice } from '../notices';
import '../moderation.css';

/** How long a notice stays, unless dismissed sooner. */
const NOTICE_SHOWN_MS = 7_000;

/** What others did to this person, and requests that failed: short notices over the stage that go by themselves. */
export function Notices({ notices, onDismiss }: { notices: readonly ShownNotice[]; onDismiss: (key: number) => void }) {
  const { t } = useTranslation();
  return (
    <div className="meeting-notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((shown) => (
        <NoticeItem key={shown.key} shown={shown} text={noticeText(t, shown.notice)} onDismiss={onDismiss} dismissLabel={t('moderation.notices.dismiss')} />
      ))}
    </div>
  );
}

function NoticeItem({ shown, text, onDismiss, dismissLabel }: { shown: ShownNotice; text: string; onDismiss: (key: number) => void; dismissLabel: string }) {
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(shown.key), NOTICE_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [shown.key, onDismiss]);
  const warning = shown.notice.kind === 'actionFailed' || shown.notice.kind === 'mediaLocked';
  return (
    <div className="meeting-notice" data-testid="notice" data-kind={shown.notice.kind} data-tone={warning ? 'warning' : 'info'}>
      <Icon name={iconOf(shown.notice)} size={18} />
      <span className="meeting-notice__text">{text}</span>
      <button type="button" className="meeting-notice__dismiss" aria-label={dismissLabel} title={dismissLabel} onClick={() => onDismiss(shown.key)}>
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}

function iconOf(notice: Notice) {
  switch (notice.kind) {
    case 'mediaStopped':
    case 'mediaLocked':
      return notice.media === 'audio' ? 'microphoneOff' : 'cameraOff';
    case 'handLowered':
    case 'handRaised':
      return 'hand';
    case 'roleChanged':
      return 'shield';
    case 'actionFailed':
      return 'alert';
  }
}

function noticeText(t: TFunction, notice: Notice): string {
  switch (notice.kind) {
    case 'mediaStopped':
      return notice.media === 'audio' ? t('moderation.notices.mutedBy', { name: notice.by }) : t('moderation.notices.cameraStoppedBy', { name: notice.by });
    case 'handLowered':
      return t('moderation.notices.handLoweredBy', { name: notice.by });
    case 'handRaised':
      return t('moderation.notices.handRaised', { name: notice.name });
    case 'roleChanged':
      return notice.role === 'guest' ? t('moderation.notices.demoted') : t('moderation.notices.promoted');
    case 'mediaLocked':
      return notice.media === 'audio' ? t('moderation.notices.cantUnmute') : t('moderation.notices.cantStartCamera');
    case 'actionFailed':
      return t(`moderation.errors.${notice.error}`);
  }
}
