import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';

/** The toolbar button that opens the in-call device settings. */
export function DeviceSettingsButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  const label = t('resilience.settings.open');
  return (
    <button type="button" className="icon-button" data-testid="settings-button" aria-label={label} aria-haspopup="dialog" title={label} onClick={onClick}>
      <Icon name="settings" />
    </button>
  );
}
