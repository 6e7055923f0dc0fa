import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import type { DeviceNotice as Notice } from '../useLocalMedia';
import './devices.css';

const SHOWN_MS = 10_000;

/** Says that a device in use was unplugged, and what the meeting carries on with. */
export function DeviceNotice({ notice, onDismiss, floating = false }: { notice: Notice | null; onDismiss: () => void; floating?: boolean }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(onDismiss, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);

  if (!notice) return null;
  const message =
    notice.outcome === 'switched'
      ? t(notice.kind === 'audio' ? 'resilience.deviceNotice.microphoneSwitched' : 'resilience.deviceNotice.cameraSwitched', { device: notice.label ?? '' })
      : t(notice.kind === 'audio' ? 'resilience.deviceNotice.microphoneLost' : 'resilience.deviceNotice.cameraLost');
  return (
    <div className={floating ? 'device-notice device-notice--floating' : 'device-notice'} role="status" data-testid="device-notice" data-kind={notice.kind} data-outcome={notice.outcome}>
      <Icon name={notice.kind === 'audio' ? 'microphone' : 'camera'} size={18} />
      <span className="device-notice__text">{message}</span>
      <button type="button" className="device-notice__close" aria-label={t('resilience.deviceNotice.dismiss')} onClick={onDismiss}>
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}
