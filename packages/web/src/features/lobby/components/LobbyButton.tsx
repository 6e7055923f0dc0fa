import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';

interface Props {
  count: number;
  open: boolean;
  onToggle: () => void;
}

/** The toolbar's way to the waiting room, for moderators, while someone waits (or the list is open). */
export function LobbyButton({ count, open, onToggle }: Props) {
  const { t } = useTranslation();
  if (count === 0 && !open) return null;
  const label = t('admission.lobbyButton', { count });
  return (
    <button
      type="button"
      className="icon-button lobby-button"
      data-testid="lobby-button"
      data-open={open ? 'true' : 'false'}
      aria-label={label}
      aria-expanded={open}
      aria-controls="lobby-panel"
      title={label}
      onClick={onToggle}
    >
      <Icon name="personAdd" />
      {count > 0 && (
        <span className="lobby-button__badge" data-testid="lobby-count" data-count={count} aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </button>
  );
}
