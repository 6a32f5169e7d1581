import { categories, type ServiceSummary } from '@outage-radar/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../i18n/use-formatters';
import { useLocale } from '../i18n/use-locale';
import { toLocalName } from '../services/to-local-name';
import { SelectField } from '../ui/select-field';
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
      <SelectField
        label={t('filters.service')}
        allLabel={t('filters.allServices')}
        value={filter.service}
        onChange={(service) => onChange({ ...filter, service })}
        options={serviceOptions.map((s) => ({ value: s.slug, label: s.name }))}
      />
      <SelectField
        label={t('filters.category')}
        allLabel={t('filters.allCategories')}
        value={filter.category}
        onChange={(category) => onChange({ ...filter, category, service: '' })}
        options={categories.map((key) => ({ value: key, label: t(`categories.${key}`) }))}
      />
      <SelectField
        label={t('filters.country')}
        allLabel={t('filters.allCountries')}
        value={filter.country}
        onChange={(country) => onChange({ ...filter, country })}
        options={countries.map((c) => ({ value: c.code, label: c.name }))}
      />
      {isFiltered && (
        <button type="button" className="button button--quiet" onClick={() => onChange({ service: '', category: '', country: '' })}>
          {t('filters.clear')}
        </button>
      )}
    </fieldset>
  );
}
