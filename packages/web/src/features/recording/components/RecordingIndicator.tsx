import type { RecordingState } from '@parley/client';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { elapsed } from '../functions';
import '../recording.css';

/**
 * The meeting header's REC badge, which everyone sees while the meeting is recorded, with how long it
 * has been. A live region: screen readers hear recording start and stop.
 */
export function RecordingIndicator({ state }: { state: RecordingState }) {
  const { t } = useTranslation();
  const now = useSecondTicks(state.active);
  const label = state.automatic ? t('recording.activeAutomatic') : t('recording.active');
  return (
    <span className="recording-indicator-region" role="status">
      {state.active && state.startedAt !== undefined && (
        <span className="recording-indicator" data-testid="recording-indicator" title={label}>
          <span className="recording-indicator__dot" aria-hidden="true" />
          <span className="recording-indicator__text" aria-hidden="true">
            {t('recording.rec')}
          </span>
          <span className="recording-indicator__time" aria-hidden="true">
            {elapsed(Date.parse(state.startedAt), now)}
          </span>
          <span className="visually-hidden">{label}</span>
        </span>
      )}
    </span>
  );
}

/** The time now, refreshed every second while `running`. */
function useSecondTicks(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}
