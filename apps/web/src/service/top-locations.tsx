import type { LocationCount } from '@outage-radar/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../i18n/use-formatters';

/** Where most reports come from in the last 24 hours. */
export function TopLocations({ locations }: { locations: readonly LocationCount[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const max = Math.max(1, ...locations.map((l) => l.count));
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('locations.title')}</h2>
      {locations.length === 0 ? (
        <p className="empty">{t('locations.empty')}</p>
      ) : (
        <ol className="bars">
          {locations.map((location) => {
            const isCountryOnly = !location.country || location.name === location.country;
            const name = isCountryOnly ? format.country(location.name) : location.name;
            return (
              <li key={`${location.name}-${location.country ?? ''}`} className="bars__row">
                <span className="bars__label">
                  {name}
                  {!isCountryOnly && location.country && <small> · {format.country(location.country)}</small>}
                </span>
                <span className="bars__value">{t('locations.reports', { count: location.count, formatted: format.number(location.count) })}</span>
                <span className="bars__track" aria-hidden="true">
                  <span className="bars__fill bars__fill--muted" style={{ inlineSize: `${(location.count / max) * 100}%` }} />
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
