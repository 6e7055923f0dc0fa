import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import type { Recording } from '../useRecording';
import '../recording.css';

/** Why a moderator's start or stop was refused, until they dismiss it or try again. */
export function RecordingNotice({ recording }: { recording: Recording }) {
  const { t } = useTranslation();
  if (!recording.error) return null;
  return (
    <div className="recording-notice" data-testid="recording-notice" data-error={recording.error} role="alert">
      <Icon name="alert" size={18} />
      <span className="recording-notice__text">{t(`recording.errors.${recording.error}`)}</span>
      <button type="button" className="recording-notice__dismiss" aria-label={t('recording.dismiss')} title={t('recording.dismiss')} onClick={recording.dismissError}>
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}
