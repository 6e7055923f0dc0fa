import { useTranslation } from 'react-i18next';
import { PanelToggleButton } from '../../base/ui/PanelToggleButton';

/** The toolbar's Q&A switch; for the panel, a badge counts the questions awaiting an answer. */
export function QaButton({ open, waiting, onToggle }: { open: boolean; waiting: number; onToggle: () => void }) {
  const { t } = useTranslation();
  const label = open ? t('webinar.qa.close') : waiting > 0 ? t('webinar.qa.openWaiting', { count: waiting }) : t('webinar.qa.open');
  return <PanelToggleButton panelId="qa-panel" testId="qa-button" icon="question" label={label} open={open} onToggle={onToggle} badge={{ count: waiting, tone: 'accent' }} />;
}
