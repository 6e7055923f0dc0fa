import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';
import { AVAILABLE_LANGUAGES, changeLanguage } from '../i18n';
import { useLanguageSwitcherAvailable } from '../LanguageSwitcherContext';
import './language-switcher.css';

/**
 * The page's language, for rooms that allow choosing it. A native <select>: keyboard, screen readers
 * and touch screens already know how to work it. Each language is named in itself (from its own
 * locale file), so people find theirs whatever language the page is in now.
 */
export function LanguageSwitcher() {
  const available = useLanguageSwitcherAvailable();
  const { t, i18n } = useTranslation();
  const id = useId();
  const options = useMemo(() => {
    const named = AVAILABLE_LANGUAGES.map((code) => ({ code, name: t('language.nativeName', { lng: code }) }));
    const collator = new Intl.Collator('en');
    return named.sort((a, b) => collator.compare(a.name, b.name));
  }, [t]);
  if (!available) return null;

  const label = t('language.label');
  return (
    <div className="language-switcher" data-testid="language-switcher" title={label}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <Icon name="globe" size={18} className="language-switcher__icon" />
      <select
        id={id}
        className="language-switcher__control"
        data-testid="language-select"
        value={i18n.resolvedLanguage ?? i18n.language}
        onChange={(event) => changeLanguage(event.target.value)}
      >
        {options.map(({ code, name }) => (
          // Each name in its own direction: "Português (Brasil)" keeps its brackets on a Hebrew page.
          <option key={code} value={code} lang={code} dir="auto">
            {name}
          </option>
        ))}
      </select>
      <Icon name="chevronDown" size={16} className="language-switcher__chevron" />
    </div>
  );
}
