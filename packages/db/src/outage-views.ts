import type { IncidentRow, OutageRow } from './repositories/outages';
import { toOutageRegion, toServiceStatus, type IncidentView, type OutageCluster, type OutageView, type ProblemShare } from '@outage-radar/shared';

export function toOutageView(row: OutageRow, serviceName: string, reportsLastHour: number): OutageView {
  return {
    id: row.id,
    service: row.serviceSlug,
    serviceName,
    region: toOutageRegion(row.regionKey),
    phase: row.phase,
    status: toServiceStatus(row.phase),
    startedAt: row.startedAt.toISOString(),
    detectedAt: row.detectedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    peakCount: row.peakCount,
    peakRatio: row.peakRatio,
    reportsLastHour,
    problemMix: (row.problemMix ?? []) as ProblemShare[],
    clusters: (row.clusters ?? []) as OutageCluster[],
    incidentId: row.incidentId,
  };
}

export function toIncidentView(row: IncidentRow): IncidentView {
  return {
    id: row.id,
    name: row.name,
    owner: row.owner,
    startedAt: row.startedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    services: [...new Set(row.outages.map((o) => o.serviceSlug))],
    outageIds: row.outages.map((o) => o.id),
  };
}

/**
 * The outages people are shown, on the map as in a service's history: a country or network outage
 * while the same service is down as a whole is part of that outage (listed in its regions), not an
 * outage of its own. Works on open outages and on past ones alike: what counts is that they overlap.
 */
export function visibleOutages<T extends Pick<OutageRow, 'serviceSlug' | 'regionKey' | 'startedAt' | 'resolvedAt'>>(rows: T[]): T[] {
  const whole = new Map<string, T[]>();
  for (const r of rows) {
    if (r.regionKey !== 'all') continue;
    const list = whole.get(r.serviceSlug);
    if (list) list.push(r);
    else whole.set(r.serviceSlug, [r]);
  }
  const endOf = (r: T) => r.resolvedAt?.getTime() ?? Infinity;
  const isPartOf = (r: T, w: T) => w.startedAt.getTime() < endOf(r) && r.startedAt.getTime() < endOf(w);
  return rows.filter((r) => r.regionKey === 'all' || !whole.get(r.serviceSlug)?.some((w) => isPartOf(r, w)));
}
