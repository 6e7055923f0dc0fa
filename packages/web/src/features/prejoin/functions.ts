import { DISPLAY_NAME_MAX_LENGTH, type PublicRoomInfo } from '@parley/protocol';

const DISPLAY_NAME_KEY = 'parley.displayName';
/** The server's limit, so that the field never takes a name the server would refuse. */
export const MAX_DISPLAY_NAME_LENGTH = DISPLAY_NAME_MAX_LENGTH;

export function storedDisplayName(): string | null {
  try {
    return localStorage.getItem(DISPLAY_NAME_KEY);
  } catch {
    return null; // storage blocked (third-party iframe, private mode)
  }
}

export function rememberDisplayName(name: string): void {
  try {
    localStorage.setItem(DISPLAY_NAME_KEY, name);
  } catch {
    // storage blocked: nothing to remember it in
  }
}

export function normalizeDisplayName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_DISPLAY_NAME_LENGTH);
}

/**
 * How the microphone starts (`initial_join_options.microphone_state`): `off` and `on` are the room's
 * decision for everyone, so the pre-join switch is fixed; `default` leaves it to each person, unmuted
 * to begin with.
 */
export function microphoneStartOf(state: PublicRoomInfo['microphoneState']): { enabled: boolean; fixed: boolean } {
  return { enabled: state !== 'off', fixed: state !== 'default' };
}

/** How the camera starts: `off` is the room's decision for everyone (a bridge's video muted on join). */
export function cameraStartOf(state: PublicRoomInfo['cameraState']): { enabled: boolean; fixed: boolean } {
  return { enabled: state !== 'off', fixed: state === 'off' };
}
