import type { IncidentRow, OutageRow } from './repositories/outages';
import type { IncidentView, OutageCluster, OutagePhase, OutageRegion, OutageView, ProblemShare, ServiceStatus } from '@outage-radar/shared';

/** What people are shown for an internal phase: a suspicion is "possible problems", the rest "problems". */
export function statusOfPhase(phase: string | null | undefined): ServiceStatus {
  if (!phase || phase === 'resolved') return 'ok';
  return phase === 'suspected' ? 'possible' : 'problems';
}

export function toOutageRegion(regionKey: string): OutageRegion {
  if (regionKey.startsWith('cc:')) return { kind: 'country', code: regionKey.slice(3), label: null };
  if (regionKey.startsWith('asn:')) return { kind: 'network', code: regionKey.slice(4), label: null };
  return { kind: 'global', code: null, label: null };
}

export function toOutageView(row: OutageRow, serviceName: string, reportsLastHour: number): OutageView {
  return {
    id: row.id,
    service: row.serviceSlug,
    serviceName,
    region: toOutageRegion(row.regionKey),
    phase: row.phase as OutagePhase,
    status: statusOfPhase(row.phase),
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
 * The outages people are shown: a country or network outage of a service that is down as a whole
 * is part of that outage (listed in its regions), not an outage of its own.
 */
export function visibleOutages<T extends Pick<OutageRow, 'serviceSlug' | 'regionKey' | 'resolvedAt'>>(open: T[]): T[] {
  const downEverywhere = new Set(open.filter((o) => o.regionKey === 'all' && o.resolvedAt === null).map((o) => o.serviceSlug));
  return open.filter((o) => o.regionKey === 'all' || !downEverywhere.has(o.serviceSlug));
}
