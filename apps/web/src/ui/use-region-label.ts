import type { OutageRegion } from '@outage-radar/shared';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../i18n/use-formatters';

/** "Worldwide", a country in the reader's language, or a network's name. */
export function useRegionLabel(): (region: OutageRegion) => string {
  const { t } = useTranslation();
  const format = useFormatters();
  return (region) => {
    if (region.kind === 'global') return t('region.global');
    if (region.kind === 'country' && region.code) return format.country(region.code);
    return region.label ?? region.code ?? t('region.global');
  };
}
