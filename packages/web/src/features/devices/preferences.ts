import type { MediaKind } from './functions';

/** The devices last chosen on this browser, remembered across meetings. */
const KEY: Record<MediaKind, string> = {
  audio: 'parley.microphoneDeviceId',
  video: 'parley.cameraDeviceId',
};

export function preferredDevice(kind: MediaKind): string | undefined {
  try {
    return localStorage.getItem(KEY[kind]) ?? undefined;
  } catch {
    return undefined; // storage blocked (third-party iframe, private mode)
  }
}

export function rememberDevice(kind: MediaKind, deviceId: string): void {
  try {
    localStorage.setItem(KEY[kind], deviceId);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}
