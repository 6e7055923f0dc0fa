import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import '../participants.css';

interface Props {
  open: boolean;
  /** Hands up in the meeting: a badge, so hosts notice the queue with the panel closed. */
  raisedHands: number;
  onToggle: () => void;
}

/** The toolbar's switch for the participants panel. */
export function ParticipantsButton({ open, raisedHands, onToggle }: Props) {
  const { t } = useTranslation();
  const label = open ? t('participants.close') : raisedHands > 0 ? t('participants.openWithHands', { count: raisedHands }) : t('participants.open');
  return (
    <button
      type="button"
      className="icon-button toolbar-toggle"
      data-testid="participants-button"
      aria-label={label}
      aria-expanded={open}
      aria-controls="participants-panel"
      title={label}
      onClick={onToggle}
    >
      <Icon name="people" />
      {raisedHands > 0 && (
        <span className="participants-button__badge" data-testid="participants-hands" data-count={raisedHands} aria-hidden="true">
          <Icon name="hand" size={12} />
          {raisedHands}
        </span>
      )}
    </button>
  );
}
