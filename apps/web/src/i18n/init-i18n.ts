import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { locales } from '@outage-radar/shared';
import en from '../locales/en.json';
import { loadScriptFonts } from './load-script-fonts';

/** Where the reader's choice of language is remembered. */
export const languageStorageKey = 'outage-radar.language';

// English ships in the entry chunk (it is also the fallback); the others load when chosen.
const loaders: Record<string, () => Promise<{ default: ResourceKey }>> = {
  bn: () => import('../locales/bn.json'),
  hi: () => import('../locales/hi.json'),
  ar: () => import('../locales/ar.json'),
};

const lazyLocales: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    const load = loaders[language];
    if (!load) {
      callback(null, {});
      return;
    }
    // The messages and, for Bengali and Hindi, the script's font, before anything is shown in them.
    Promise.all([load(), loadScriptFonts(language)]).then(
      ([module]) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

function applyToDocument(language: string): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = i18n.dir(language);
}

/** Detects the reader's language (remembered choice, then the browser's) and loads its messages. */
export async function initI18n(): Promise<void> {
  i18n.on('languageChanged', () => applyToDocument(i18n.resolvedLanguage ?? 'en'));
  await i18n
    .use(lazyLocales)
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: { en: { translation: en } },
      partialBundledLanguages: true,
      supportedLngs: [...locales],
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      showSupportNotice: false,
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: languageStorageKey,
        caches: ['localStorage'],
      },
      react: { useSuspense: true },
    });
  applyToDocument(i18n.resolvedLanguage ?? 'en');
}

export { i18n };
