import { ParleyClientError, REACTIONS, type ReactionEmoji } from '@parley/client';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import { REACTION_NAMES } from '../state';
import '../reactions.css';

/**
 * The toolbar's reactions: a row of emoji above the button. It stays open for several reactions in a
 * row; Escape, the button or a click elsewhere closes it. Arrow keys move between the emoji.
 */
export function ReactionsButton({ onSend }: { onSend: (emoji: ReactionEmoji) => Promise<void> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [tooFast, setTooFast] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    rootRef.current?.querySelector<HTMLButtonElement>('.reaction-picker__emoji')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    setTooFast(false);
    buttonRef.current?.focus();
  };

  const send = (emoji: ReactionEmoji) => {
    onSend(emoji).then(
      () => setTooFast(false),
      (error: unknown) => setTooFast(error instanceof ParleyClientError && error.code === 'rate_limited'),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step === undefined) return;
    const buttons = [...(rootRef.current?.querySelectorAll<HTMLButtonElement>('.reaction-picker__emoji') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    buttons[(index + (rtl ? -step : step) + buttons.length) % buttons.length]?.focus();
    event.preventDefault();
  };

  const label = open ? t('reactions.close') : t('reactions.open');
  return (
    <div className="reactions" ref={rootRef} onKeyDown={onKeyDown}>
      {open && (
        <div className="reaction-picker" id="reaction-picker" role="group" aria-label={t('reactions.picker')} data-testid="reaction-picker">
          <div className="reaction-picker__row">
            {REACTIONS.map((emoji) => (
              <button
                key={emoji}
                type="button"
                className="reaction-picker__emoji"
                data-testid="reaction-option"
                data-emoji={emoji}
                aria-label={t('reactions.send', { name: t(`reactions.names.${REACTION_NAMES[emoji]}`) })}
                title={t(`reactions.names.${REACTION_NAMES[emoji]}`)}
                onClick={() => send(emoji)}
              >
                {emoji}
              </button>
            ))}
          </div>
          {tooFast && (
            <p className="reaction-picker__error" role="alert" data-testid="reaction-error">
              {t('reactions.rateLimited')}
            </p>
          )}
        </div>
      )}
      <button
        ref={buttonRef}
        type="button"
        className="icon-button toolbar-toggle"
        data-testid="reactions-button"
        aria-label={label}
        aria-expanded={open}
        aria-controls="reaction-picker"
        title={label}
        onClick={() => (open ? close() : setOpen(true))}
      >
        <Icon name="smile" />
      </button>
    </div>
  );
}
