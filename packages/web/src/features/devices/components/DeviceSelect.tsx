import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceKind } from '../functions';
import './devices.css';

const TEST_IDS = { audio: 'microphone-select', video: 'camera-select', speaker: 'speaker-select' } as const;
const LABEL_KEYS = { audio: 'devices.microphone', video: 'devices.camera', speaker: 'devices.speaker' } as const;
const UNNAMED_KEYS = { audio: 'devices.unnamedMicrophone', video: 'devices.unnamedCamera', speaker: 'devices.unnamedSpeaker' } as const;

interface Props {
  kind: DeviceKind;
  devices: readonly MediaDeviceInfo[];
  selectedId: string | undefined;
  onSelect: (deviceId: string) => void;
}

export function DeviceSelect({ kind, devices, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const label = t(LABEL_KEYS[kind]);
  return (
    <div className="device-select">
      <label htmlFor={id} className="device-select__label">
        {label}
      </label>
      <select
        id={id}
        className="device-select__control"
        data-testid={TEST_IDS[kind]}
        value={selectedId ?? ''}
        disabled={devices.length === 0}
        onChange={(event) => onSelect(event.target.value)}
      >
        {devices.length === 0 && <option value="">{t('devices.none')}</option>}
        {selectedId === undefined && devices.length > 0 && <option value="" hidden />}
        {devices.map((device, index) => (
          // Device names come from the system, often in English: in their own direction they are cut
          // at their end ("Default Audio In…") on a right-to-left page, not at their start.
          <option key={device.deviceId} value={device.deviceId} dir="auto">
            {device.label || t(UNNAMED_KEYS[kind], { number: index + 1 })}
          </option>
        ))}
      </select>
    </div>
  );
}
