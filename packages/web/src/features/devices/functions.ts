/** Why a camera or microphone could not be started, in the words the page shows the user. */
export type MediaErrorKind = 'denied' | 'not_found' | 'in_use' | 'unsupported' | 'unknown';
export type MediaKind = 'audio' | 'video';
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

export interface DeviceLists {
  audio: MediaDeviceInfo[];
  video: MediaDeviceInfo[];
}

export async function listDevices(): Promise<DeviceLists> {
  if (!navigator.mediaDevices?.enumerateDevices) return { audio: [], video: [] };
  const devices = await navigator.mediaDevices.enumerateDevices();
  // Before permission is granted, devices come back without ids; they cannot be selected.
  const usable = devices.filter((d) => d.deviceId !== '');
  return {
    audio: usable.filter((d) => d.kind === 'audioinput'),
    video: usable.filter((d) => d.kind === 'videoinput'),
  };
}

export function trackOf(stream: MediaStream | null, kind: MediaKind): MediaStreamTrack | undefined {
  if (!stream) return undefined;
  return kind === 'audio' ? stream.getAudioTracks()[0] : stream.getVideoTracks()[0];
}

export function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
