import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaKind } from '../functions';
import './devices.css';

interface Props {
  kind: MediaKind;
  devices: readonly MediaDeviceInfo[];
  selectedId: string | undefined;
  onSelect: (deviceId: string) => void;
}

export function DeviceSelect({ kind, devices, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const label = kind === 'audio' ? t('devices.microphone') : t('devices.camera');
  return (
    <div className="device-select">
      <label htmlFor={id} className="device-select__label">
        {label}
      </label>
      <select
        id={id}
        className="device-select__control"
        data-testid={kind === 'audio' ? 'microphone-select' : 'camera-select'}
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
            {device.label ||
              (kind === 'audio'
                ? t('devices.unnamedMicrophone', { number: index + 1 })
                : t('devices.unnamedCamera', { number: index + 1 }))}
          </option>
        ))}
      </select>
    </div>
  );
}
