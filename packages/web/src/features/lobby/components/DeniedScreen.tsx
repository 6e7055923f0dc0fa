import { useTranslation } from 'react-i18next';
import { FullPageMessage } from '../../base/ui/FullPageMessage';
import { Brand } from '../../theme/components/Brand';

/** A guest whom someone in the meeting did not let in. */
export function DeniedScreen() {
  const { t } = useTranslation();
  return (
    <FullPageMessage
      testId="denied-screen"
      brand={<Brand surface="light" />}
      icon="alert"
      tone="warning"
      title={t('admission.deniedTitle')}
      body={t('admission.deniedBody')}
    />
  );
}
