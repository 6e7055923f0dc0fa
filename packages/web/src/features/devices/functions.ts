/** Why a camera or microphone could not be started, in the words the page shows the user. */
export type MediaErrorKind = 'denied' | 'not_found' | 'in_use' | 'unsupported' | 'unknown';
export type MediaKind = 'audio' | 'video';
/** What a device list offers: a microphone, a camera, or where the meeting's sound plays. */
export type DeviceKind = MediaKind | 'speaker';
export type MediaErrors = Partial<Record<MediaKind, MediaErrorKind>>;

export function classifyMediaError(error: unknown): MediaErrorKind {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'not_found';
    case 'NotReadableError':
    case 'AbortError':
    case 'TrackStartError':
      return 'in_use';
    case 'TypeError':
      return 'unsupported';
    default:
      return 'unknown';
  }
}

export function mediaDevicesSupported(): boolean {
  return typeof navigator !== 'undefined' && navigator.mediaDevices?.getUserMedia !== undefined;
}

export interface DeviceChoice {
  audio: boolean;
  video: boolean;
  /** Preferred devices; a preference that no longer exists falls back to the default device. */
  audioDeviceId?: string | undefined;
  videoDeviceId?: string | undefined;
}

const VIDEO_CONSTRAINTS: MediaTrackConstraints = {
  width: { ideal: 1280 },
  height: { ideal: 720 },
  frameRate: { ideal: 30 },
};

function constraintsFor(kind: MediaKind, deviceId: string | undefined, exact: boolean): MediaTrackConstraints {
  const base = kind === 'video' ? { ...VIDEO_CONSTRAINTS } : { echoCancellation: true, noiseSuppression: true };
  if (!deviceId) return base;
  return { ...base, deviceId: exact ? { exact: deviceId } : { ideal: deviceId } };
}

/**
 * Starts the camera and microphone together (one permission prompt), and when that fails, each on
 * its own, so a missing or blocked camera never costs the user their microphone (or the reverse).
 */
export async function acquireLocalMedia(choice: DeviceChoice): Promise<{ stream: MediaStream; errors: MediaErrors }> {
  const errors: MediaErrors = {};
  const wanted = (['audio', 'video'] as const).filter((kind) => choice[kind]);
  if (wanted.length === 0) return { stream: new MediaStream(), errors };
  if (!mediaDevicesSupported()) {
    for (const kind of wanted) errors[kind] = 'unsupported';
    return { stream: new MediaStream(), errors };
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: choice.audio && constraintsFor('audio', choice.audioDeviceId, false),
      video: choice.video && constraintsFor('video', choice.videoDeviceId, false),
    });
    return { stream, errors };
  } catch (error) {
    if (wanted.length === 1) {
      errors[wanted[0]!] = classifyMediaError(error);
      return { stream: new MediaStream(), errors };
    }
  }
  const tracks: MediaStreamTrack[] = [];
  for (const kind of wanted) {
    try {
      tracks.push(await acquireTrack(kind, kind === 'audio' ? choice.audioDeviceId : choice.videoDeviceId, false));
    } catch (error) {
      errors[kind] = classifyMediaError(error);
    }
  }
  return { stream: new MediaStream(tracks), errors };
}

export async function acquireTrack(kind: MediaKind, deviceId: string | undefined, exact = true): Promise<MediaStreamTrack> {
  if (!mediaDevicesSupported()) throw new TypeError('getUserMedia is not available');
  const stream = await navigator.mediaDevices.getUserMedia({ [kind]: constraintsFor(kind, deviceId, exact) });
  const track = kind === 'audio' ? stream.getAudioTracks()[0] : stream.getVideoTracks()[0];
  if (!track) throw new DOMException('No track', 'NotFoundError');
  return track;
}

export type DeviceLists = Record<DeviceKind, MediaDeviceInfo[]>;

export const NO_DEVICES: DeviceLists = { audio: [], video: [], speaker: [] };

export async function listDevices(): Promise<DeviceLists> {
  if (!navigator.mediaDevices?.enumerateDevices) return NO_DEVICES;
  const devices = await navigator.mediaDevices.enumerateDevices();
  // Before permission is granted, devices come back without ids; they cannot be selected.
  const usable = devices.filter((d) => d.deviceId !== '');
  return {
    audio: usable.filter((d) => d.kind === 'audioinput'),
    video: usable.filter((d) => d.kind === 'videoinput'),
    speaker: usable.filter((d) => d.kind === 'audiooutput'),
  };
}

/** Whether this browser lets a page choose where sound plays (`HTMLMediaElement.setSinkId`). */
export function speakerSelectionSupported(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

/**
 * The kinds whose device in use is no longer among `devices`: it was unplugged (or switched off).
 * A track that does not say which device it comes from is never judged.
 */
export function unpluggedKinds(stream: MediaStream | null, devices: DeviceLists): MediaKind[] {
  return (['audio', 'video'] as const).filter((kind) => {
    const deviceId = trackOf(stream, kind)?.getSettings().deviceId;
    return deviceId !== undefined && deviceId !== '' && !devices[kind].some((d) => d.deviceId === deviceId);
  });
}

export function trackOf(stream: MediaStream | null, kind: MediaKind): MediaStreamTrack | undefined {
  if (!stream) return undefined;
  return kind === 'audio' ? stream.getAudioTracks()[0] : stream.getVideoTracks()[0];
}

export function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** A camera or microphone problem the person can fix, and which devices it concerns. */
export interface MediaAccessProblem {
  /** `denied`: the browser (or the system) blocks the page; `not_found`: there is no such device. */
  reason: 'denied' | 'not_found';
  kinds: 'both' | MediaKind;
}

/** The problem worth a page of explanation, if any: a block comes before a missing device. */
export function mediaAccessProblem(errors: MediaErrors): MediaAccessProblem | null {
  for (const reason of ['denied', 'not_found'] as const) {
    const audio = errors.audio === reason;
    const video = errors.video === reason;
    if (audio || video) return { reason, kinds: audio && video ? 'both' : audio ? 'audio' : 'video' };
  }
  return null;
}

/** Browsers whose permission controls differ enough to need their own directions. */
export type BrowserFamily = 'chromium' | 'firefox' | 'safari' | 'other';

export function browserFamily(userAgent: string): BrowserFamily {
  if (/Firefox\//.test(userAgent)) return 'firefox';
  // Edge, Opera, Brave and Chrome all say "Chrome/"; Safari alone says "Version/… Safari/" without it.
  if (/Chrome\/|Chromium\/|CriOS\//.test(userAgent)) return 'chromium';
  if (/Version\/[\d.]+.*Safari\//.test(userAgent)) return 'safari';
  return 'other';
}
