import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import type { LayoutMode } from '../functions';

/** The toolbar's switch between the speaker view and the grid; it shows and names the layout it switches to. */
export function LayoutButton({ mode, onToggle }: { mode: LayoutMode; onToggle: () => void }) {
  const { t } = useTranslation();
  const label = mode === 'grid' ? t('media.layout.switchToSpeaker') : t('media.layout.switchToGrid');
  return (
    <button type="button" className="icon-button layout-button" data-testid="toggle-layout" data-mode={mode} aria-label={label} title={label} onClick={onToggle}>
      <Icon name={mode === 'grid' ? 'speakerView' : 'grid'} />
    </button>
  );
}
