import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import type { MediaNoticeContent } from '../functions';
import '../presenting.css';

/** Why one's camera or screen share did not start, announced to screen readers, with a way to dismiss it. */
export function MediaNotice({ notice, onDismiss }: { notice: MediaNoticeContent; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="meeting__notice media-notice" role="alert" data-testid="media-notice" data-key={notice.key}>
      <Icon name="alert" size={18} />
      <span>{t(`media.${notice.key}`, { name: notice.values?.name ?? '' })}</span>
      <button type="button" className="icon-button media-notice__dismiss" aria-label={t('media.dismiss')} title={t('media.dismiss')} onClick={onDismiss}>
        <Icon name="close" size={18} />
      </button>
    </div>
  );
}
