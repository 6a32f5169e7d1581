import type { Locale, ServiceSummary } from '@outage-radar/shared';

/** The service's name in the reader's language when the catalogue has one, else its own name. */
export function toLocalName(service: Pick<ServiceSummary, 'name'> & Partial<Pick<ServiceSummary, 'localNames'>>, locale: Locale): string {
  if (locale === 'en' || !service.localNames) return service.name;
  return service.localNames[locale] || service.name;
}
