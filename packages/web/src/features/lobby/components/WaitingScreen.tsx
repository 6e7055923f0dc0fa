import type { WaitingReason } from '@parley/protocol';
import { useTranslation } from 'react-i18next';
import type { LocalMedia } from '../../devices/useLocalMedia';
import { Preview } from '../../prejoin/components/Preview';
import { Brand } from '../../theme/components/Brand';
import '../../base/ui/full-page.css';
import '../../prejoin/prejoin.css';
import '../lobby.css';

interface Props {
  reason: WaitingReason;
  roomName: string;
  displayName: string;
  /** The camera stays on while waiting, to be sent the moment they are let in: they see what it shows. */
  media: LocalMedia;
  onLeave: () => void;
}

/** A guest in the waiting room: what they wait for, how they will appear, and the way out. */
export function WaitingScreen({ reason, roomName, displayName, media, onLeave }: Props) {
  const { t } = useTranslation();
  const [title, body] =
    reason === 'host_absent'
      ? [t('admission.waitingHostTitle'), t('admission.waitingHostBody')]
      : [t('admission.waitingApprovalTitle'), t('admission.waitingApprovalBody')];
  return (
    <main className="full-page surface-light" data-testid="waiting-screen" data-reason={reason}>
      <header className="full-page__top">
        <Brand surface="light" />
      </header>
      <section className="full-page__card waiting" aria-labelledby="waiting-title" aria-busy="true">
        <Preview stream={media.stream} ready={media.ready} showVideo={media.hasVideo && media.videoEnabled} hasCamera={media.hasVideo} displayName={displayName} />
        <p className="waiting__room">{roomName}</p>
        <h1 id="waiting-title" className="full-page__title waiting__title" role="status">
          <span className="waiting__spinner" aria-hidden="true" />
          {title}
        </h1>
        <p className="full-page__body">{body}</p>
        <p className="waiting__as">{t('admission.waitingAs', { name: displayName })}</p>
        <div className="full-page__actions">
          <button type="button" className="button button--secondary" data-testid="waiting-leave" onClick={onLeave}>
            {t('admission.leaveWaiting')}
          </button>
        </div>
      </section>
    </main>
  );
}
