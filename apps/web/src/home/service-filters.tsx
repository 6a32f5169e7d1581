import { categories } from '@outage-radar/shared';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../ui/select-field';

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
  return (
    <div className="filters">
      <SelectField
        label={t('filters.category')}
        allLabel={t('filters.allCategories')}
        value={category}
        onChange={onCategory}
        options={categories.map((key) => ({ value: key, label: t(`categories.${key}`) }))}
      />
      <SelectField
        label={t('filters.country')}
        allLabel={t('filters.allCountries')}
        value={country}
        onChange={onCountry}
        options={countries.map(({ code, name }) => ({ value: code, label: name }))}
      />
    </div>
  );
}
