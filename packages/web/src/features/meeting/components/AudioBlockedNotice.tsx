import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';

/** The browser would not play the others' sound before a click: the one click that turns it on. */
export function AudioBlockedNotice({ onEnable }: { onEnable: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="meeting__notice" role="status">
      <Icon name="speaker" size={18} />
      <span>{t('meeting.audioBlocked')}</span>
      <button type="button" className="button button--primary meeting__notice-action" data-testid="enable-audio" onClick={onEnable}>
        {t('meeting.enableAudio')}
      </button>
    </div>
  );
}
