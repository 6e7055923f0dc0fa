import { ParleyRoom } from '@parley/client';
import type { PublicRoomInfo } from '@parley/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UrlParams } from '../../base/url/params';
import { useLocalMedia } from '../../devices/useLocalMedia';
import { LeftScreen } from '../../left/components/LeftScreen';
import { Meeting } from '../../meeting/components/Meeting';
import { joinErrorCode, type JoinErrorCode } from '../../meeting/joinErrors';
import type { DisconnectReason } from '../../meeting/useRoom';
import { Prejoin } from '../../prejoin/components/Prejoin';
import { normalizeDisplayName, rememberDisplayName, storedDisplayName } from '../../prejoin/functions';
import { Loading } from '../../room-info/components/Loading';
import { RoomUnavailable } from '../../room-info/components/RoomUnavailable';

type Phase =
  | { kind: 'prejoin'; error: JoinErrorCode | null }
  /** `fromPrejoin`: the pre-join screen stays up (with a busy Join button) while joining. */
  | { kind: 'joining'; fromPrejoin: boolean }
  | { kind: 'meeting'; room: ParleyRoom }
  | { kind: 'left'; reason: DisconnectReason }
  | { kind: 'gone'; reason: 'not_found' | 'unavailable' };

/** One visit to an available room: pre-join → meeting → left → (rejoin) → meeting … */
export function Session({ info, params }: { info: PublicRoomInfo; params: UrlParams }) {
  const { t } = useTranslation();

  const [displayName, setDisplayName] = useState(() => params.displayName ?? storedDisplayName() ?? '');
  const [phase, setPhase] = useState<Phase>(() =>
    params.skipPrejoin && normalizeDisplayName(displayName)
      ? { kind: 'joining', fromPrejoin: false }
      : { kind: 'prejoin', error: null },
  );
  const room = phase.kind === 'meeting' ? phase.room : null;

  const media = useLocalMedia({
    active: phase.kind !== 'left' && phase.kind !== 'gone',
    initiallyEnabled: { audio: info.microphoneState !== 'off', video: true },
    onTrackReplaced: room ? (track) => room.replaceTrack(track) : undefined,
  });

  // Join once the camera and microphone have started (or failed to).
  const joinInputs = useRef({ displayName, media, params, info });
  joinInputs.current = { displayName, media, params, info };
  const joining = phase.kind === 'joining';
  useEffect(() => {
    if (!joining || !media.ready) return;
    const { displayName: name, media: m, params: p, info: i } = joinInputs.current;
    let cancelled = false;
    ParleyRoom.join({
      meetingCode: i.meetingCode,
      ...(p.participantToken ? { participantToken: p.participantToken } : {}),
      displayName: normalizeDisplayName(name),
      localStream: m.stream ?? new MediaStream(),
      audioMuted: !m.audioEnabled || !m.hasAudio,
      videoMuted: !m.videoEnabled || !m.hasVideo,
    }).then(
      (joined) => {
        if (cancelled) void joined.leave();
        else setPhase({ kind: 'meeting', room: joined });
      },
      (error: unknown) => {
        if (cancelled) return;
        console.warn('[parley] join failed', error);
        const code = joinErrorCode(error);
        if (code === 'participant_blocked') {
          setPhase({ kind: 'left', reason: 'blocked' });
        } else if (code === 'not_found' || code === 'room_unavailable') {
          setPhase({ kind: 'gone', reason: code === 'not_found' ? 'not_found' : 'unavailable' });
        } else {
          setPhase({ kind: 'prejoin', error: code });
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [joining, media.ready]);

  const join = useCallback((name: string) => {
    rememberDisplayName(name);
    setDisplayName(name);
    setPhase({ kind: 'joining', fromPrejoin: true });
  }, []);

  const leave = useCallback(async () => {
    if (!room) return;
    try {
      await room.leave();
    } finally {
      setPhase((p) => (p.kind === 'meeting' && p.room === room ? { kind: 'left', reason: 'left' } : p));
    }
  }, [room]);

  const onDisconnected = useCallback(
    (reason: DisconnectReason) => {
      setPhase((p) => (p.kind === 'meeting' && p.room === room ? { kind: 'left', reason } : p));
    },
    [room],
  );

  // Closing the tab leaves the meeting rather than lingering until the server notices.
  useEffect(() => {
    if (!room) return;
    const onPageHide = () => void room.leave();
    window.addEventListener('pagehide', onPageHide);
    return () => window.removeEventListener('pagehide', onPageHide);
  }, [room]);

  switch (phase.kind) {
    case 'gone':
      return <RoomUnavailable reason={phase.reason} />;
    case 'left':
      return <LeftScreen reason={phase.reason} onRejoin={() => setPhase({ kind: 'joining', fromPrejoin: false })} />;
    case 'meeting':
      return <Meeting room={phase.room} media={media} onLeave={leave} onDisconnected={onDisconnected} chatEnabled={info.features.chat} />;
    case 'joining':
      if (!phase.fromPrejoin) return <Loading />;
    // falls through: joining from the pre-join screen keeps it up, with a busy Join button
    case 'prejoin':
      return (
        <Prejoin
          roomName={info.displayName}
          displayName={displayName}
          onDisplayNameChange={setDisplayName}
          media={media}
          joining={phase.kind === 'joining'}
          error={phase.kind === 'prejoin' && phase.error ? t(`errors.${phase.error}`) : null}
          onJoin={join}
        />
      );
  }
}
