import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useLocale } from '../i18n/use-locale';
import { servicesStore } from './services-store';
import { toLocalName } from './to-local-name';

/** Names a service by slug in the reader's language, from the catalogue when it is loaded. */
export function useServiceName(): (slug: string, fallbackName?: string) => string {
  const locale = useLocale();
  const { bySlug } = useSyncExternalStore(servicesStore.subscribe, servicesStore.get);
  useEffect(() => {
    void servicesStore.refresh();
  }, []);
  return useCallback(
    (slug, fallbackName) => {
      const service = bySlug.get(slug);
      if (service) return toLocalName(service, locale);
      return fallbackName ?? slug;
    },
    [bySlug, locale],
  );
}
