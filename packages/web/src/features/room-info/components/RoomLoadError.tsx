import { useTranslation } from 'react-i18next';
import { FullPageMessage } from '../../base/ui/FullPageMessage';
import { Brand } from '../../theme/components/Brand';

export function RoomLoadError({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <FullPageMessage
      testId="room-load-error"
      brand={<Brand surface="light" />}
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
