import type { MediaKind, ParticipantRef } from '@parley/client';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import '../moderation.css';

interface Props {
  requests: Partial<Record<MediaKind, ParticipantRef>>;
  onAccept: (kind: MediaKind) => void;
  onDecline: (kind: MediaKind) => void;
}

/** A moderator asks this person to unmute (or turn their camera on): they choose, the meeting goes on meanwhile. */
export function UnmuteRequests({ requests, onAccept, onDecline }: Props) {
  return (
    <div className="unmute-requests">
      {(['audio', 'video'] as const).map((kind) => {
        const by = requests[kind];
        return by ? <UnmuteRequest key={kind} kind={kind} by={by} onAccept={() => onAccept(kind)} onDecline={() => onDecline(kind)} /> : null;
      })}
    </div>
  );
}

function UnmuteRequest({ kind, by, onAccept, onDecline }: { kind: MediaKind; by: ParticipantRef; onAccept: () => void; onDecline: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const audio = kind === 'audio';
  return (
    <div className="unmute-request" role="alertdialog" aria-labelledby={`${id}-title`} data-testid="unmute-request" data-kind={kind}>
      <span className="unmute-request__icon">
        <Icon name={audio ? 'microphone' : 'camera'} size={20} />
      </span>
      <p id={`${id}-title`} className="unmute-request__title">
        {audio ? t('moderation.unmuteRequest.audioTitle', { name: by.displayName }) : t('moderation.unmuteRequest.videoTitle', { name: by.displayName })}
      </p>
      <div className="unmute-request__actions">
        <button type="button" className="button button--secondary" data-testid="unmute-request-decline" onClick={onDecline}>
          {t('moderation.unmuteRequest.decline')}
        </button>
        <button type="button" className="button button--primary" data-testid="unmute-request-accept" onClick={onAccept} autoFocus>
          {audio ? t('moderation.unmuteRequest.audioAccept') : t('moderation.unmuteRequest.videoAccept')}
        </button>
      </div>
    </div>
  );
}
