import { categories, type ServiceSummary } from '@outage-radar/shared';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../i18n/use-formatters';
import { useLocale } from '../i18n/use-locale';
import { toLocalName } from '../services/to-local-name';
import type { MapFilter } from './filter-feed';

interface Props {
  filter: MapFilter;
  services: readonly ServiceSummary[];
  countryCodes: readonly string[];
  onChange: (filter: MapFilter) => void;
}

export function MapFilters({ filter, services, countryCodes, onChange }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const locale = useLocale();
  const id = useId();
  const serviceOptions = useMemo(
    () =>
      services
        .filter((s) => !filter.category || s.category === filter.category)
        .map((s) => ({ slug: s.slug, name: toLocalName(s, locale) }))
        .sort((a, b) => format.compare(a.name, b.name)),
    [services, filter.category, locale, format],
  );
  const countries = useMemo(
    () => countryCodes.map((code) => ({ code, name: format.country(code) })).sort((a, b) => format.compare(a.name, b.name)),
    [countryCodes, format],
  );
  const isFiltered = Boolean(filter.service || filter.category || filter.country);

  return (
    <fieldset className="map-filters">
      <legend>{t('filters.title')}</legend>
      <div className="field">
        <label htmlFor={`${id}-service`}>{t('filters.service')}</label>
        <select id={`${id}-service`} value={filter.service} onChange={(e) => onChange({ ...filter, service: e.target.value })}>
          <option value="">{t('filters.allServices')}</option>
          {serviceOptions.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('filters.category')}</label>
        <select id={`${id}-category`} value={filter.category} onChange={(e) => onChange({ ...filter, category: e.target.value, service: '' })}>
          <option value="">{t('filters.allCategories')}</option>
          {categories.map((key) => (
            <option key={key} value={key}>
              {t(`categories.${key}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-country`}>{t('filters.country')}</label>
        <select id={`${id}-country`} value={filter.country} onChange={(e) => onChange({ ...filter, country: e.target.value })}>
          <option value="">{t('filters.allCountries')}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {isFiltered && (
        <button type="button" className="button button--quiet" onClick={() => onChange({ service: '', category: '', country: '' })}>
          {t('filters.clear')}
        </button>
      )}
    </fieldset>
  );
}
