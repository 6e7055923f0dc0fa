import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAttachStream } from '../../base/media/useAttachStream';
import { Icon } from '../../base/ui/Icon';
import '../presenting.css';

/**
 * Where one's own share would be: a dimmed preview of what the others see, saying so, with a way to
 * stop. Shown dimmed so a shared window showing this page does not become a hall of mirrors.
 */
export const PresentingTile = memo(function PresentingTile({ stream, onStop }: { stream: MediaStream; onStop: () => void }) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  useAttachStream(videoRef, stream, { muted: true });
  return (
    <figure className="tile tile--screen presenting-tile" data-testid="presenting-tile">
      <video ref={videoRef} className="tile__video presenting-tile__preview" autoPlay playsInline muted />
      <figcaption className="presenting-tile__panel">
        <Icon name="screenShare" size={28} className="presenting-tile__icon" />
        <span className="presenting-tile__text">{t('media.screenShare.presenting')}</span>
        <button type="button" className="button button--danger presenting-tile__stop" data-testid="stop-presenting" onClick={onStop}>
          {t('media.screenShare.stop')}
        </button>
      </figcaption>
    </figure>
  );
});
