import { canModerate, ParleyClientError, type ParleyRoom } from '@parley/client';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSpeakers } from '../../active-speaker/useSpeakers';
import { Icon } from '../../base/ui/Icon';
import { CaptionsButton } from '../../captions/components/CaptionsButton';
import { CaptionsOverlay } from '../../captions/components/CaptionsOverlay';
import { useCaptions } from '../../captions/useCaptions';
import { ChatPanel } from '../../chat/components/ChatPanel';
import { useChat } from '../../chat/useChat';
import { DeviceNotice } from '../../devices/components/DeviceNotice';
import { DeviceSettingsDialog } from '../../devices/components/DeviceSettingsDialog';
import type { MediaKind } from '../../devices/functions';
import type { LocalMedia } from '../../devices/useLocalMedia';
import { useMeetingEmbed } from '../../embed/useMeetingEmbed';
import { RaiseHandButton } from '../../hands/components/RaiseHandButton';
import { useRaisedHands } from '../../hands/useRaisedHands';
import { useLayoutMode } from '../../layout/useLayoutMode';
import { useVideoView } from '../../layout/useVideoView';
import { Lobby } from '../../lobby/components/Lobby';
import { LobbyButton } from '../../lobby/components/LobbyButton';
import { useLobby } from '../../lobby/useLobby';
import { LockControl } from '../../lock/components/LockControl';
import { ModerationOverlays } from '../../moderation/components/ModerationOverlays';
import { performModeration } from '../../moderation/perform';
import { useModeration } from '../../moderation/useModeration';
import { useNetworkQuality } from '../../network-quality/useNetworkQuality';
import { ParticipantsButton } from '../../participants/components/ParticipantsButton';
import { ParticipantsPanel } from '../../participants/components/ParticipantsPanel';
import { MediaNotice } from '../../presenting/components/MediaNotice';
import { usePresenting } from '../../presenting/usePresenting';
import { ReactionsButton } from '../../reactions/components/ReactionsButton';
import { useReactions } from '../../reactions/useReactions';
import { RecordButton } from '../../recording/components/RecordButton';
import { RecordingIndicator } from '../../recording/components/RecordingIndicator';
import { RecordingNotice } from '../../recording/components/RecordingNotice';
import { useRecording } from '../../recording/useRecording';
import { ConnectionBanner } from '../../reconnection/components/ConnectionBanner';
import { useConnectionState } from '../../reconnection/useConnectionState';
import { useRoomFeatures } from '../../room-settings/RoomFeaturesContext';
import { useMeetingSettings } from '../../room-settings/useMeetingSettings';
import { QaButton } from '../../webinar/components/QaButton';
import { QaPanel } from '../../webinar/components/QaPanel';
import { RuntimeControl } from '../../webinar/components/RuntimeControl';
import { WebinarBadge } from '../../webinar/components/WebinarBadge';
import { isOnStage, stageAllowances } from '../../webinar/functions';
import { useWebinar } from '../../webinar/useWebinar';
import { useRoom, type DisconnectReason } from '../useRoom';
import { AudioBlockedNotice } from './AudioBlockedNotice';
import { ControlBar } from './ControlBar';
import { MeetingHeader } from './MeetingHeader';
import { MeetingStage } from './MeetingStage';
import { RemoteAudio } from './RemoteAudio';
import '../meeting.css';

interface Props {
  room: ParleyRoom;
  media: LocalMedia;
  onLeave: () => Promise<void>;
  onDisconnected: (reason: DisconnectReason) => void;
}

