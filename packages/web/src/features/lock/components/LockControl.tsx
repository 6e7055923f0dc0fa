import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import '../lock.css';

interface Props {
  locked: boolean;
  /** Moderators get a switch; everyone else sees the state, while the meeting is locked. */
  canLock: boolean;
  onToggle: (locked: boolean) => void;
}

/** The meeting's lock, in the header where everyone sees it. */
export function LockControl({ locked, canLock, onToggle }: Props) {
  const { t } = useTranslation();
  if (!canLock) {
    return locked ? (
      <span className="lock-control" data-testid="locked-badge" role="status" title={t('admission.lockedStatus')}>
        <Icon name="lock" size={16} />
        <span className="lock-control__text">{t('admission.locked')}</span>
        <span className="visually-hidden">{t('admission.lockedStatus')}</span>
      </span>
    ) : null;
  }
  return (
    <button
      type="button"
      className="lock-control lock-control--switch"
      data-testid="lock-button"
      data-locked={locked ? 'true' : 'false'}
      aria-pressed={locked}
      aria-label={t('admission.lock')}
      title={locked ? t('admission.unlock') : t('admission.lock')}
      onClick={() => onToggle(!locked)}
    >
      <Icon name={locked ? 'lock' : 'lockOpen'} size={16} />
      {locked && <span className="lock-control__text">{t('admission.locked')}</span>}
    </button>
  );
}
