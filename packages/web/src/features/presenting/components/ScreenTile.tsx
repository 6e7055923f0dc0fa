import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAttachStream } from '../../base/media/useAttachStream';
import { useHasLiveVideo } from '../../base/media/useHasLiveVideo';
import { Icon } from '../../base/ui/Icon';
import '../presenting.css';

interface Props {
  participantId: string;
  displayName: string;
  stream: MediaStream;
  trackVersion: number;
}

/** Someone else's shared screen, whole (never cropped); its sound plays with everyone else's. */
export const ScreenTile = memo(function ScreenTile({ participantId, displayName, stream, trackVersion }: Props) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const showVideo = useHasLiveVideo(stream, trackVersion);
  useAttachStream(videoRef, stream, { muted: true, refresh: trackVersion });
  const label = t('media.screenShare.someonesScreen', { name: displayName });
  return (
    <figure
      className="tile tile--screen"
      data-testid="screen-tile"
      data-participant-id={participantId}
      data-participant-name={displayName}
      data-video={showVideo ? 'on' : 'off'}
    >
      <video ref={videoRef} className="tile__video" autoPlay playsInline muted />
      {!showVideo && (
        <div className="tile__avatar screen-tile__waiting">
          <Icon name="screenShare" size={40} />
        </div>
      )}
      <figcaption className="tile__caption">
        <Icon name="screenShare" size={16} />
        <span className="tile__name">{label}</span>
      </figcaption>
    </figure>
  );
});
