import { useTranslation } from 'react-i18next';
import { PanelToggleButton } from '../../base/ui/PanelToggleButton';

interface Props {
  open: boolean;
  unread: number;
  onToggle: () => void;
}

/** The toolbar's chat switch, with a badge counting messages that arrived while the panel was closed. */
export function ChatButton({ open, unread, onToggle }: Props) {
  const { t } = useTranslation();
  const label = open ? t('chat.close') : unread > 0 ? t('chat.openUnread', { count: unread }) : t('chat.open');
  return (
    <PanelToggleButton
      panelId="chat-panel"
      testId="chat-button"
      icon="chat"
      label={label}
      open={open}
      onToggle={onToggle}
      badge={{ count: unread, tone: 'accent', testId: 'chat-unread' }}
    />
  );
}
