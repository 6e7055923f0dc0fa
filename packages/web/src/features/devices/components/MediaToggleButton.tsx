import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import type { MediaKind } from '../functions';
import './devices.css';

interface Props {
  kind: MediaKind;
  /** The device is sending (microphone unmuted, camera on). */
  enabled: boolean;
  /** There is a device to toggle at all. */
  available: boolean;
  onToggle: (enabled: boolean) => void;
  shortcut?: string;
  /** Why the switch cannot be used here, when the room decides (how everyone starts, say). */
  fixedBy?: string | undefined;
  /** A moderator stopped this device: it stays off until a moderator asks and one accepts. */
  locked?: boolean | undefined;
}

/**
 * The microphone or camera switch, used on the pre-join screen and in the meeting.
 * `aria-pressed="true"` means the device is on; the label names the device, the tooltip the action.
 */
export function MediaToggleButton({ kind, enabled, available, onToggle, shortcut, fixedBy, locked = false }: Props) {
  const { t } = useTranslation();
  const on = enabled && available;
  const action = locked
    ? kind === 'audio' ? t('moderation.notices.cantUnmute') : t('moderation.notices.cantStartCamera')
    : !available
    ? kind === 'audio' ? t('controls.microphoneUnavailable') : t('controls.cameraUnavailable')
    : kind === 'audio'
      ? on ? t('controls.muteMicrophone') : t('controls.unmuteMicrophone')
      : on ? t('controls.turnOffCamera') : t('controls.turnOnCamera');
  const icon = kind === 'audio' ? (on ? 'microphone' : 'microphoneOff') : on ? 'camera' : 'cameraOff';
  return (
    <button
      type="button"
      className="icon-button"
      data-testid={kind === 'audio' ? 'toggle-microphone' : 'toggle-camera'}
      aria-label={kind === 'audio' ? t('controls.microphone') : t('controls.camera')}
      aria-pressed={on}
      aria-keyshortcuts={shortcut}
      title={fixedBy ?? (shortcut ? t('controls.withShortcut', { action, key: shortcut.toUpperCase() }) : action)}
      disabled={!available || fixedBy !== undefined}
      data-locked={locked ? 'true' : undefined}
      onClick={() => onToggle(!enabled)}
    >
      <Icon name={icon} />
      {locked && (
        <span className="icon-button__lock" data-testid="media-locked">
          <Icon name="lock" size={11} />
        </span>
      )}
    </button>
  );
}