export function Meeting({ room, media, onLeave, onDisconnected }: Props) {
  const { t } = useTranslation();
  const everyone = useRoom(room, onDisconnected);
  const webinar = useWebinar(room);
  // A webinar's attendees are listed, never shown: the stage is everyone else.
  const remotes = webinar.status === undefined ? everyone : everyone.filter((p) => isOnStage(p.info));
  const chat = useChat(room);
  const { locked } = useMeetingSettings(room);
  const lobby = useLobby(room);
  const features = useRoomFeatures();
  // The toolbar offers the chat panel while the room's chat is on (the API may turn it off meanwhile).
  const chatEnabled = features.chat;
  const speakers = useSpeakers(room);
  const moderation = useModeration(room, media);
  // Follows promotion to co-host and back.
  const moderator = canModerate(moderation.self.role);
  // A webinar may keep its panelists' cameras and screens off (the server refuses them too).
  const allowed = stageAllowances(webinar.rules, moderation.self.role);
  const presenting = usePresenting(room, media, remotes, (features.screenSharing || moderator) && allowed.screen);
  const layout = useLayoutMode(remotes.filter((p) => p.info.screenSharing).map((p) => p.info.id));
  const reportVisible = useVideoView(room);
  const chatOpen = chatEnabled && chat.open;
  const hands = useRaisedHands(room);
  const reactions = useReactions(room);
  const recording = useRecording(room);
  const captions = useCaptions(room);
  // One side panel at a time: opening one closes the other.
  const [participantsOpen, setParticipantsOpen] = useState(false);
  const [qaOpen, setQaOpen] = useState(false);
  const panelOpen = chatOpen || participantsOpen || qaOpen;
  const [leaving, setLeaving] = useState(false);
  const [audioBlocked, setAudioBlocked] = useState(false);
  const [playAttempt, setPlayAttempt] = useState(0);
  const onAutoplayBlocked = useCallback(() => setAudioBlocked(true), []);
  const connection = useConnectionState(room);
  const networkQuality = useNetworkQuality(room);
  const [settingsOpen, setSettingsOpen] = useState(false);

  /** Turns one's microphone or camera on or off; rejects with why it stays off, which the page shows too. */
  const setMedia = useCallback(
    async (kind: MediaKind, enabled: boolean) => {
      if (enabled && !moderation.mayTurnOn(kind)) {
        throw new ParleyClientError('media_moderated', kind === 'audio' ? 'A moderator muted you' : 'A moderator turned off your camera');
      }
      if (kind === 'video') return presenting.setCamera(enabled);
      media.setEnabled(kind, enabled);
      room.setMicrophoneEnabled(enabled);
    },
    [media, room, presenting.setCamera, moderation.mayTurnOn],
  );
  // The switches: a refusal is already on screen.
  const toggle = useCallback((kind: MediaKind, enabled: boolean) => void setMedia(kind, enabled).catch(() => undefined), [setMedia]);

  const leave = useCallback(() => {
    setLeaving(true);
    return onLeave();
  }, [onLeave]);

  useShortcuts({
    m: () => media.hasAudio && toggle('audio', !media.audioEnabled),
    v: () => media.hasVideo && toggle('video', !media.videoEnabled),
  });

  useMeetingEmbed({
    room,
    hasDevice: { audio: media.hasAudio, video: media.hasVideo },
    setMedia,
    leave,
    hands,
    chat,
    activeSpeakerId: speakers.recent[0] ?? null,
  });

  const count = remotes.length + 1;
  const self = moderation.self;
  const ownHandRaised = hands.positions.has(self.id);

  return (
    <div className={panelOpen ? 'meeting meeting--panel-open' : 'meeting'} data-testid="meeting">
      <MeetingHeader roomName={room.roomDisplayName} count={count}>
        <RecordingIndicator state={recording.state} />
        <LockControl locked={locked} canLock={moderator} onToggle={(locked) => room.setLocked(locked)} />
        {webinar.status !== undefined && <WebinarBadge status={webinar.status} attendeeCount={webinar.attendeeCount} />}
      </MeetingHeader>
      <ConnectionBanner state={connection} />

      {audioBlocked && (
        <AudioBlockedNotice
          onEnable={() => {
            setAudioBlocked(false);
            setPlayAttempt((n) => n + 1);
          }}
        />
      )}

      <ModerationOverlays moderation={moderation} />
      {presenting.notice && <MediaNotice notice={presenting.notice} onDismiss={presenting.dismissNotice} />}
      <RecordingNotice recording={recording} />

      <MeetingStage
        room={room}
        media={media}
        remotes={remotes}
        speakers={speakers}
        screenShare={presenting.screenShare}
        mode={layout.mode}
        onVisible={reportVisible}
        networkQuality={networkQuality}
        handPositions={hands.positions}
        reactions={reactions.byParticipant}
      />
      <CaptionsOverlay captions={captions} />
      <RemoteAudio remotes={remotes} playAttempt={playAttempt} onAutoplayBlocked={onAutoplayBlocked} />

      {remotes.length === 0 && (
        <p className="meeting__alone" data-testid="alone-hint">
          {t('meeting.alone')}
        </p>
      )}

      <ControlBar
        devices={{
          audio: { enabled: media.audioEnabled, available: media.hasAudio, locked: self.moderated.audio },
          video: { enabled: media.videoEnabled, available: media.hasVideo, locked: self.moderated.video, ...(allowed.camera ? {} : { fixedBy: t('webinarRules.panelistCameraOff') }) },
          onToggle: toggle,
          onOpenSettings: () => setSettingsOpen(true),
        }}
        screenShare={
          presenting.screenShare.supported && presenting.mayShare
            ? { sharing: presenting.screenShare.stream !== null, starting: presenting.screenShare.starting, onToggle: presenting.toggleScreenShare }
            : undefined
        }
        layout={layout}
        onLeave={leave}
        leaving={leaving}
        chat={
          chatEnabled
            ? {
                open: chat.open,
                unread: chat.unread,
                onToggle: () => {
                  setParticipantsOpen(false);
                  setQaOpen(false);
                  chat.setOpen(!chat.open);
                },
              }
            : undefined
        }
        moderatorControls={
          moderator && (
            <>
              {webinar.status !== undefined && <RuntimeControl room={room} status={webinar.status} isHost={self.role === 'host'} run={moderation.run} />}
              <RecordButton recording={recording} />
              <LobbyButton count={lobby.waiting.length} open={lobby.open} onToggle={() => lobby.setOpen(!lobby.open)} />
            </>
          )
        }
      >
        <CaptionsButton captions={captions} moderator={moderator} />
        <ReactionsButton onSend={reactions.send} />
        <RaiseHandButton raised={ownHandRaised} onToggle={() => moderation.run(ownHandRaised ? () => hands.lower() : hands.raise)} />
        <ParticipantsButton
          open={participantsOpen}
          raisedHands={hands.hands.length}
          onToggle={() => {
            chat.setOpen(false);
            setQaOpen(false);
            setParticipantsOpen(!participantsOpen);
          }}
        />
        {webinar.status !== undefined && (
          <QaButton
            open={qaOpen}
            waiting={webinar.questions.filter((q) => q.status === 'open').length}
            onToggle={() => {
              chat.setOpen(false);
              setParticipantsOpen(false);
              setQaOpen(!qaOpen);
            }}
          />
        )}
      </ControlBar>

      <DeviceNotice notice={media.notice} onDismiss={media.dismissNotice} floating />
      {settingsOpen && <DeviceSettingsDialog media={media} onClose={() => setSettingsOpen(false)} />}

      {chatOpen && <ChatPanel messages={chat.messages} selfId={self.id} onSend={chat.send} onClose={() => chat.setOpen(false)} />}
      {participantsOpen && (
        <ParticipantsPanel
          self={self}
          others={everyone.map((p) => p.info)}
          hands={hands.hands}
          handPositions={hands.positions}
          onModerate={(action, target) => moderation.run(() => performModeration(room, action, target.id))}
          onLowerOwnHand={() => moderation.run(() => hands.lower())}
          onMuteEveryone={() => moderation.run(() => room.muteEveryone())}
          onEndMeeting={() => moderation.run(() => room.endMeeting())}
          onClose={() => setParticipantsOpen(false)}
        />
      )}
      {qaOpen && (
        <QaPanel
          questions={webinar.questions}
          selfId={self.id}
          audience={false}
          rules={webinar.rules}
          onAsk={(text, anonymous) => room.askQuestion(text, { anonymous })}
          onAnswer={(id, text) => room.answerQuestion(id, text)}
          onDismiss={(id) => room.dismissQuestion(id)}
          onClose={() => setQaOpen(false)}
        />
      )}
      {moderator && <Lobby lobby={lobby} />}
    </div>
  );
}

/** Single-key shortcuts, ignored while typing in a field or with a modifier held. */
function useShortcuts(handlers: Record<string, () => unknown>): void {
  const [latest] = useState(() => ({ current: handlers }));
  latest.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      // By the key's place, not the letter it types: M and V work on Hebrew, Arabic or Cyrillic layouts too.
      const key = event.code.startsWith('Key') ? event.code.slice(3).toLowerCase() : event.key.toLowerCase();
      const handler = latest.current[key];
      if (handler) {
        event.preventDefault();
        handler();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [latest]);
}
