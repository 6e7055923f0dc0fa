import { useCallback, useEffect, useRef, useState } from 'react';
import {
  acquireLocalMedia,
  acquireTrack,
  classifyMediaError,
  listDevices,
  stopStream,
  trackOf,
  type DeviceLists,
  type MediaErrors,
  type MediaKind,
} from './functions';
import { preferredDevice, rememberDevice } from './preferences';

export interface LocalMedia {
  /** The camera and microphone tracks, or null while they start (or once released). */
  stream: MediaStream | null;
  ready: boolean;
  errors: MediaErrors;
  devices: DeviceLists;
  selected: Partial<Record<MediaKind, string>>;
  /** What the user wants; the meeting sends nothing for a kind that is disabled or has no track. */
  audioEnabled: boolean;
  videoEnabled: boolean;
  hasAudio: boolean;
  hasVideo: boolean;
  setEnabled(kind: MediaKind, enabled: boolean): void;
  selectDevice(kind: MediaKind, deviceId: string): Promise<void>;
}

interface Options {
  /** Holds the camera and microphone while true; stops them (camera light off) when false. */
  active: boolean;
  initiallyEnabled: Record<MediaKind, boolean>;
  /** Called with the new track after a device switch, so a joined room can publish it instead. */
  onTrackReplaced?: ((track: MediaStreamTrack) => Promise<void>) | undefined;
}

export function useLocalMedia({ active, initiallyEnabled, onTrackReplaced }: Options): LocalMedia {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [ready, setReady] = useState(false);
  const [errors, setErrors] = useState<MediaErrors>({});
  const [devices, setDevices] = useState<DeviceLists>({ audio: [], video: [] });
  const [enabled, setEnabledState] = useState(initiallyEnabled);
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;
  const streamRef = useRef<MediaStream | null>(null);
  const replacedRef = useRef(onTrackReplaced);
  replacedRef.current = onTrackReplaced;

  const refreshDevices = useCallback(() => {
    listDevices().then(setDevices, () => undefined);
  }, []);

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    setReady(false);
    acquireLocalMedia({
      audio: true,
      video: true,
      audioDeviceId: preferredDevice('audio'),
      videoDeviceId: preferredDevice('video'),
    }).then(({ stream: acquired, errors: failures }) => {
      if (cancelled) {
        stopStream(acquired);
        return;
      }
      for (const track of acquired.getTracks()) track.enabled = enabledRef.current[track.kind as MediaKind];
      streamRef.current = acquired;
      setStream(acquired);
      setErrors(failures);
      setReady(true);
      refreshDevices(); // labels and ids become visible once permission is granted
    });
    navigator.mediaDevices?.addEventListener?.('devicechange', refreshDevices);
    return () => {
      cancelled = true;
      navigator.mediaDevices?.removeEventListener?.('devicechange', refreshDevices);
      stopStream(streamRef.current);
      streamRef.current = null;
      setStream(null);
      setReady(false);
    };
  }, [active, refreshDevices]);

  const setEnabled = useCallback((kind: MediaKind, value: boolean) => {
    const track = trackOf(streamRef.current, kind);
    if (track) track.enabled = value;
    setEnabledState((current) => ({ ...current, [kind]: value }));
  }, []);

  const selectDevice = useCallback(async (kind: MediaKind, deviceId: string) => {
    const current = streamRef.current;
    if (!current) return;
    let track: MediaStreamTrack;
    try {
      track = await acquireTrack(kind, deviceId);
    } catch (error) {
      setErrors((e) => ({ ...e, [kind]: classifyMediaError(error) }));
      return;
    }
    if (streamRef.current !== current) {
      track.stop(); // released or replaced meanwhile
      return;
    }
    track.enabled = enabledRef.current[kind];
    const old = trackOf(current, kind);
    const others = current.getTracks().filter((t) => t.kind !== kind);
    // A new stream object, so everything showing the old one re-renders with the new device.
    const next = new MediaStream([...others, track]);
    streamRef.current = next;
    setStream(next);
    setErrors((e) => ({ ...e, [kind]: undefined }));
    rememberDevice(kind, deviceId);
    try {
      await replacedRef.current?.(track);
    } finally {
      old?.stop();
    }
    refreshDevices();
  }, [refreshDevices]);

  const audioTrack = trackOf(stream, 'audio');
  const videoTrack = trackOf(stream, 'video');
  return {
    stream,
    ready,
    errors,
    devices,
    selected: {
      audio: audioTrack?.getSettings().deviceId,
      video: videoTrack?.getSettings().deviceId,
    },
    audioEnabled: enabled.audio,
    videoEnabled: enabled.video,
    hasAudio: audioTrack !== undefined,
    hasVideo: videoTrack !== undefined,
    setEnabled,
    selectDevice,
  };
}
