import { useTranslation } from 'react-i18next';
import '../reconnection.css';

/** Over the tile of someone whose connection dropped: they are still in the meeting, coming back. */
export function TileReconnecting() {
  const { t } = useTranslation();
  return (
    <div className="tile-reconnecting" data-testid="tile-reconnecting">
      <span className="connection-banner__spinner" aria-hidden="true" />
      <span>{t('resilience.reconnecting.tile')}</span>
    </div>
  );
}
