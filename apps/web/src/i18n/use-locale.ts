import { useTranslation } from 'react-i18next';
import { locales, type Locale } from '@outage-radar/shared';

function isLocale(value: string | undefined): value is Locale {
  return (locales as readonly string[]).includes(value ?? '');
}

/** The language the interface is shown in, one of the supported locales. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  return isLocale(language) ? language : 'en';
}
