import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import { browserFamily, type MediaAccessProblem } from '../functions';
import './devices.css';

interface Props {
  problem: MediaAccessProblem;
  onRetry: () => void;
  onJoinWithout: () => void;
}

/**
 * When the camera or microphone is blocked or missing: what happened, how to fix it in this browser,
 * and the two ways on, trying again or joining without.
 */
export function MediaAccessHelp({ problem, onRetry, onJoinWithout }: Props) {
  const { t } = useTranslation();
  const { reason, kinds } = problem;
  const title = reason === 'denied' ? t(`resilience.mediaAccess.deniedTitle.${kinds}`) : t(`resilience.mediaAccess.notFoundTitle.${kinds}`);
  const body = reason === 'denied' ? t(`resilience.mediaAccess.deniedBody.${kinds}`) : t('resilience.mediaAccess.notFoundBody');
  const hint = reason === 'denied' ? t(`resilience.mediaAccess.hint.${browserFamily(navigator.userAgent)}`) : null;
  return (
    <section className="media-access" data-testid="media-access-help" data-reason={reason} data-kinds={kinds} aria-labelledby="media-access-title" role="alert">
      <div className="media-access__icon" aria-hidden="true">
        <Icon name={kinds === 'audio' ? 'microphoneOff' : 'cameraOff'} size={24} />
      </div>
      <div className="media-access__text">
        <h2 id="media-access-title" className="media-access__title">
          {title}
        </h2>
        <p className="media-access__body">{body}</p>
        {hint && (
          <p className="media-access__hint" data-testid="media-access-hint">
            {hint}
          </p>
        )}
        <div className="media-access__actions">
          <button type="button" className="button button--primary" data-testid="media-access-retry" onClick={onRetry}>
            {t('resilience.mediaAccess.retry')}
          </button>
          <button type="button" className="button button--secondary" data-testid="media-access-join-without" onClick={onJoinWithout}>
            {t(`resilience.mediaAccess.joinWithout.${kinds}`)}
          </button>
        </div>
      </div>
    </section>
  );
}
