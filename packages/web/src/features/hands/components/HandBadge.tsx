import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import '../hands.css';

/** A raised hand on a tile, with its place in the queue. */
export function HandBadge({ position }: { position: number }) {
  const { t } = useTranslation();
  const label = t('hands.badge', { position });
  return (
    <span className="hand-badge" data-testid="tile-hand" data-position={position} role="img" aria-label={label} title={label}>
      <Icon name="hand" size={16} />
      <span aria-hidden="true">{position}</span>
    </span>
  );
}
