import { categories } from '@outage-radar/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  category: string;
  country: string;
  /** Country codes with their names in the reader's language, sorted. */
  countries: { code: string; name: string }[];
  onCategory: (category: string) => void;
  onCountry: (country: string) => void;
}

export function ServiceFilters({ category, country, countries, onCategory, onCountry }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="filters">
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('filters.category')}</label>
        <select id={`${id}-category`} value={category} onChange={(event) => onCategory(event.target.value)}>
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
        <select id={`${id}-country`} value={country} onChange={(event) => onCountry(event.target.value)}>
          <option value="">{t('filters.allCountries')}</option>
          {countries.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
