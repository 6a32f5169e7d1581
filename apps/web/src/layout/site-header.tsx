import { Link, NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from './language-select';

export function SiteHeader() {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <Link to="/" className="site-header__brand">
        <svg className="site-header__logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
          <circle cx="16" cy="16" r="15" fill="currentColor" />
          <circle cx="16" cy="16" r="9" fill="none" stroke="#fff" strokeWidth="2.5" />
          <circle cx="16" cy="16" r="3.5" fill="#fff" />
        </svg>
        <span>{t('app.name')}</span>
      </Link>
      <nav className="site-header__nav" aria-label={t('nav.label')}>
        <NavLink to="/" end>
          {t('nav.services')}
        </NavLink>
        <NavLink to="/map">{t('nav.map')}</NavLink>
      </nav>
      <LanguageSelect />
    </header>
  );
}
