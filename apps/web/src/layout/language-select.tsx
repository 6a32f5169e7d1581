import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { locales } from '@outage-radar/shared';
import { useLocale } from '../i18n/use-locale';

/** Each language is offered under its own name ("বাংলা", "العربية"), as readers look for it. */
function toEndonym(locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.3" />
          <path d="M1 8h14M8 1c2.2 2 2.2 12 0 14M8 1c-2.2 2-2.2 12 0 14" fill="none" stroke="currentColor" strokeWidth="1.1" />
        </svg>
        <span className="visually-hidden-narrow">{t('nav.language')}</span>
      </label>
      <select id={id} value={locale} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
        {locales.map((code) => (
          <option key={code} value={code} lang={code}>
            {toEndonym(code)}
          </option>
        ))}
      </select>
    </div>
  );
}
