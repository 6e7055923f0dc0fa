import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import type { MediaErrors } from '../functions';
import './devices.css';

/** Says plainly which device could not start and that joining without it is fine. */
export function DeviceErrors({ errors }: { errors: MediaErrors }) {
  const { t } = useTranslation();
  const messages = [
    errors.audio && t(`devices.errors.audio.${errors.audio}`),
    errors.video && t(`devices.errors.video.${errors.video}`),
  ].filter((m): m is string => Boolean(m));
  if (messages.length === 0) return null;
  return (
    <ul className="device-errors" role="alert" data-testid="device-errors">
      {messages.map((message) => (
        <li key={message} className="device-errors__item">
          <Icon name="alert" size={18} className="device-errors__icon" />
          <span>{message}</span>
        </li>
      ))}
    </ul>
  );
}
