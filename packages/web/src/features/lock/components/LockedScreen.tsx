import { useTranslation } from 'react-i18next';
import { FullPageMessage } from '../../base/ui/FullPageMessage';
import { Brand } from '../../theme/components/Brand';

/** Someone who tried to join a locked meeting: why they are not in, and a way to try again. */
export function LockedScreen({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <FullPageMessage
      testId="locked-screen"
      brand={<Brand surface="light" />}
      icon="lock"
      title={t('admission.lockedTitle')}
      body={t('admission.lockedBody')}
    >
      <button type="button" className="button button--primary" data-testid="locked-retry" onClick={onRetry} autoFocus>
        {t('admission.retry')}
      </button>
    </FullPageMessage>
  );
}
