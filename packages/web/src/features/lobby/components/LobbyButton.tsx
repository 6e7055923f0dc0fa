import { useTranslation } from 'react-i18next';
import { PanelToggleButton } from '../../base/ui/PanelToggleButton';

interface Props {
  count: number;
  open: boolean;
  onToggle: () => void;
}

/** The toolbar's way to the waiting room, for moderators, while someone waits (or the list is open). */
export function LobbyButton({ count, open, onToggle }: Props) {
  const { t } = useTranslation();
  if (count === 0 && !open) return null;
  return (
    <PanelToggleButton
      panelId="lobby-panel"
      testId="lobby-button"
      icon="personAdd"
      label={t('admission.lobbyButton', { count })}
      open={open}
      onToggle={onToggle}
      badge={{ count, tone: 'warning', testId: 'lobby-count' }}
    />
  );
}
