import type { OutageView } from '@outage-radar/shared';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiClient, type MapConfig } from '../api/api-client';
import { useFormatters } from '../i18n/use-formatters';
import { useServices } from '../services/use-services';
import { LiveIndicator } from '../ui/live-indicator';
import { useDocumentTitle } from '../ui/use-document-title';
import { filterFeed, type MapFilter } from './filter-feed';
import type { FocusTarget } from './focus-target';
import { MapFilters } from './map-filters';
import { OutageList } from './outage-list';
import { OutageMap } from './outage-map';
import { toGeometryCorners } from './to-geometry-corners';
import { useCountryShape } from './use-country-shape';
import { useNewOutageAnnouncement } from './use-new-outage-announcement';
import { useOutageFeed } from './use-outage-feed';
import '../styles/map.css';

const noFilter: MapFilter = { service: '', category: '', country: '' };

export function MapPage() {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const id = useId();
  useDocumentTitle(t('map.title'));
  const feed = useOutageFeed();
  const { services, bySlug } = useServices();
  const [config, setConfig] = useState<MapConfig | null>(null);
  const [filter, setFilter] = useState<MapFilter>(noFilter);
  const [focus, setFocus] = useState<FocusTarget | null>(null);
  const countryShape = useCountryShape(filter.country);
  const announcement = useNewOutageAnnouncement(feed.outages, feed.loaded);

  useEffect(() => {
    const abort = new AbortController();
    void apiClient.mapConfig(abort.signal).then(setConfig);
    return () => abort.abort();
  }, []);

  const countryFocus = useMemo(() => (countryShape ? { id: 0, points: toGeometryCorners(countryShape) } : null), [countryShape]);

  const shown = useMemo(() => filterFeed(feed, filter, bySlug, countryShape), [feed, filter, bySlug, countryShape]);
  const countryCodes = useMemo(() => {
    const codes = new Set((services ?? []).flatMap((s) => s.countries));
    for (const outage of feed.outages) {
      if (outage.region.kind === 'country' && outage.region.code) codes.add(outage.region.code);
      for (const cluster of outage.clusters) if (cluster.country) codes.add(cluster.country);
    }
    return [...codes];
  }, [services, feed.outages]);

  const showOnMap = (outages: readonly OutageView[]) => setFocus((previous) => ({ id: (previous?.id ?? 0) + 1, points: outages.flatMap((o) => o.clusters) }));

  const reportsShown = shown.cells.reduce((sum, c) => sum + c.count, 0);
  const isFiltered = Boolean(filter.service || filter.category || filter.country);
  const reportCount = isFiltered ? reportsShown : feed.reportsLastHour;

  return (
    <div className="map-page">
      <div className="map-page__head">
        <h1>{t('map.title')}</h1>
        <LiveIndicator />
        <p className="map-page__stats">
          <span data-testid="map-report-count" data-count={reportCount}>
            {t('map.stats.reports', { count: reportCount, formatted: format.number(reportCount) })}
          </span>
          <span>{t('map.stats.outages', { count: shown.outages.length, formatted: format.number(shown.outages.length) })}</span>
        </p>
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
      </div>
      {feed.failed && (
        <p className="notice notice--error" role="alert">
          {t('map.loadFailed')}
        </p>
      )}
      <div className="map-page__body">
        <section className="map-page__map" aria-labelledby={`${id}-map`}>
          <h2 id={`${id}-map`} className="visually-hidden">
            {t('map.mapHeading')}
          </h2>
          <OutageMap config={config} clusters={shown.clusters} cells={shown.cells} focusTargets={[countryFocus, focus]} isRtl={i18n.dir() === 'rtl'} />
        </section>
        <aside className="map-page__side" aria-label={t('map.sideLabel')}>
          <MapFilters filter={filter} services={services ?? []} countryCodes={countryCodes} onChange={setFilter} />
          <OutageList outages={shown.outages} incidents={shown.incidents} onShow={showOnMap} loaded={feed.loaded} />
        </aside>
      </div>
    </div>
  );
}
