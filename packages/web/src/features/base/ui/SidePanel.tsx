import type { ReactNode } from 'react';
import { Icon } from './Icon';
import './side-panel.css';

interface Props {
  /** The element id the toolbar button's `aria-controls` names. */
  id: string;
  testId: string;
  title: string;
  closeLabel: string;
  closeTestId: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A panel beside the stage (chat, participants): its title, a close button, and Escape to close. The
 * meeting makes room for it with `meeting--panel-open`; on a phone it covers the meeting instead.
 */
export function SidePanel({ id, testId, title, closeLabel, closeTestId, onClose, children }: Props) {
  return (
    <aside
      className="side-panel"
      id={id}
      data-testid={testId}
      aria-label={title}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) onClose();
      }}
    >
      <header className="side-panel__header">
        <h2 className="side-panel__title">{title}</h2>
        <button type="button" className="side-panel__close" data-testid={closeTestId} aria-label={closeLabel} title={closeLabel} onClick={onClose}>
          <Icon name="close" size={20} />
        </button>
      </header>
      {children}
    </aside>
  );
}
