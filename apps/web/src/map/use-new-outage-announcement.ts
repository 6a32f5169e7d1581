import type { OutageView } from '@outage-radar/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServiceName } from '../services/use-service-name';

/** A sentence for screen readers when outages appear after the page has loaded. */
export function useNewOutageAnnouncement(outages: readonly OutageView[], loaded: boolean): string {
  const { t } = useTranslation();
  const nameOf = useServiceName();
  const known = useRef<Set<string> | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (!loaded) return;
    const ids = new Set(outages.map((o) => o.id));
    if (known.current) {
      const fresh = outages.filter((o) => !known.current?.has(o.id));
      if (fresh.length > 0) {
        const names = [...new Set(fresh.map((o) => nameOf(o.service, o.serviceName)))];
        setMessage(t('map.announce', { count: names.length, services: names.join(', ') }));
      }
    }
    known.current = ids;
  }, [outages, loaded, nameOf, t]);

  return message;
}
