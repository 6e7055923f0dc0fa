import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import '../presenting.css';

interface Props {
  sharing: boolean;
  starting: boolean;
  onToggle: () => void;
}

/** The toolbar's screen share switch: `aria-pressed` says whether one shares now. */
export function ScreenShareButton({ sharing, starting, onToggle }: Props) {
  const { t } = useTranslation();
  const action = sharing ? t('media.screenShare.stop') : t('media.screenShare.start');
  return (
    <button
      type="button"
      className="icon-button screen-share-button"
      data-testid="toggle-screen-share"
      aria-label={t('media.screenShare.button')}
      aria-pressed={sharing}
      title={action}
      disabled={starting}
      onClick={onToggle}
    >
      <Icon name={sharing ? 'screenShareOff' : 'screenShare'} />
    </button>
  );
}
