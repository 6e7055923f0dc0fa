import { useTranslation } from 'react-i18next';
import '../webinar.css';
import { Icon } from '../../base/ui/Icon';

/** The toolbar's Q&A switch; for the panel, a badge counts the questions awaiting an answer. */
export function QaButton({ open, waiting, onToggle }: { open: boolean; waiting: number; onToggle: () => void }) {
  const { t } = useTranslation();
  const label = open ? t('webinar.qa.close') : waiting > 0 ? t('webinar.qa.openWaiting', { count: waiting }) : t('webinar.qa.open');
  return (
    <button
      type="button"
      className="icon-button qa-button"
      data-testid="qa-button"
      data-open={open ? 'true' : 'false'}
      aria-label={label}
      aria-expanded={open}
      aria-controls="qa-panel"
      title={label}
      onClick={onToggle}
    >
      <Icon name="question" />
      {waiting > 0 && (
        <span className="qa-button__badge" aria-hidden="true">
          {waiting > 99 ? '99+' : waiting}
        </span>
      )}
    </button>
  );
}
