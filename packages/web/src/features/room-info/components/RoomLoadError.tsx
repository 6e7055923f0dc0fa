import { useTranslation } from 'react-i18next';
import { FullPageMessage } from '../../base/ui/FullPageMessage';

export function RoomLoadError({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <FullPageMessage
      testId="room-load-error"
      icon="alert"
      tone="warning"
      title={t('roomInfo.loadErrorTitle')}
      body={t('roomInfo.loadErrorBody')}
    >
      <button type="button" className="button button--primary" onClick={onRetry}>
        {t('roomInfo.retry')}
      </button>
    </FullPageMessage>
  );
}
