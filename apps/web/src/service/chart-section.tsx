import type { ServiceDetail } from '@outage-radar/shared';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../i18n/use-formatters';
import { Loading } from '../ui/loading';

// uPlot stays out of the first load: it arrives with the chart.
const ReportChart = lazy(() => import('./report-chart').then((m) => ({ default: m.ReportChart })));

/** The chart with its legend, a spoken summary and the same numbers as a table. */
export function ChartSection({ detail }: { detail: ServiceDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const [hovered, setHovered] = useState<number | null>(null);
  const labels = useMemo(
    () => ({ reports: t('chart.reports'), working: t('chart.working'), baseline: t('chart.baseline'), normalRange: t('chart.normalRange') }),
    [t],
  );
  const { buckets } = detail;
  const peak = buckets.reduce((best, b) => (b.count > (best?.count ?? -1) ? b : best), buckets[0]);
  const focus = hovered != null ? buckets[hovered] : buckets.at(-1);

  return (
    <section className="card chart-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('chart.title')}</h2>
      <figure className="report-chart" aria-describedby={`${id}-summary`}>
        <Suspense fallback={<Loading label={t('chart.loading')} />}>
          <ReportChart buckets={buckets} bucketMinutes={detail.bucketMinutes} labels={labels} format={format} onHover={setHovered} />
        </Suspense>
        <figcaption id={`${id}-summary`} className="report-chart__summary">
          {peak && peak.count > 0
            ? t('chart.summary', { peak: format.number(peak.count), time: format.time(peak.bucketStart), minutes: format.number(detail.bucketMinutes) })
            : t('chart.summaryQuiet')}
        </figcaption>
      </figure>
      <ul className="chart-legend">
        <li>
          <span className="swatch swatch--reports" aria-hidden="true" />
          {labels.reports}
        </li>
        <li>
          <span className="swatch swatch--working" aria-hidden="true" />
          {labels.working}
        </li>
        <li>
          <span className="swatch swatch--band" aria-hidden="true" />
          {labels.normalRange}
        </li>
        <li>
          <span className="swatch swatch--outage" aria-hidden="true" />
          {t('chart.outage')}
        </li>
      </ul>
      {focus && (
        <p className="chart-readout">
          <strong>{format.time(focus.bucketStart)}</strong>{' '}
          {t('chart.readout', {
            reports: format.number(focus.count),
            working: format.number(focus.working),
            normal: focus.baselineHigh != null ? format.number(Math.round(focus.baselineHigh)) : t('common.none'),
          })}
        </p>
      )}
      <details className="chart-table">
        <summary>{t('chart.showTable')}</summary>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('chart.time')}</th>
                <th scope="col">{labels.reports}</th>
                <th scope="col">{labels.working}</th>
                <th scope="col">{labels.baseline}</th>
              </tr>
            </thead>
            <tbody>
              {[...buckets].reverse().map((b) => (
                <tr key={b.bucketStart} className={b.duringOutage ? 'is-outage' : undefined}>
                  <th scope="row">{format.time(b.bucketStart)}</th>
                  <td>{format.number(b.count)}</td>
                  <td>{format.number(b.working)}</td>
                  <td>{b.baseline != null ? format.number(Math.round(b.baseline * 10) / 10) : t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
