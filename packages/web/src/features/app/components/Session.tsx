import { ParleyClientError, ParleyRoom, signInToRoom } from '@parley/client';
import type { PublicRoomInfo, WaitingReason } from '@parley/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UrlParams } from '../../base/url/params';
import { SpeakerContext } from '../../devices/SpeakerContext';
import { useLocalMedia } from '../../devices/useLocalMedia';
import { useSessionCommands } from '../../embed/useSessionCommands';
import { LeftScreen } from '../../left/components/LeftScreen';
import { DeniedScreen } from '../../lobby/components/DeniedScreen';
import { WaitingScreen } from '../../lobby/components/WaitingScreen';
import { LockedScreen } from '../../lock/components/LockedScreen';
import { StageOrAudience } from '../../webinar/components/StageOrAudience';
import { useOnStage } from '../../webinar/useOnStage';
import { postWebinarDestination } from '../../webinar/functions';
import { isPasswordError, joinErrorCode, type JoinErrorCode } from '../../meeting/joinErrors';
import type { DisconnectReason } from '../../meeting/useRoom';
import { Prejoin } from '../../prejoin/components/Prejoin';
import { cameraStartOf, microphoneStartOf, normalizeDisplayName, rememberDisplayName, storedDisplayName } from '../../prejoin/functions';
import { Loading } from '../../room-info/components/Loading';
import { RoomUnavailable } from '../../room-info/components/RoomUnavailable';
import { LiveRoomFeatures } from '../../room-settings/components/LiveRoomFeatures';

type Phase =
  | { kind: 'prejoin'; error: JoinErrorCode | null }
  /** `fromPrejoin`: the pre-join screen stays up (with a busy Join button) while joining. */
  | { kind: 'joining'; fromPrejoin: boolean }
  /** Held in the room's waiting room: the join is still under way. */
  | { kind: 'waiting'; reason: WaitingReason }
  | { kind: 'meeting'; room: ParleyRoom }
  /** The meeting is locked: nobody new gets in for now. */
  | { kind: 'locked' }
  /** Someone in the meeting did not let this person in. */
  | { kind: 'denied' }
  | { kind: 'left'; reason: DisconnectReason }
  | { kind: 'gone'; reason: 'not_found' | 'unavailable' };

