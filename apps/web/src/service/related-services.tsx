import type { ServiceDetail } from '@outage-radar/shared';
import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useServiceName } from '../services/use-service-name';
import { StatusBadge } from '../ui/status-badge';

/** The owner's other services: when one breaks, people check the others. */
export function RelatedServices({ related, owner }: { related: ServiceDetail['related']; owner: string }) {
  const { t } = useTranslation();
  const nameOf = useServiceName();
  const id = useId();
  if (related.length === 0) return null;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('related.title', { owner })}</h2>
      <ul className="related">
        {related.map((service) => (
          <li key={service.slug}>
            <Link to={`/services/${service.slug}`}>{nameOf(service.slug, service.name)}</Link>
            <StatusBadge status={service.status} />
          </li>
        ))}
      </ul>
    </section>
  );
}
