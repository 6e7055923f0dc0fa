import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import '../hands.css';

/** The toolbar's raise-hand switch: pressed while one's hand is up. */
export function RaiseHandButton({ raised, onToggle }: { raised: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const label = raised ? t('hands.lower') : t('hands.raise');
  return (
    <button
      type="button"
      className="icon-button toolbar-toggle"
      data-testid="raise-hand-button"
      aria-label={t('hands.raise')}
      aria-pressed={raised}
      title={label}
      onClick={onToggle}
    >
      <Icon name="hand" />
    </button>
  );
}
