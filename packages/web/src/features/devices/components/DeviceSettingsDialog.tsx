import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import { speakerSelectionSupported } from '../functions';
import type { LocalMedia } from '../useLocalMedia';
import { DeviceSelect } from './DeviceSelect';
import './devices.css';

/**
 * Microphone, camera and speaker, switchable mid-call: a new microphone or camera replaces the track
 * being sent (no renegotiation), a new speaker takes the meeting's sound. A modal dialog: focus stays
 * inside, Escape closes it.
 */
export function DeviceSettingsDialog({ media, onClose }: { media: LocalMedia; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog ref={ref} className="device-settings" data-testid="settings-dialog" aria-labelledby={titleId} onClose={onClose}>
      <div className="device-settings__header">
        <h2 id={titleId} className="device-settings__title">
          {t('resilience.settings.title')}
        </h2>
        <button type="button" className="device-settings__close" data-testid="settings-close" aria-label={t('resilience.settings.close')} onClick={() => ref.current?.close()}>
          <Icon name="close" size={20} />
        </button>
      </div>
      <div className="device-settings__body">
        <DeviceSelect kind="audio" devices={media.devices.audio} selectedId={media.selected.audio} onSelect={(id) => void media.selectDevice('audio', id)} />
        <DeviceSelect kind="video" devices={media.devices.video} selectedId={media.selected.video} onSelect={(id) => void media.selectDevice('video', id)} />
        {speakerSelectionSupported() && (
          <DeviceSelect kind="speaker" devices={media.devices.speaker} selectedId={media.speakerId ?? media.devices.speaker[0]?.deviceId} onSelect={media.selectSpeaker} />
        )}
      </div>
    </dialog>
  );
}
