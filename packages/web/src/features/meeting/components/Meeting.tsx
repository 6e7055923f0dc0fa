import type { ParleyRoom } from '@parley/client';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import { ChatPanel } from '../../chat/components/ChatPanel';
import { useChat } from '../../chat/useChat';
import type { MediaKind } from '../../devices/functions';
import type { LocalMedia } from '../../devices/useLocalMedia';
import { RaiseHandButton } from '../../hands/components/RaiseHandButton';
import { useRaisedHands } from '../../hands/useRaisedHands';
import { ModerationOverlays } from '../../moderation/components/ModerationOverlays';
import { performModeration } from '../../moderation/perform';
import { useModeration } from '../../moderation/useModeration';
import { ParticipantsButton } from '../../participants/components/ParticipantsButton';
import { ParticipantsPanel } from '../../participants/components/ParticipantsPanel';
import { ReactionsButton } from '../../reactions/components/ReactionsButton';
import { useReactions } from '../../reactions/useReactions';
import { useRoom, type DisconnectReason } from '../useRoom';
import { ControlBar } from './ControlBar';
import { MeetingHeader } from './MeetingHeader';
import { Stage } from './Stage';
import { Tile } from './Tile';
import '../meeting.css';

interface Props {
  room: ParleyRoom;
  media: LocalMedia;
  onLeave: () => Promise<void>;
  onDisconnected: (reason: DisconnectReason) => void;
  /** The room's chat is on (`features.chat`): the toolbar offers the chat panel. */
  chatEnabled: boolean;
}

export function Meeting({ room, media, onLeave, onDisconnected, chatEnabled }: Props) {
  const { t } = useTranslation();
  const remotes = useRoom(room, onDisconnected);
  const chat = useChat(room);
  const chatOpen = chatEnabled && chat.open;
  const moderation = useModeration(room, media);
  const hands = useRaisedHands(room);
  const reactions = useReactions(room);
  // One side panel at a time: opening one closes the other.
  const [participantsOpen, setParticipantsOpen] = useState(false);
  const panelOpen = chatOpen || participantsOpen;
  const [leaving, setLeaving] = useState(false);
  const [audioBlocked, setAudioBlocked] = useState(false);
  const [playAttempt, setPlayAttempt] = useState(0);
  const onAutoplayBlocked = useCallback(() => setAudioBlocked(true), []);

  const toggle = useCallback(
    (kind: MediaKind, enabled: boolean) => {
      if (enabled && !moderation.mayTurnOn(kind)) return;
      media.setEnabled(kind, enabled);
      if (kind === 'audio') room.setMicrophoneEnabled(enabled);
      else room.setCameraEnabled(enabled);
    },
    [media, room, moderation.mayTurnOn],
  );

  const leave = useCallback(() => {
    setLeaving(true);
    void onLeave();
  }, [onLeave]);

  useShortcuts({
    m: () => media.hasAudio && toggle('audio', !media.audioEnabled),
    v: () => media.hasVideo && toggle('video', !media.videoEnabled),
  });

  const count = remotes.length + 1;
  const self = moderation.self;
  const ownHandRaised = hands.positions.has(self.id);

  return (
    <div className={panelOpen ? 'meeting meeting--panel-open' : 'meeting'} data-testid="meeting">
      <MeetingHeader roomName={room.roomDisplayName} count={count} />

      {audioBlocked && (
        <div className="meeting__notice" role="status">
          <Icon name="speaker" size={18} />
          <span>{t('meeting.audioBlocked')}</span>
          <button
            type="button"
            className="button button--primary meeting__notice-action"
            data-testid="enable-audio"
            onClick={() => {
              setAudioBlocked(false);
              setPlayAttempt((n) => n + 1);
            }}
          >
            {t('meeting.enableAudio')}
          </button>
        </div>
      )}

      <ModerationOverlays moderation={moderation} />

      <Stage count={count}>
        <Tile
          participantId={self.id}
          displayName={self.displayName}
          label={t('meeting.you')}
          stream={media.stream}
          isSelf
          role={self.role}
          handPosition={hands.positions.get(self.id)}
          reactions={reactions.byParticipant.get(self.id)}
          audioMuted={!media.audioEnabled || !media.hasAudio}
          videoMuted={!media.videoEnabled || !media.hasVideo}
          trackVersion={0}
          playAttempt={0}
        />
        {remotes.map((p) => (
          <Tile
            key={p.info.id}
            participantId={p.info.id}
            displayName={p.info.displayName}
            label={p.info.displayName}
            stream={p.stream}
            isSelf={false}
            role={p.info.role}
            handPosition={hands.positions.get(p.info.id)}
            reactions={reactions.byParticipant.get(p.info.id)}
            audioMuted={p.info.audioMuted}
            videoMuted={p.info.videoMuted}
            trackVersion={p.trackVersion}
            playAttempt={playAttempt}
            onAutoplayBlocked={onAutoplayBlocked}
          />
        ))}
      </Stage>

      {remotes.length === 0 && (
        <p className="meeting__alone" data-testid="alone-hint">
          {t('meeting.alone')}
        </p>
      )}

      <ControlBar
        audio={{ enabled: media.audioEnabled, available: media.hasAudio, locked: self.moderated.audio }}
        video={{ enabled: media.videoEnabled, available: media.hasVideo, locked: self.moderated.video }}
        onToggle={toggle}
        onLeave={leave}
        leaving={leaving}
        chat={
          chatEnabled
            ? {
                open: chat.open,
                unread: chat.unread,
                onToggle: () => {
                  setParticipantsOpen(false);
                  chat.setOpen(!chat.open);
                },
              }
            : undefined
        }
      >
        <ReactionsButton onSend={reactions.send} />
        <RaiseHandButton raised={ownHandRaised} onToggle={() => moderation.run(ownHandRaised ? () => hands.lower() : hands.raise)} />
        <ParticipantsButton
          open={participantsOpen}
          raisedHands={hands.hands.length}
          onToggle={() => {
            chat.setOpen(false);
            setParticipantsOpen(!participantsOpen);
          }}
        />
      </ControlBar>

      {chatOpen && <ChatPanel messages={chat.messages} selfId={self.id} onSend={chat.send} onClose={() => chat.setOpen(false)} />}
      {participantsOpen && (
        <ParticipantsPanel
          self={self}
          others={remotes.map((p) => p.info)}
          hands={hands.hands}
          handPositions={hands.positions}
          onModerate={(action, target) => moderation.run(() => performModeration(room, action, target.id))}
          onLowerOwnHand={() => moderation.run(() => hands.lower())}
          onMuteEveryone={() => moderation.run(() => room.muteEveryone())}
          onEndMeeting={() => moderation.run(() => room.endMeeting())}
          onClose={() => setParticipantsOpen(false)}
        />
      )}
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
      const handler = latest.current[event.key.toLowerCase()];
      if (handler) {
        event.preventDefault();
        handler();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [latest]);
}
