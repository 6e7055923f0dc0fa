import type { WaitingGuest } from '@parley/protocol';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../base/avatar/Avatar';
import { Icon } from '../../base/ui/Icon';

interface Props {
  waiting: readonly WaitingGuest[];
  onAdmit: (waitingIds: string[]) => void;
  onDeny: (waitingIds: string[]) => void;
  onClose: () => void;
}

/**
 * Who waits to be let in, longest waiting first, with an answer for each and for everyone listed.
 * "Admit all" names the guests shown here, so nobody who arrives a moment later gets in unseen.
 */
export function LobbyPanel({ waiting, onAdmit, onDeny, onClose }: Props) {
  const { t } = useTranslation();
  const panelRef = useRef<HTMLElement>(null);
  // Focus moves into the list when it opens, and back to where it was (the toolbar button) when it closes.
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panelRef.current?.focus();
    return () => before?.focus();
  }, []);
  const everyone = waiting.map((guest) => guest.id);

  return (
    <aside
      ref={panelRef}
      className="lobby-panel"
      id="lobby-panel"
      data-testid="lobby-panel"
      aria-labelledby="lobby-panel-title"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header className="lobby-panel__header">
        <h2 id="lobby-panel-title" className="lobby-panel__title">
          {t('admission.lobbyTitle')}
        </h2>
        {waiting.length > 0 && <span className="lobby-panel__count">{waiting.length}</span>}
        <button type="button" className="lobby-panel__close" data-testid="lobby-close" aria-label={t('admission.lobbyClose')} title={t('admission.lobbyClose')} onClick={onClose}>
          <Icon name="close" size={20} />
        </button>
      </header>

      {waiting.length === 0 ? (
        <p className="lobby-panel__empty" data-testid="lobby-empty">
          {t('admission.lobbyEmpty')}
        </p>
      ) : (
        <ul className="lobby-panel__list">
          {waiting.map((guest) => (
            <li key={guest.id} className="lobby-guest" data-testid="lobby-guest" data-name={guest.displayName}>
              <Avatar name={guest.displayName} colorKey={guest.id} size="small" />
              <span className="lobby-guest__name">{guest.displayName}</span>
              <button
                type="button"
                className="button button--secondary lobby-guest__answer"
                data-testid="lobby-deny"
                aria-label={t('admission.denyNamed', { name: guest.displayName })}
                onClick={() => onDeny([guest.id])}
              >
                {t('admission.deny')}
              </button>
              <button
                type="button"
                className="button button--primary lobby-guest__answer"
                data-testid="lobby-admit"
                aria-label={t('admission.admitNamed', { name: guest.displayName })}
                onClick={() => onAdmit([guest.id])}
              >
                {t('admission.admit')}
              </button>
            </li>
          ))}
        </ul>
      )}

      {waiting.length > 1 && (
        <footer className="lobby-panel__footer">
          <button type="button" className="button button--secondary" data-testid="lobby-deny-all" onClick={() => onDeny(everyone)}>
            {t('admission.denyAll')}
          </button>
          <button type="button" className="button button--primary" data-testid="lobby-admit-all" onClick={() => onAdmit(everyone)}>
            {t('admission.admitAll')}
          </button>
        </footer>
      )}
    </aside>
  );
}
