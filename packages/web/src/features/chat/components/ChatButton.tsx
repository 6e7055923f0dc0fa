import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';

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
    <button
      type="button"
      className="icon-button chat-button"
      data-testid="chat-button"
      data-open={open ? 'true' : 'false'}
      aria-label={label}
      aria-expanded={open}
      aria-controls="chat-panel"
      title={label}
      onClick={onToggle}
    >
      <Icon name="chat" />
      {unread > 0 && (
        <span className="chat-button__badge" data-testid="chat-unread" data-count={unread} aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </button>
  );
}
