import type { CellActivity, IncidentView, OutageCluster, OutageView, ServiceSummary } from '@outage-radar/shared';
import type { Geometry } from 'geojson';
import { isPointInGeometry } from './is-point-in-geometry';

export interface MapFilter {
  service: string;
  category: string;
  country: string;
}

export interface FilteredFeed {
  outages: OutageView[];
  incidents: IncidentView[];
  clusters: { outage: OutageView; cluster: OutageCluster }[];
  cells: CellActivity[];
}

/**
 * Narrows the feed to a service, a category and a country. Clusters and outages carry their country;
 * activity cells do not, so they are placed with the country's shape (kept until it has loaded).
 */
export function filterFeed(
  feed: { outages: readonly OutageView[]; incidents: readonly IncidentView[]; cells: readonly CellActivity[] },
  filter: MapFilter,
  bySlug: ReadonlyMap<string, ServiceSummary>,
  countryShape: Geometry | null,
): FilteredFeed {
  const { service, category, country } = filter;
  const isServiceShown = (slug: string) => (!service || slug === service) && (!category || bySlug.get(slug)?.category === category);
  const isInCountry = (lat: number, lon: number, code: string | null) =>
    !country || code === country || (code == null && (countryShape == null || isPointInGeometry(countryShape, lon, lat)));

  const outages: OutageView[] = [];
  const clusters: FilteredFeed['clusters'] = [];
  for (const outage of feed.outages) {
    if (!isServiceShown(outage.service)) continue;
    const shown = outage.clusters.filter((c) => !country || c.country === country || (c.country == null && isInCountry(c.lat, c.lon, null)));
    const regionMatches = !country || (outage.region.kind === 'country' && outage.region.code === country);
    if (!regionMatches && shown.length === 0) continue;
    outages.push(outage);
    for (const cluster of shown) clusters.push({ outage, cluster });
  }

  const outageIds = new Set(outages.map((o) => o.id));
  const incidents = feed.incidents.filter((incident) =>
    incident.outageIds.length > 0 ? incident.outageIds.some((id) => outageIds.has(id)) : !country && incident.services.some(isServiceShown),
  );

  const cells: CellActivity[] = [];
  for (const cell of feed.cells) {
    if (country && countryShape && !isPointInGeometry(countryShape, cell.lon, cell.lat)) continue;
    if (!service && !category) {
      cells.push(cell);
      continue;
    }
    const services = cell.services.filter((s) => isServiceShown(s.slug));
    const count = services.reduce((sum, s) => sum + s.count, 0);
    if (count > 0) cells.push({ ...cell, services, count });
  }

  return { outages, incidents, clusters, cells };
}
