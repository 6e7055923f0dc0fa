import type { ParleyRoom } from '@parley/client';
import { useCallback, useState } from 'react';
import { useSpeakers } from '../../active-speaker/useSpeakers';
import type { LocalMedia } from '../../devices/useLocalMedia';
import { useLayoutMode } from '../../layout/useLayoutMode';
import { useVideoView } from '../../layout/useVideoView';
import { AudioBlockedNotice } from '../../meeting/components/AudioBlockedNotice';
import { ControlBar } from '../../meeting/components/ControlBar';
import { MeetingHeader } from '../../meeting/components/MeetingHeader';
import { MeetingStage } from '../../meeting/components/MeetingStage';
import { RemoteAudio } from '../../meeting/components/RemoteAudio';
import { useRoom, type DisconnectReason } from '../../meeting/useRoom';
import { useNetworkQuality } from '../../network-quality/useNetworkQuality';
import { useScreenShare } from '../../presenting/useScreenShare';
import { ConnectionBanner } from '../../reconnection/components/ConnectionBanner';
import { useConnectionState } from '../../reconnection/useConnectionState';
import { useWebinar } from '../useWebinar';
import { AudienceScreen } from './AudienceScreen';
import { QaButton } from './QaButton';
import { QaPanel } from './QaPanel';
import { WebinarBadge } from './WebinarBadge';
import '../../meeting/meeting.css';
import '../webinar.css';

interface Props {
  room: ParleyRoom;
  media: LocalMedia;
  onLeave: () => Promise<void>;
  onDisconnected: (reason: DisconnectReason) => void;
}

const NO_HANDS = new Map<string, number>();
const NO_REACTIONS = new Map();

/**
 * A webinar's attendee: the panel large (speaker or grid), its sound, the Q&A and Leave; no camera,
 * microphone or screen switches. Before the webinar is live and during its breaks, a screen says so
 * (no media arrives then).
 */
export function AudienceView({ room, media, onLeave, onDisconnected }: Props) {
  const panel = useRoom(room, onDisconnected);
  const webinar = useWebinar(room);
  const speakers = useSpeakers(room);
  const screenShare = useScreenShare(room);
  const layout = useLayoutMode(panel.filter((p) => p.info.screenSharing).map((p) => p.info.id));
  const reportVisible = useVideoView(room);
  const networkQuality = useNetworkQuality(room);
  const connection = useConnectionState(room);
  const [qaOpen, setQaOpen] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [audioBlocked, setAudioBlocked] = useState(false);
  const [playAttempt, setPlayAttempt] = useState(0);
  const onAutoplayBlocked = useCallback(() => setAudioBlocked(true), []);
  const status = webinar.status ?? 'Practice';
  const live = status === 'Live';

  const leave = useCallback(() => {
    setLeaving(true);
    return onLeave();
  }, [onLeave]);

  return (
    <div className={qaOpen ? 'meeting audience meeting--panel-open' : 'meeting audience'} data-testid="audience-view">
      <MeetingHeader roomName={room.roomDisplayName} count={panel.length}>
        <WebinarBadge status={status} attendeeCount={webinar.attendeeCount} />
      </MeetingHeader>
      <ConnectionBanner state={connection} />
      {audioBlocked && live && (
        <AudioBlockedNotice
          onEnable={() => {
            setAudioBlocked(false);
            setPlayAttempt((n) => n + 1);
          }}
        />
      )}

      {live ? (
        <MeetingStage
          room={room}
          media={media}
          remotes={panel}
          speakers={speakers}
          screenShare={screenShare}
          mode={layout.mode}
          onVisible={reportVisible}
          networkQuality={networkQuality}
          handPositions={NO_HANDS}
          reactions={NO_REACTIONS}
          showSelf={false}
        />
      ) : (
        <AudienceScreen status={status} roomName={room.roomDisplayName} />
      )}
      <RemoteAudio remotes={live ? panel : []} playAttempt={playAttempt} onAutoplayBlocked={onAutoplayBlocked} />

      <ControlBar layout={layout} onLeave={leave} leaving={leaving}>
        <QaButton open={qaOpen} waiting={0} onToggle={() => setQaOpen(!qaOpen)} />
      </ControlBar>

      {qaOpen && (
        <QaPanel
          questions={webinar.questions}
          selfId={room.self.id}
          audience
          rules={webinar.rules}
          onAsk={(text, anonymous) => room.askQuestion(text, { anonymous })}
          onAnswer={(id, text) => room.answerQuestion(id, text)}
          onDismiss={(id) => room.dismissQuestion(id)}
          onClose={() => setQaOpen(false)}
        />
      )}
    </div>
  );
}
