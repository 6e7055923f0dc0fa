import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import { isDrastic, type ModerationAction } from '../../moderation/functions';

interface Props {
  name: string;
  actions: readonly ModerationAction[];
  onSelect: (action: ModerationAction) => void;
}

/**
 * A moderator's actions on one participant, as a menu: arrow keys move, Enter chooses, Escape and Tab
 * close it and give the focus back to its button.
 */
export function ParticipantMenu({ name, actions, onSelect }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [upwards, setUpwards] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const root = rootRef.current;
    root?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    // Open upwards when the list below would run past the bottom of the scrolling list.
    const menu = root?.querySelector('[role="menu"]');
    const scroller = root?.closest('.participants-panel__body');
    if (menu && scroller) setUpwards(menu.getBoundingClientRect().bottom > scroller.getBoundingClientRect().bottom);
    const onPointerDown = (event: PointerEvent) => {
      if (!root?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    setUpwards(false);
    buttonRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 }[event.key];
    if (target !== undefined) {
      event.preventDefault();
      items[(target + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape') {
      // Handled here: the panel around must not close too.
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className="participant-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="participant-row__action"
        data-testid="participant-menu-button"
        aria-label={t('participants.moreActions', { name })}
        title={t('participants.moreActions', { name })}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        <Icon name="more" size={20} />
      </button>
      {open && (
        <ul className={upwards ? 'participant-menu__list participant-menu__list--up' : 'participant-menu__list'} id={menuId} role="menu" aria-label={t('participants.moreActions', { name })} onKeyDown={onKeyDown}>
          {actions.map((action) => (
            <li key={action} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={isDrastic(action) ? 'participant-menu__item participant-menu__item--danger' : 'participant-menu__item'}
                data-testid="participant-action"
                data-action={action}
                onClick={() => {
                  close();
                  onSelect(action);
                }}
              >
                {t(`moderation.actions.${action}`)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
