import type { NetworkQuality } from '@parley/client';
import type { ParticipantRole } from '@parley/protocol';
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SpeakingIndicator } from '../../active-speaker/components/SpeakingIndicator';
import { Avatar } from '../../base/avatar/Avatar';
import { useAttachStream } from '../../base/media/useAttachStream';
import { useHasLiveVideo } from '../../base/media/useHasLiveVideo';
import { Icon } from '../../base/ui/Icon';
import { HandBadge } from '../../hands/components/HandBadge';
import { NetworkQualityIndicator } from '../../network-quality/components/NetworkQualityIndicator';
import { TileReconnecting } from '../../reconnection/components/TileReconnecting';
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
  /** The server hears them speak. */
  speaking: boolean;
  /** Their connection dropped and the server holds their place. */
  reconnecting?: boolean | undefined;
  networkQuality?: NetworkQuality | undefined;
}

/**
 * One participant's camera, or their initials when there is no picture. Their sound plays elsewhere
 * (`RemoteAudio`), so that everyone is heard, on screen or not.
 */
export const Tile = memo(function Tile(props: Props) {
  const { participantId, displayName, label, stream, isSelf, role, handPosition, reactions, audioMuted, videoMuted, trackVersion, speaking, reconnecting, networkQuality } = props;
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const hasVideoTrack = useHasLiveVideo(stream, trackVersion);
  const showVideo = hasVideoTrack && !videoMuted;
  useAttachStream(videoRef, stream, { muted: true, refresh: trackVersion });

  return (
    <figure
      className="tile"
      data-testid="tile"
      data-participant-id={participantId}
      data-participant-name={displayName}
      data-self={isSelf ? 'true' : undefined}
      data-video={showVideo ? 'on' : 'off'}
      data-audio-muted={audioMuted ? 'true' : 'false'}
      data-reconnecting={reconnecting ? 'true' : undefined}
      data-speaking={speaking ? 'true' : 'false'}
      data-role={role}
    >
      {/* Under the video, which is see-through until its first frame: a tile never shows black. */}
      <div className="tile__avatar">
        <Avatar name={displayName} colorKey={participantId} />
      </div>
      <video ref={videoRef} className="tile__video" data-mirror={isSelf ? 'true' : undefined} autoPlay playsInline muted />
      {reconnecting && <TileReconnecting />}
      {handPosition !== undefined && <HandBadge position={handPosition} />}
      {reactions && <TileReactions reactions={reactions} />}
      <figcaption className="tile__caption">
        <NetworkQualityIndicator quality={networkQuality ?? 'unknown'} />
        {speaking && <SpeakingIndicator />}
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
