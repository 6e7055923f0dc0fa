import { Icon, type IconName } from './Icon';
import './panel-toggle.css';

interface Props {
  /** The id of the side panel it opens and closes (`aria-controls`). */
  panelId: string;
  testId: string;
  icon: IconName;
  /** What it does now, with the badge's meaning in it: the badge itself is hidden from screen readers. */
  label: string;
  open: boolean;
  onToggle: () => void;
  /** A count over the icon, shown while above zero: `accent` for news, `warning` for someone waiting on you. */
  badge?: { count: number; tone: 'accent' | 'warning'; testId?: string };
}

/** A toolbar switch for a side panel (chat, Q&A, waiting room): it wears the room's colour while open. */
export function PanelToggleButton({ panelId, testId, icon, label, open, onToggle, badge }: Props) {
  return (
    <button
      type="button"
      className="icon-button panel-toggle"
      data-testid={testId}
      data-open={open ? 'true' : 'false'}
      aria-label={label}
      aria-expanded={open}
      aria-controls={panelId}
      title={label}
      onClick={onToggle}
    >
      <Icon name={icon} />
      {badge && badge.count > 0 && (
        <span className="panel-toggle__badge" data-tone={badge.tone} data-testid={badge.testId} data-count={badge.count} aria-hidden="true">
          {badge.count > 99 ? '99+' : badge.count}
        </span>
      )}
    </button>
  );
}
