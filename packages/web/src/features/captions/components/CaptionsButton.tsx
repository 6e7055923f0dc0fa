import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import { useRoomFeatures } from '../../room-settings/RoomFeaturesContext';
import type { Captions } from '../useCaptions';
import '../captions.css';

interface Props {
  captions: Captions;
  /** Hosts and co-hosts: they switch captions on and off for everyone. */
  moderator: boolean;
}

/**
 * The toolbar's CC button, while the room offers captions (or they still run), and its menu: for
 * moderators, captions for everyone; for everyone, whether to show them on one's own screen. The menu
 * says, in the page's language, that speech is recognised in English only. Escape, the button or a
 * click elsewhere closes it.
 */
export function CaptionsButton({ captions, moderator }: Props) {
  const { t } = useTranslation();
  const offered = useRoomFeatures().captions;
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { active } = captions.state;

  const { dismissError } = captions;
  const close = useCallback(() => {
    setOpen(false);
    dismissError();
    buttonRef.current?.focus();
  }, [dismissError]);

  useEffect(() => {
    if (!open) return;
    rootRef.current?.querySelector<HTMLButtonElement>('.captions-menu [role="switch"]:not(:disabled)')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      close();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open, close]);

  if (!offered && !active) return null;

  const showing = active && captions.shown;
  const label = t('captions.button');
  return (
    <div className="captions-control" ref={rootRef}>
      {open && (
        <div className="captions-menu" id="captions-menu" role="group" aria-label={label} data-testid="captions-menu">
          <p className="captions-menu__title">{t('captions.title')}</p>
          {moderator && (
            <Switch
              testId="captions-for-everyone"
              checked={active}
              disabled={!active && !offered}
              busy={captions.pending}
              label={t('captions.forEveryone')}
              onChange={(on) => captions.setActive(on)}
            />
          )}
          <Switch testId="captions-show" checked={showing} disabled={!active} label={t('captions.show')} onChange={captions.setShown} />
          {!active && !moderator && <p className="captions-menu__hint">{t('captions.offForGuests')}</p>}
          <p className="captions-menu__note">
            <Icon name="globe" size={16} />
            <span>{t('captions.englishOnly')}</span>
          </p>
          {captions.error && (
            <p className="captions-menu__error" role="alert" data-testid="captions-error" data-code={captions.error}>
              {t(`captions.errors.${captions.error}`)}
            </p>
          )}
        </div>
      )}
      <button
        ref={buttonRef}
        type="button"
        className="icon-button toolbar-toggle captions-button"
        data-testid="captions-button"
        data-showing={showing ? 'true' : 'false'}
        aria-label={showing ? t('captions.buttonShowing') : label}
        aria-expanded={open}
        aria-controls="captions-menu"
        title={t('captions.tooltip')}
        onClick={() => (open ? close() : setOpen(true))}
      >
        <Icon name="captions" />
      </button>
    </div>
  );
}

interface SwitchProps {
  testId: string;
  checked: boolean;
  disabled: boolean;
  /** Waiting for the server: presses do nothing, and focus stays (a disabled button would drop it). */
  busy?: boolean;
  label: string;
  onChange: (on: boolean) => void;
}

function Switch({ testId, checked, disabled, busy = false, label, onChange }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      className="captions-switch"
      data-testid={testId}
      aria-checked={checked}
      aria-busy={busy}
      disabled={disabled}
      onClick={() => busy || onChange(!checked)}
    >
      <span className="captions-switch__label">{label}</span>
      <span className="captions-switch__track" aria-hidden="true">
        <span className="captions-switch__thumb" />
      </span>
    </button>
  );
}
