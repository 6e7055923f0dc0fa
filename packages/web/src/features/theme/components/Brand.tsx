import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { brandTextOf, logoCandidates, type Surface } from '../functions';
import { useRoomTheme } from '../ThemeContext';
import './brand.css';

/**
 * The room's brand: the logo made for this surface (white on dark, coloured on light), else the other
 * one on a plate, else its brand text; without a theme, Parley's mark and name. A logo that fails to
 * load gives way to the next choice, and finally to the text.
 */
export function Brand({ surface }: { surface: Surface }) {
  const { t } = useTranslation();
  const theme = useRoomTheme();
  const [failedUrls, setFailedUrls] = useState<ReadonlySet<string>>(() => new Set());
  const candidates = useMemo(() => logoCandidates(theme, surface), [theme, surface]);
  const logo = candidates.find((choice) => !failedUrls.has(choice.url));
  const brandText = brandTextOf(theme);
  const text = brandText ?? t('app.name');

  if (logo) {
    return (
      <span className="brand" data-testid="brand" data-logo={logo.kind}>
        <img
          className={logo.plated ? `brand__logo brand__logo--on-${logo.kind === 'white' ? 'dark' : 'light'}-plate` : 'brand__logo'}
          data-testid="brand-logo"
          src={logo.url}
          alt={text}
          onError={() => setFailedUrls((failed) => new Set(failed).add(logo.url))}
        />
      </span>
    );
  }
  return (
    <span className="brand" data-testid="brand">
      {/* Parley's own mark; a company's brand is its text alone. */}
      {brandText === null && <span className="brand__mark" aria-hidden="true" />}
      <span className="brand__text" data-testid="brand-text">
        {text}
      </span>
    </span>
  );
}
