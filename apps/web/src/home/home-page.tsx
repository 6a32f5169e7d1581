import { useDeferredValue, useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../i18n/use-formatters';
import { useLocale } from '../i18n/use-locale';
import { toLocalName } from '../services/to-local-name';
import { useServices } from '../services/use-services';
import { LoadError } from '../ui/load-error';
import { Loading } from '../ui/loading';
import { useDocumentTitle } from '../ui/use-document-title';
import { searchServices, toSearchIndex } from './search-services';
import { useQueryText } from './use-query-text';
import { ServiceCard } from './service-card';
import { ServiceFilters } from './service-filters';
import { sortByUrgency } from './sort-by-urgency';
import '../styles/home.css';

export function HomePage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const locale = useLocale();
  const { services, error, retry } = useServices();
  const [params, setParams] = useSearchParams();
  const searchId = useId();
  useDocumentTitle(null);

  const category = params.get('category') ?? '';
  const country = params.get('country') ?? '';

  const setParam = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const [query, setQuery] = useQueryText(params.get('q') ?? '', (value) => setParam('q', value));
  const deferredQuery = useDeferredValue(query);

  const index = useMemo(() => toSearchIndex(services ?? []), [services]);
  const countries = useMemo(() => {
    const codes = new Set((services ?? []).flatMap((s) => s.countries));
    return [...codes].map((code) => ({ code, name: format.country(code) })).sort((a, b) => format.compare(a.name, b.name));
  }, [services, format]);

  const shown = useMemo(() => {
    const matches = deferredQuery.trim() ? searchServices(index, deferredQuery) : sortByUrgency(services ?? [], format.compare, (s) => toLocalName(s, locale));
    return matches.filter((s) => (!category || s.category === category) && (!country || s.countries.length === 0 || s.countries.includes(country)));
  }, [index, services, deferredQuery, category, country, format, locale]);

  const troubled = (services ?? []).filter((s) => s.status !== 'ok').length;

  return (
    <div className="page home">
      <section className="home__hero" aria-labelledby={`${searchId}-title`}>
        <h1 id={`${searchId}-title`}>{t('home.title')}</h1>
        <p className="home__lead">{t('home.lead')}</p>
        <search className="home__search">
          <label htmlFor={searchId} className="visually-hidden">
            {t('home.searchLabel')}
          </label>
          <svg className="home__search-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
            <circle cx="8.5" cy="8.5" r="6" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M13 13l5 5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          <input
            id={searchId}
            type="search"
            value={query}
            placeholder={t('home.searchPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setQuery(event.target.value)}
          />
        </search>
      </section>

      <ServiceFilters
        category={category}
        country={country}
        countries={countries}
        onCategory={(value) => setParam('category', value)}
        onCountry={(value) => setParam('country', value)}
      />

      {error != null && !services && <LoadError onRetry={retry} />}
      {!services && error == null && <Loading />}
      {services && (
        <section aria-labelledby={`${searchId}-list`}>
          <div className="home__list-head">
            <h2 id={`${searchId}-list`}>{query.trim() ? t('home.results', { query: query.trim() }) : t('home.allServices')}</h2>
            <p className="home__summary" aria-live="polite">
              {query.trim() || category || country
                ? t('home.matches', { count: shown.length, formatted: format.number(shown.length) })
                : troubled > 0
                  ? t('home.troubled', { count: troubled, formatted: format.number(troubled) })
                  : t('home.allClear')}
            </p>
          </div>
          {shown.length > 0 ? (
            <ul className="service-grid">
              {shown.map((service) => (
                <ServiceCard key={service.slug} service={service} />
              ))}
            </ul>
          ) : (
            <p className="empty">{t('home.noMatch')}</p>
          )}
        </section>
      )}
    </div>
  );
}