/** One visit to an available room: pre-join → (waiting room) → meeting → left → (rejoin) → meeting … */
export function Session({ info, params }: { info: PublicRoomInfo; params: UrlParams }) {
  const { t } = useTranslation();

  const [displayName, setDisplayName] = useState(() => params.displayName ?? storedDisplayName() ?? '');
  const [phase, setPhase] = useState<Phase>(() =>
    params.skipPrejoin && normalizeDisplayName(displayName)
      ? { kind: 'joining', fromPrejoin: false }
      : { kind: 'prejoin', error: null },
  );
  const room = phase.kind === 'meeting' ? phase.room : null;
  // A link's password (`?pw=`) goes with the join unseen; a typed one replaces it.
  const [password, setPassword] = useState(params.linkPassword ?? '');
  // Hosts (the host URL) are never asked; a guest whose link carries a token or the password only once the server asks.
  const [passwordAsked, setPasswordAsked] = useState(!params.participantToken && !params.linkPassword);
  // A webinar that admits only users asks visitors to sign in (once the server says so); the token
  // that yields replaces the link's.
  const [participantToken, setParticipantToken] = useState(params.participantToken);
  const [signIn, setSignIn] = useState<{ email: string; password: string; signingIn: boolean; error: SignInError | null } | null>(null);
  const microphoneStart = microphoneStartOf(info.microphoneState);
  const cameraStart = cameraStartOf(info.cameraState);
  // A webinar's public link brings people into its audience: they never send, so no camera or microphone is opened.
  const audienceLink = info.kind === 'webinar' && !params.participantToken;
  const onStage = useOnStage(phase.kind === 'meeting' ? phase.room : null);
  // In the meeting, one's role decides (a host may bring an attendee on stage, or send them back).
  const inAudience = phase.kind === 'meeting' ? !onStage : audienceLink;

  const media = useLocalMedia({
    // Released wherever this visit is not about to join: the camera light goes off.
    active: !['left', 'gone', 'locked', 'denied'].includes(phase.kind) && !inAudience,
    initiallyEnabled: { audio: microphoneStart.enabled, video: cameraStart.enabled },
    onTrackReplaced: room ? (track) => room.replaceTrack(track) : undefined,
    // The others see the camera off (or the microphone muted) rather than a frozen or silent feed.
    onDeviceLost: room ? (kind) => (kind === 'audio' ? room.setMicrophoneEnabled(false) : room.setCameraEnabled(false)) : undefined,
  });

  // Join once the camera and microphone have started (or failed to). Waiting in the waiting room is
  // part of joining: leaving that phase (or this page) gives up the join.
  const joinInputs = useRef({ displayName, media, participantToken, info, password });
  joinInputs.current = { displayName, media, participantToken, info, password };
  const joining = phase.kind === 'joining' || phase.kind === 'waiting';
  useEffect(() => {
    if (!joining || (!media.ready && !audienceLink)) return;
    const { displayName: name, media: m, participantToken: token, info: i, password: pw } = joinInputs.current;
    const giveUp = new AbortController();
    ParleyRoom.join({
      meetingCode: i.meetingCode,
      ...(token ? { participantToken: token } : {}),
      ...(pw ? { password: pw } : {}),
      displayName: normalizeDisplayName(name),
      localStream: (!audienceLink && m.stream) || new MediaStream(),
      audioMuted: !m.audioEnabled || !m.hasAudio,
      videoMuted: !m.videoEnabled || !m.hasVideo,
      signal: giveUp.signal,
      onWaiting: (reason) => setPhase({ kind: 'waiting', reason }),
    }).then(
      (joined) => {
        if (giveUp.signal.aborted) {
          void joined.leave();
          return;
        }
        // The room may have everyone start muted whatever this page asked for.
        if (joined.self.audioMuted && m.audioEnabled) m.setEnabled('audio', false);
        setPhase({ kind: 'meeting', room: joined });
      },
      (error: unknown) => {
        if (giveUp.signal.aborted) return;
        console.warn('[parley] join failed', error);
        const code = joinErrorCode(error);
        if (code === 'participant_blocked') {
          setPhase({ kind: 'left', reason: 'blocked' });
        } else if (code === 'not_found' || code === 'room_unavailable') {
          setPhase({ kind: 'gone', reason: code === 'not_found' ? 'not_found' : 'unavailable' });
        } else if (code === 'room_locked') {
          setPhase({ kind: 'locked' });
        } else if (code === 'admission_denied') {
          setPhase({ kind: 'denied' });
        } else if (isSignInRequired(error)) {
          setSignIn((asked) => ({ email: asked?.email ?? '', password: '', signingIn: false, error: 'sign_in_required' }));
          setPhase({ kind: 'prejoin', error: null });
        } else {
          if (isPasswordError(code)) {
            setPasswordAsked(true);
            // The link's password is out of date: the field starts empty rather than showing it.
            setPassword((typed) => (typed === params.linkPassword ? '' : typed));
          }
          setPhase({ kind: 'prejoin', error: code });
        }
      },
    );
    return () => giveUp.abort();
  }, [joining, media.ready, audienceLink]);

  const join = useCallback(
    (name: string) => {
      rememberDisplayName(name);
      setDisplayName(name);
      if (!signIn) {
        setPhase({ kind: 'joining', fromPrejoin: true });
        return;
      }
      // Signing in comes first (the Join button busy meanwhile); the join follows with the token it yields.
      setSignIn({ ...signIn, signingIn: true, error: null });
      signInToRoom(info.meetingCode, signIn.email.trim(), signIn.password, params.participantToken ? { participantToken: params.participantToken } : {}).then(
        (token) => {
          setParticipantToken(token);
          setSignIn(null);
          setPhase({ kind: 'joining', fromPrejoin: true });
        },
        (error: unknown) => setSignIn((asked) => asked && { ...asked, password: '', signingIn: false, error: signInErrorOf(error) }),
      );
    },
    [signIn, info.meetingCode, params.participantToken],
  );

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
      // A webinar that ended for its audience may send it to a page of its own (a thank-you, a survey).
      const destination = room ? postWebinarDestination(room) : undefined;
      if (destination) {
        window.location.assign(destination);
        return;
      }
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

  // A rename in the meeting is the name to join with again.
  useEffect(() => {
    if (room) return () => setDisplayName(room.self.displayName);
  }, [room]);

  const leaveWaitingRoom = useCallback(() => setPhase({ kind: 'prejoin', error: null }), []);
  useSessionCommands({ screen: phase.kind, media, microphoneFixed: microphoneStart.fixed, setDisplayName, leaveWaitingRoom });

  const rejoin = useCallback(() => setPhase({ kind: 'joining', fromPrejoin: false }), []);
  const error = phase.kind === 'prejoin' ? phase.error : null;

  switch (phase.kind) {
    case 'gone':
      return <RoomUnavailable reason={phase.reason} />;
    case 'left':
      return <LeftScreen reason={phase.reason} onRejoin={rejoin} />;
    case 'locked':
      return <LockedScreen onRetry={rejoin} />;
    case 'denied':
      return <DeniedScreen />;
    case 'waiting':
      return (
        <WaitingScreen
          reason={phase.reason}
          roomName={info.displayName}
          displayName={normalizeDisplayName(displayName)}
          media={media}
          onLeave={leaveWaitingRoom}
        />
      );
    case 'meeting':
      return (
        <SpeakerContext.Provider value={media.speakerId}>
          <LiveRoomFeatures room={phase.room}>
            <StageOrAudience room={phase.room} media={media} onLeave={leave} onDisconnected={onDisconnected} />
          </LiveRoomFeatures>
        </SpeakerContext.Provider>
      );
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
          audience={audienceLink}
          joining={phase.kind === 'joining' || signIn?.signingIn === true}
          error={error && !isPasswordError(error) ? t(`errors.${error}`) : null}
          onJoin={join}
          signIn={
            signIn
              ? {
                  email: signIn.email,
                  password: signIn.password,
                  onEmailChange: (email) => setSignIn((asked) => asked && { ...asked, email }),
                  onPasswordChange: (password) => setSignIn((asked) => asked && { ...asked, password }),
                  error: signIn.error ? t(`webinarRules.signIn.errors.${signIn.error}`) : null,
                }
              : undefined
          }
          password={
            info.passwordRequired && passwordAsked
              ? { value: password, onChange: setPassword, error: error && isPasswordError(error) ? t(`errors.${error}`) : null }
              : undefined
          }
          microphoneFixedBy={microphoneStart.fixed ? t(microphoneStart.enabled ? 'admission.microphoneStartsOn' : 'admission.microphoneStartsOff') : undefined}
          cameraFixedBy={cameraStart.fixed ? t('admission.cameraStartsOff') : undefined}
        />
      );
  }
}

/** Why the page asks to sign in (again): the server asked, the email and password did not match, too many tries, or anything else. */
type SignInError = 'sign_in_required' | 'unauthorized' | 'rate_limited' | 'unknown';

function signInErrorOf(error: unknown): SignInError {
  const code = error instanceof ParleyClientError ? error.code : undefined;
  return code === 'unauthorized' || code === 'rate_limited' ? code : 'unknown';
}

/** The webinar admits only users, and nobody signed in: the pre-join screen asks for an email and password. */
function isSignInRequired(error: unknown): boolean {
  return error instanceof ParleyClientError && error.code === 'sign_in_required';
}
