import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import type { ConnectionState } from '../useConnectionState';
import '../reconnection.css';

/** Tells the person their connection (or the meeting's media server) dropped and is being restored, then that it is back. */
export function ConnectionBanner({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  // Always rendered, so screen readers announce each change of the live region.
  return (
    <div className="connection-banner" role="status" data-testid="connection-banner" data-state={state} hidden={state === 'connected'}>
      {state === 'reconnecting' && (
        <>
          <span className="connection-banner__spinner" aria-hidden="true" />
          <span>
            <strong>{t('resilience.reconnecting.title')}</strong> {t('resilience.reconnecting.body')}
          </span>
        </>
      )}
      {state === 'moving-media' && (
        <>
          <span className="connection-banner__spinner" aria-hidden="true" />
          <span>
            <strong>{t('mediaFailover.title')}</strong> {t('mediaFailover.body')}
          </span>
        </>
      )}
      {state === 'reconnected' && (
        <>
          <Icon name="wave" size={18} />
          <span>{t('resilience.reconnecting.back')}</span>
        </>
      )}
    </div>
  );
}
