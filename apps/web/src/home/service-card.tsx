import type { ServiceSummary } from '@outage-radar/shared';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../i18n/use-formatters';
import { useLocale } from '../i18n/use-locale';
import { toLocalName } from '../services/to-local-name';
import { StatusBadge } from '../ui/status-badge';
import { Sparkline } from './sparkline';

export function ServiceCard({ service }: { service: ServiceSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const locale = useLocale();
  const name = toLocalName(service, locale);
  return (
    <li className={`service-card service-card--${service.status}`}>
      <Link to={`/services/${service.slug}`} className="service-card__link">
        <span className="service-card__name">{name}</span>
        {name !== service.name && (
          <span className="service-card__latin" lang="en" dir="ltr">
            {service.name}
          </span>
        )}
      </Link>
      <StatusBadge status={service.status} />
      <Sparkline values={service.sparkline} status={service.status} />
      <p className="service-card__meta">
        {service.outageSince
          ? t('home.card.since', { time: format.time(service.outageSince) })
          : t('home.card.reports', { count: service.reportsLastHour, formatted: format.number(service.reportsLastHour) })}
        <span className="service-card__category"> · {t(`categories.${service.category}`)}</span>
      </p>
    </li>
  );
}
