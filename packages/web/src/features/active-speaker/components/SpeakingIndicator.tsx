import { useTranslation } from 'react-i18next';
import '../active-speaker.css';

/**
 * Moving sound bars in a tile's name tag while its person speaks: a cue that is not colour alone
 * (the tile's ring is the other), named for screen readers.
 */
export function SpeakingIndicator() {
  const { t } = useTranslation();
  return (
    <span className="speaking-indicator" data-testid="speaking-indicator" role="img" aria-label={t('media.speaking')}>
      <span />
      <span />
      <span />
    </span>
  );
}
