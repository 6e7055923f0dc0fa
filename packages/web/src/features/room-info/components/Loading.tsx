import { useTranslation } from 'react-i18next';
import '../../base/ui/full-page.css';

export function Loading() {
  const { t } = useTranslation();
  return (
    <main className="full-page surface-light" data-testid="loading" aria-busy="true">
      <div className="spinner" role="status">
        <span className="visually-hidden">{t('app.loading')}</span>
      </div>
    </main>
  );
}
