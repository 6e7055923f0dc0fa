import type { DeviceKind } from './functions';

/** The devices last chosen on this browser, remembered across meetings. */
const KEY: Record<DeviceKind, string> = {
  audio: 'parley.microphoneDeviceId',
  video: 'parley.cameraDeviceId',
  speaker: 'parley.speakerDeviceId',
};

export function preferredDevice(kind: DeviceKind): string | undefined {
  try {
    return localStorage.getItem(KEY[kind]) ?? undefined;
  } catch {
    return undefined; // storage blocked (third-party iframe, private mode)
  }
}

export function rememberDevice(kind: DeviceKind, deviceId: string): void {
  try {
    localStorage.setItem(KEY[kind], deviceId);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}
