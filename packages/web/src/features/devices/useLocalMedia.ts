import { useCallback, useEffect, useRef, useState } from 'react';
import {
  acquireLocalMedia,
  acquireTrack,
  classifyMediaError,
  listDevices,
  NO_DEVICES,
  stopStream,
  trackOf,
  unpluggedKinds,
  type DeviceLists,
  type MediaErrors,
  type MediaKind,
} from './functions';
import { preferredDevice, rememberDevice } from './preferences';

/** The device in use went away: `switched` to the device named `label`, or `lost` with none left to take over. */
export interface DeviceNotice {
  kind: MediaKind;
  outcome: 'switched' | 'lost';
  label?: string;
}

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
  /** Where the meeting's sound plays; `undefined` for the system's default output. */
  speakerId: string | undefined;
  selectSpeaker(deviceId: string): void;
  /** Starts the camera and microphone again: after the person allowed them, or plugged one in. */
  retry(): void;
  /** What happened when a device in use was unplugged, until dismissed. */
  notice: DeviceNotice | null;
  dismissNotice(): void;
}

interface Options {
  /** Holds the camera and microphone while true; stops them (camera light off) when false. */
  active: boolean;
  initiallyEnabled: Record<MediaKind, boolean>;
  /** Called with the new track after a device switch, so a joined room can publish it instead. */
  onTrackReplaced?: ((track: MediaStreamTrack) => Promise<void>) | undefined;
  /** Called when a kind lost its last device, so a joined room can tell the others it is off. */
  onDeviceLost?: ((kind: MediaKind) => void) | undefined;
}

export function useLocalMedia({ active, initiallyEnabled, onTrackReplaced, onDeviceLost }: Options): LocalMedia {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [ready, setReady] = useState(false);
  const [errors, setErrors] = useState<MediaErrors>({});
  const [devices, setDevices] = useState<DeviceLists>(NO_DEVICES);
  const [enabled, setEnabledState] = useState(initiallyEnabled);
  const [speakerId, setSpeakerId] = useState(() => preferredDevice('speaker'));
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<DeviceNotice | null>(null);
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;
  const streamRef = useRef<MediaStream | null>(null);
  const callbacks = useRef({ onTrackReplaced, onDeviceLost });
  callbacks.current = { onTrackReplaced, onDeviceLost };
  const replacing = useRef(new Set<MediaKind>());

  const refreshDevices = useCallback(async (): Promise<DeviceLists> => {
    const lists = await listDevices().catch(() => NO_DEVICES);
    setDevices(lists);
    return lists;
  }, []);

  /** Makes `track` the one of its kind in the stream (and in the meeting), releasing the one it replaces. */
  const adoptTrack = useCallback(async (kind: MediaKind, track: MediaStreamTrack) => {
    const current = streamRef.current;
    if (!current) {
      track.stop(); // released meanwhile
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
    try {
      await callbacks.current.onTrackReplaced?.(track);
    } catch (error) {
      console.warn('[parley] publishing the new device failed', error);
    } finally {
      old?.stop();
    }
  }, []);

  /** The device of `kind` in use went away: carry on with another one, or without, and say which. */
  const fallBack = useCallback(
    async (kind: MediaKind, lists: DeviceLists) => {
      const current = streamRef.current;
      const gone = trackOf(current, kind);
      if (!current || !gone || replacing.current.has(kind)) return;
      replacing.current.add(kind);
      try {
        const goneId = gone.getSettings().deviceId;
        const candidate = lists[kind].find((d) => d.deviceId !== goneId) ?? lists[kind][0];
        try {
          if (!candidate) throw new DOMException('No device left', 'NotFoundError');
          const track = await acquireTrack(kind, candidate.deviceId, false);
          await adoptTrack(kind, track);
          setNotice({ kind, outcome: 'switched', label: track.label || candidate.label });
        } catch {
          const next = new MediaStream(current.getTracks().filter((t) => t !== gone));
          gone.stop();
          streamRef.current = next;
          setStream(next);
          setNotice({ kind, outcome: 'lost' });
          callbacks.current.onDeviceLost?.(kind);
        }
        void refreshDevices();
      } finally {
        replacing.current.delete(kind);
      }
    },
    [adoptTrack, refreshDevices],
  );

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
      void refreshDevices(); // labels and ids become visible once permission is granted
    });
    const onDeviceChange = () => {
      void refreshDevices().then((lists) => {
        for (const kind of unpluggedKinds(streamRef.current, lists)) void fallBack(kind, lists);
      });
    };
    navigator.mediaDevices?.addEventListener?.('devicechange', onDeviceChange);
    return () => {
      cancelled = true;
      navigator.mediaDevices?.removeEventListener?.('devicechange', onDeviceChange);
      stopStream(streamRef.current);
      streamRef.current = null;
      setStream(null);
      setReady(false);
    };
  }, [active, attempt, refreshDevices, fallBack]);

  // A device pulled out ends its track, often before the device list changes.
  useEffect(() => {
    if (!stream) return;
    const listeners = stream.getTracks().map((track) => {
      const onEnded = () => {
        if (streamRef.current?.getTracks().includes(track)) void refreshDevices().then((lists) => fallBack(track.kind as MediaKind, lists));
      };
      track.addEventListener('ended', onEnded);
      return () => track.removeEventListener('ended', onEnded);
    });
    return () => {
      for (const remove of listeners) remove();
    };
  }, [stream, refreshDevices, fallBack]);

  const setEnabled = useCallback((kind: MediaKind, value: boolean) => {
    const track = trackOf(streamRef.current, kind);
    if (track) track.enabled = value;
    setEnabledState((current) => ({ ...current, [kind]: value }));
  }, []);

  const selectDevice = useCallback(
    async (kind: MediaKind, deviceId: string) => {
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
      rememberDevice(kind, deviceId);
      setNotice(null);
      await adoptTrack(kind, track);
      void refreshDevices();
    },
    [adoptTrack, refreshDevices],
  );

  const selectSpeaker = useCallback((deviceId: string) => {
    rememberDevice('speaker', deviceId);
    setSpeakerId(deviceId);
  }, []);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const dismissNotice = useCallback(() => setNotice(null), []);

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
    // A remembered speaker that is gone plays through the default output instead.
    speakerId: devices.speaker.some((d) => d.deviceId === speakerId) ? speakerId : undefined,
    selectSpeaker,
    retry,
    notice,
    dismissNotice,
  };
}
