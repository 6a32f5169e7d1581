import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../i18n/use-formatters';
import { activityColor, ratioSteps } from './cluster-style';

/** What the colours and sizes mean; the same facts are in the list beside the map. */
export function MapLegend() {
  const { t } = useTranslation();
  const format = useFormatters();
  // Open where there is room; on a phone it would hide half the map, so it starts folded.
  const [open] = useState(() => window.matchMedia('(min-width: 600px)').matches);
  return (
    <details className="map-legend" open={open}>
      <summary className="map-legend__title">{t('map.legend.title')}</summary>
      <ul>
        {ratioSteps.map((step, i) => {
          const next = ratioSteps[i + 1];
          const label =
            i === 0
              ? t('map.legend.below', { to: format.number(next?.from ?? 2) })
              : next
                ? t('map.legend.between', { from: format.number(step.from), to: format.number(next.from) })
                : t('map.legend.above', { from: format.number(step.from) });
          return (
            <li key={step.from}>
              <span className="map-legend__dot" style={{ backgroundColor: step.color }} aria-hidden="true" />
              {label}
            </li>
          );
        })}
        <li>
          <span className="map-legend__dot map-legend__dot--activity" style={{ backgroundColor: activityColor }} aria-hidden="true" />
          {t('map.legend.activity')}
        </li>
      </ul>
    </details>
  );
}
