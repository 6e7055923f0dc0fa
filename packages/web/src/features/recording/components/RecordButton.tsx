import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import { ConfirmDialog } from '../../moderation/components/ConfirmDialog';
import { useRoomFeatures } from '../../room-settings/RoomFeaturesContext';
import type { Recording } from '../useRecording';
import '../recording.css';

/**
 * The toolbar's record switch, for moderators: starts recording at once, stops it after asking. Absent
 * while the room's recording is off (unless a recording still runs, which can then be stopped), and
 * for a room that records every meeting, whose recording cannot be stopped.
 */
export function RecordButton({ recording }: { recording: Recording }) {
  const { t } = useTranslation();
  const available = useRoomFeatures().recording;
  const [confirming, setConfirming] = useState(false);
  const { active, automatic } = recording.state;
  if (automatic || (!available && !active)) return null;
  return (
    <>
      <button
        type="button"
        className="icon-button toolbar-toggle record-button"
        data-testid="record-button"
        data-recording={active ? 'true' : 'false'}
        aria-label={t('recording.record')}
        aria-pressed={active}
        title={active ? t('recording.stop') : t('recording.start')}
        disabled={recording.pending}
        onClick={() => (active ? setConfirming(true) : recording.start())}
      >
        <Icon name={active ? 'recordStop' : 'record'} />
      </button>
      {confirming && (
        <ConfirmDialog
          title={t('recording.confirmStopTitle')}
          body={t('recording.confirmStopBody')}
          confirmLabel={t('recording.confirmStopAction')}
          onConfirm={() => {
            setConfirming(false);
            recording.stop();
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  );
}
