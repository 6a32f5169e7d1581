import type { OutagePhase } from '@outage-radar/shared';
import type { Db } from '../connection';

export interface OutageRow {
  id: string;
  serviceSlug: string;
  regionKey: string;
  /** Written by the worker only, from the detector's phases. */
  phase: OutagePhase;
  startedAt: Date;
  detectedAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  peakAt: Date;
  /** Reports per minute at the peak: problem reports in the outage's busiest one-minute bucket. */
  peakCount: number;
  /** The largest count / expected of any one minute of the outage (not always the peak minute's). */
  peakRatio: number;
  problemMix: unknown;
  regions: unknown;
  clusters: unknown;
  incidentId: string | null;
}

export interface IncidentRow {
  id: string;
  name: string;
  owner: string | null;
  startedAt: Date;
  resolvedAt: Date | null;
  outages: { id: string; serviceSlug: string }[];
}

/** Outages not resolved yet, newest first. */
export async function listOpenOutages(db: Db): Promise<OutageRow[]> {
  return (await db.outage.findMany({ where: { resolvedAt: null }, orderBy: { startedAt: 'desc' } })) as OutageRow[];
}

/** One service's outages that started since `since`, newest first. */
export async function listServiceOutages(db: Db, serviceSlug: string, since: Date): Promise<OutageRow[]> {
  return (await db.outage.findMany({ where: { serviceSlug, startedAt: { gte: since } }, orderBy: { startedAt: 'desc' }, take: 500 })) as OutageRow[];
}

/** Incidents not resolved yet, with their outages. */
export async function listOpenIncidents(db: Db): Promise<IncidentRow[]> {
  return db.incident.findMany({
    where: { resolvedAt: null },
    orderBy: { startedAt: 'desc' },
    include: { outages: { select: { id: true, serviceSlug: true } } },
  });
}

/** Inserts or replaces an outage as the detector last saw it. */
export async function saveOutage(db: Db, outage: OutageRow): Promise<void> {
  const data = { ...outage, problemMix: outage.problemMix as object, regions: outage.regions as object, clusters: outage.clusters as object };
  await db.outage.upsert({ where: { id: outage.id }, create: data, update: data });
}

/** Inserts or replaces an incident (without touching its outages' links). */
export async function saveIncident(db: Db, incident: Omit<IncidentRow, 'outages'>): Promise<void> {
  await db.incident.upsert({ where: { id: incident.id }, create: incident, update: incident });
}

/** Makes the given outages part of one incident. */
export async function assignIncident(db: Db, outageIds: readonly string[], incidentId: string): Promise<void> {
  await db.outage.updateMany({ where: { id: { in: [...outageIds] } }, data: { incidentId } });
}

/** The days (UTC, YYYY-MM-DD) on which each of the given services had a whole-service outage since `since`. */
export async function outageDaysByService(db: Db, serviceSlugs: string[], since: Date): Promise<Map<string, Set<string>>> {
  const rows = await db.outage.findMany({
    where: { serviceSlug: { in: serviceSlugs }, regionKey: 'all', startedAt: { gte: since } },
    select: { serviceSlug: true, startedAt: true },
  });
  const days = new Map<string, Set<string>>(serviceSlugs.map((s) => [s, new Set()]));
  for (const row of rows) days.get(row.serviceSlug)?.add(row.startedAt.toISOString().slice(0, 10));
  return days;
}
