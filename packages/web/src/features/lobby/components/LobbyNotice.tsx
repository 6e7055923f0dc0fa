import type { WaitingGuest } from '@parley/protocol';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import { noticeText } from '../functions';

interface Props {
  /** Those who arrived since the moderator last looked. */
  guests: readonly WaitingGuest[];
  onAdmit: (waitingIds: string[]) => void;
  onView: () => void;
  onDismiss: () => void;
}

/** The sound-free notice that someone waits to be let in: admit them here, or open the list. */
export function LobbyNotice({ guests, onAdmit, onView, onDismiss }: Props) {
  const { t } = useTranslation();
  const [only] = guests.length === 1 ? guests : [];
  return (
    <section className="lobby-notice" data-testid="lobby-notice" aria-label={t('admission.lobbyTitle')}>
      <span className="lobby-notice__icon">
        <Icon name="personAdd" size={20} />
      </span>
      <p className="lobby-notice__text">{noticeText(t, guests)}</p>
      <div className="lobby-notice__actions">
        <button type="button" className="button button--secondary" data-testid="lobby-notice-view" onClick={onView}>
          {t('admission.view')}
        </button>
        {only && (
          <button type="button" className="button button--primary" data-testid="lobby-notice-admit" onClick={() => onAdmit([only.id])}>
            {t('admission.admit')}
          </button>
        )}
      </div>
      <button type="button" className="lobby-notice__dismiss" data-testid="lobby-notice-dismiss" aria-label={t('admission.dismiss')} title={t('admission.dismiss')} onClick={onDismiss}>
        <Icon name="close" size={18} />
      </button>
    </section>
  );
}
