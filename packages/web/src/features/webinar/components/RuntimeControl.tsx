import type { ParleyRoom, WebinarRuntimeStatus } from '@parley/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../webinar.css';
import { ConfirmDialog } from '../../moderation/components/ConfirmDialog';
import { runtimeMoves, type RuntimeMove } from '../functions';

interface Props {
  room: ParleyRoom;
  status: WebinarRuntimeStatus;
  /** Carries out the move, showing a refusal the way other moderation refusals show. */
  run: (action: () => Promise<void>) => void;
}

/** For hosts and co-hosts, in the toolbar: Go live, Take a break, Resume, End for attendees (asked first). */
export function RuntimeControl({ room, status, run }: Props) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const moves = runtimeMoves(status);
  if (moves.length === 0) return null;
  const perform = (move: RuntimeMove) => run(() => room.setRuntimeStatus(move.status));
  return (
    <div className="runtime-control" role="group" aria-label={t('webinar.runtimeControl')}>
      {moves.map((move, index) => (
        <button
          key={move.status}
          type="button"
          className={`button runtime-control__button ${index === 0 && move.status === 'Live' ? 'button--primary' : 'button--secondary'}`}
          data-testid={`runtime-${move.labelKey}`}
          onClick={() => (move.status === 'Debrief' ? setConfirming(true) : perform(move))}
        >
          {t(`webinar.${move.labelKey}`)}
        </button>
      ))}
      {confirming && (
        <ConfirmDialog
          title={t('webinar.endConfirmTitle')}
          body={t('webinar.endConfirmBody')}
          confirmLabel={t('webinar.endForAttendees')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            run(() => room.setRuntimeStatus('Debrief'));
          }}
        />
      )}
    </div>
  );
}
