import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resolveLanguage } from './languages';

/**
 * English (`src/locales/en.json`) is the source language. Every other language is one more JSON file
 * next to it with the same keys, picked up here without further wiring; missing keys fall back to English.
 */
const localeFiles = import.meta.glob<Record<string, unknown>>('../../../locales/*.json', {
  eager: true,
  import: 'default',
});

const resources = Object.fromEntries(
  Object.entries(localeFiles).map(([path, translation]) => [
    path.slice(path.lastIndexOf('/') + 1, -'.json'.length),
    { translation },
  ]),
);

export const AVAILABLE_LANGUAGES: readonly string[] = Object.keys(resources);

export function pickLanguage(candidates: ReadonlyArray<string | null | undefined>): string {
  return resolveLanguage([...candidates, ...navigator.languages], AVAILABLE_LANGUAGES);
}

/** Whether the page has a translation for `candidate` (a `lang=` value, say); `default` names none. */
export function hasTranslation(candidate: string | null | undefined): boolean {
  return resolveLanguage([candidate], AVAILABLE_LANGUAGES, '') !== '';
}

export async function initI18n(language: string): Promise<void> {
  i18next.on('languageChanged', applyDocumentLanguage);
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: AVAILABLE_LANGUAGES,
    interpolation: { escapeValue: false }, // React escapes
    showSupportNotice: false,
  });
  applyDocumentLanguage(i18next.language);
}

export function changeLanguage(language: string): void {
  if (language !== i18next.language) void i18next.changeLanguage(language);
}

function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = i18next.dir(language);
}
