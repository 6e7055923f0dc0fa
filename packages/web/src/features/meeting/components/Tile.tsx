import type { ParticipantRole } from '@parley/protocol';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../base/avatar/Avatar';
import { useAttachStream } from '../../base/media/useAttachStream';
import { Icon } from '../../base/ui/Icon';
import { HandBadge } from '../../hands/components/HandBadge';
import { TileReactions } from '../../reactions/components/TileReactions';
import type { ShownReaction } from '../../reactions/state';

interface Props {
  participantId: string;
  displayName: string;
  /** What the name tag says: the name, or "You" on one's own tile. */
  label: string;
  stream: MediaStream | null;
  isSelf: boolean;
  role: ParticipantRole;
  /** Their place in the queue of raised hands, when their hand is up. */
  handPosition?: number | undefined;
  /** Reactions floating over the tile now. */
  reactions?: readonly ShownReaction[] | undefined;
  audioMuted: boolean;
  videoMuted: boolean;
  trackVersion: number;
  /** Changes when the user clicks "Turn on sound", to retry playing after a blocked autoplay. */
  playAttempt: number;
  onAutoplayBlocked?: (() => void) | undefined;
}

/** One participant: their video (and, for others, their sound), or their initials when there is no picture. */
export const Tile = memo(function Tile(props: Props) {
  const { participantId, displayName, label, stream, isSelf, role, handPosition, reactions, audioMuted, videoMuted, trackVersion, playAttempt, onAutoplayBlocked } = props;
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const hasVideoTrack = useHasLiveVideo(stream, trackVersion);
  const showVideo = hasVideoTrack && !videoMuted;
  const refresh = `${trackVersion}:${playAttempt}`;
  useAttachStream(videoRef, stream, { muted: isSelf, refresh, onAutoplayBlocked });

  return (
    <figure
      className="tile"
      data-testid="tile"
      data-participant-id={participantId}
      data-participant-name={displayName}
      data-self={isSelf ? 'true' : undefined}
      data-video={showVideo ? 'on' : 'off'}
      data-audio-muted={audioMuted ? 'true' : 'false'}
      data-role={role}
    >
      {/* Always rendered: for other people it also plays their sound, video or not. */}
      <video
        ref={videoRef}
        className="tile__video"
        data-mirror={isSelf ? 'true' : undefined}
        autoPlay
        playsInline
        muted={isSelf}
      />
      {!showVideo && (
        <div className="tile__avatar">
          <Avatar name={displayName} colorKey={participantId} />
        </div>
      )}
      {handPosition !== undefined && <HandBadge position={handPosition} />}
      {reactions && <TileReactions reactions={reactions} />}
      <figcaption className="tile__caption">
        {audioMuted && (
          <span className="tile__muted" data-testid="tile-muted" role="img" aria-label={t('meeting.microphoneMuted')}>
            <Icon name="microphoneOff" size={16} />
          </span>
        )}
        <span className="tile__name">{label}</span>
        {role === 'host' && <span className="tile__badge">{t('meeting.host')}</span>}
        {role === 'cohost' && <span className="tile__badge">{t('participants.roles.cohost')}</span>}
      </figcaption>
    </figure>
  );
});

/** Whether the stream carries a video track that is actually delivering frames. */
function useHasLiveVideo(stream: MediaStream | null, version: number): boolean {
  const compute = useCallback(
    () => stream?.getVideoTracks().some((track) => track.readyState === 'live' && !track.muted) ?? false,
    [stream],
  );
  const [live, setLive] = useState(compute);

  useEffect(() => {
    if (!stream) {
      setLive(false);
      return;
    }
    const update = () => setLive(compute());
    const tracks = stream.getVideoTracks();
    const events = ['mute', 'unmute', 'ended'] as const;
    for (const track of tracks) for (const e of events) track.addEventListener(e, update);
    stream.addEventListener('addtrack', update);
    stream.addEventListener('removetrack', update);
    update();
    return () => {
      for (const track of tracks) for (const e of events) track.removeEventListener(e, update);
      stream.removeEventListener('addtrack', update);
      stream.removeEventListener('removetrack', update);
    };
  }, [stream, version, compute]);

  return live;
}
