import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAttachStream } from '../../base/media/useAttachStream';
import { Avatar } from '../../base/avatar/Avatar';

interface Props {
  stream: MediaStream | null;
  ready: boolean;
  showVideo: boolean;
  hasCamera: boolean;
  displayName: string;
  children?: ReactNode;
}

/** The mirrored camera preview, with the avatar in its place when the camera is off. */
export function Preview({ stream, ready, showVideo, hasCamera, displayName, children }: Props) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  useAttachStream(videoRef, stream, { muted: true });
  return (
    <div className="preview surface-dark" data-testid="prejoin-preview">
      <video ref={videoRef} className="preview__video" data-mirror="true" autoPlay playsInline muted hidden={!showVideo} />
      {!showVideo && (
        <div className="preview__placeholder">
          {!ready ? (
            <>
              <div className="spinner" aria-hidden="true" />
              <span>{t('prejoin.startingDevices')}</span>
            </>
          ) : (
            <>
              <Avatar name={displayName} colorKey="self" size="large" />
              <span>{hasCamera ? t('prejoin.cameraOff') : t('prejoin.noCamera')}</span>
            </>
          )}
        </div>
      )}
      {children && <div className="preview__controls">{children}</div>}
    </div>
  );
}
