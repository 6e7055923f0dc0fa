import type { PublicTheme } from '@parley/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './brand.css';

/** The room's brand (its white logo on the dark page, or its brand text), else Parley's name. */
export function Brand({ theme }: { theme: PublicTheme | null }) {
  const { t } = useTranslation();
  const [logoFailed, setLogoFailed] = useState(false);
  const text = theme?.brandText || t('app.name');
  if (theme?.brandImageWhiteUrl && !logoFailed) {
    return (
      <span className="brand" data-testid="brand">
        <img className="brand__logo" src={theme.brandImageWhiteUrl} alt={text} onError={() => setLogoFailed(true)} />
      </span>
    );
  }
  return (
    <span className="brand" data-testid="brand">
      <span className="brand__mark" aria-hidden="true" />
      <span className="brand__text">{text}</span>
    </span>
  );
}
