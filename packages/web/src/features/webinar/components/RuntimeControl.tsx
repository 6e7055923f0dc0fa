import type { ParleyRoom, WebinarRuntimeStatus } from '@parley/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../moderation/components/ConfirmDialog';
import { runtimeMoves, type RuntimeMove } from '../functions';
import '../webinar.css';

interface Props {
  room: ParleyRoom;
  status: WebinarRuntimeStatus;
  /** A host (not a co-host) may also end the session for everyone once it ended for the audience. */
  isHost: boolean;
  /** Carries out the move, showing a refusal the way other moderation refusals show. */
  run: (action: () => Promise<void>) => void;
}

/**
 * For hosts and co-hosts, in the toolbar: Go live, Take a break, Resume, End for attendees; once the
 * audience is gone, End for everyone (hosts). Ending asks first.
 */
export function RuntimeControl({ room, status, isHost, run }: Props) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<'audience' | 'everyone' | null>(null);
  const moves = runtimeMoves(status);
  const endForEveryone = status === 'Debrief' && isHost;
  if (moves.length === 0 && !endForEveryone) return null;
  const perform = (move: RuntimeMove) => run(() => room.setRuntimeStatus(move.status));
  return (
    <div className="runtime-control" role="group" aria-label={t('webinar.runtimeControl')}>
      {moves.map((move, index) => (
        <button
          key={move.status}
          type="button"
          className={`button runtime-control__button ${index === 0 && move.status === 'Live' ? 'button--primary' : 'button--secondary'}`}
          data-testid={`runtime-${move.labelKey}`}
          onClick={() => (move.status === 'Debrief' ? setConfirming('audience') : perform(move))}
        >
          {t(`webinar.${move.labelKey}`)}
        </button>
      ))}
      {endForEveryone && (
        <button type="button" className="button button--secondary runtime-control__button" data-testid="runtime-endForEveryone" onClick={() => setConfirming('everyone')}>
          {t('webinar.endForEveryone')}
        </button>
      )}
      {confirming === 'audience' && (
        <ConfirmDialog
          title={t('webinar.endConfirmTitle')}
          body={t('webinar.endConfirmBody')}
          confirmLabel={t('webinar.endForAttendees')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            run(() => room.setRuntimeStatus('Debrief'));
          }}
        />
      )}
      {confirming === 'everyone' && (
        <ConfirmDialog
          title={t('webinar.endAllConfirmTitle')}
          body={t('webinar.endAllConfirmBody')}
          confirmLabel={t('webinar.endForEveryone')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            run(() => room.endMeeting());
          }}
        />
      )}
    </div>
  );
}
