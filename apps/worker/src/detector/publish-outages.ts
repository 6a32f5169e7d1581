import type { Redis } from 'ioredis';
import { groupIncidents, toClusters, toCoOccurrence, type Outage, type Transition } from '@outage-radar/detector';
import {
  assignIncident,
  listOpenIncidents,
  listOpenOutages,
  outageDaysByService,
  saveIncident,
  saveOutage,
  toIncidentView,
  toOutageView,
  visibleOutages,
  type Db,
  type OutageRow,
  type ServiceRow,
} from '@outage-radar/db';
import { liveTotals, type CounterKeys } from '@outage-radar/counters';
import { rooms, toRegionKey } from '@outage-radar/shared';
import type { Logger } from '../logger';
import type { RealtimeEmitter } from '../realtime';
import { readOutageCells } from './read-outage-cells';
import { stableUuid } from './stable-uuid';

const clusterWindowMinutes = 15;
/** How far back outage history counts for which services break together. */
const coOccurrenceDays = 90;

/**
 * Makes the detector's transitions visible: outage rows in PostgreSQL (with their map clusters),
 * incidents for outages that broke together, and socket.io events to the map and service pages.
 */
export function createOutagePublisher(deps: { db: Db; redis: Redis; counters: CounterKeys; emitter: RealtimeEmitter; log: Logger }) {
  async function toRow(outage: Outage, previous: OutageRow | undefined, at: number): Promise<OutageRow> {
    const cells =
      outage.phase === 'resolved' && previous
        ? null
        : await readOutageCells(deps, {
            service: outage.service,
            country: outage.region?.kind === 'country' ? outage.region.code : null,
            at,
            windowMinutes: clusterWindowMinutes,
          });
    return {
      id: stableUuid(outage.id),
      serviceSlug: outage.service,
      regionKey: toRegionKey(outage.region),
      phase: outage.phase,
      startedAt: new Date(outage.startedAt),
      detectedAt: new Date(outage.detectedAt),
      updatedAt: new Date(outage.updatedAt),
      resolvedAt: outage.resolvedAt === null ? null : new Date(outage.resolvedAt),
      peakAt: new Date(outage.peakAt),
      peakCount: Math.round(outage.peakCount),
      peakRatio: Math.round(outage.peakRatio * 10) / 10,
      problemMix: outage.problemMix,
      regions: outage.regions,
      clusters: cells ? toClusters(cells) : (previous?.clusters ?? []),
      incidentId: previous?.incidentId ?? null,
    };
  }

  return {
    async publish(transitions: Transition[], services: Map<string, ServiceRow>, at: number): Promise<void> {
      if (transitions.length === 0) return;
      const open = new Map((await listOpenOutages(deps.db)).map((o) => [o.id, o]));
      const changed: { kind: Transition['kind']; row: OutageRow }[] = [];
      for (const t of transitions) {
        const row = await toRow(t.outage, open.get(stableUuid(t.outage.id)), at);
        await saveOutage(deps.db, row);
        changed.push({ kind: t.kind, row });
        if (t.kind === 'resolved') open.delete(row.id);
        else open.set(row.id, row);
        deps.log.info({ outageId: row.id, service: row.serviceSlug, region: row.regionKey, phase: row.phase, peakRatio: row.peakRatio }, `outage ${t.kind}`);
      }
      const shown = visibleOutages([...open.values()]);
      await regroupIncidents(shown, services, at);
      const incidentOf = new Map(shown.map((o) => [o.id, o.incidentId]));
      const shownIds = new Set(shown.map((o) => o.id));
      const lastHour = await liveTotals(deps.redis, deps.counters, at);
      for (const { kind, row } of changed) {
        // A region of a service that is down everywhere is shown inside the whole-service outage.
        if (kind !== 'resolved' && !shownIds.has(row.id)) continue;
        const view = toOutageView(
          { ...row, incidentId: incidentOf.get(row.id) ?? row.incidentId },
          services.get(row.serviceSlug)?.name ?? row.serviceSlug,
          lastHour.get(row.serviceSlug)?.problems ?? 0,
        );
        const targets = deps.emitter.to(rooms.map).to(rooms.service(row.serviceSlug));
        if (kind === 'resolved')
          targets.emit('outage:resolved', { id: row.id, service: row.serviceSlug, resolvedAt: view.resolvedAt ?? new Date(at).toISOString() });
        else targets.emit(kind === 'opened' ? 'outage:opened' : 'outage:updated', view);
      }
    },
  };

  /**
   * Groups the open outages into incidents: a group keeps the incident one of its outages already
   * belongs to, so an incident outlives the outage that started it. An incident with no open outage
   * left is resolved.
   */
  async function regroupIncidents(open: OutageRow[], services: Map<string, ServiceRow>, at: number): Promise<void> {
    const openServices = [...new Set(open.map((o) => o.serviceSlug))];
    // Services that have broken together on past days are grouped even without a common owner.
    const history = openServices.length > 1 ? await outageDaysByService(deps.db, openServices, new Date(at - coOccurrenceDays * 86_400_000)) : new Map();
    const groups = groupIncidents(
      open.map((o) => ({
        id: o.id,
        service: o.serviceSlug,
        serviceName: services.get(o.serviceSlug)?.name,
        owner: services.get(o.serviceSlug)?.owner ?? null,
        startedAt: o.startedAt.getTime(),
      })),
      { coOccurrence: toCoOccurrence(history) },
    );
    for (const g of groups) {
      const members = open.filter((o) => g.outageIds.includes(o.id));
      const id = members.find((o) => o.incidentId)?.incidentId ?? stableUuid(g.id);
      if (members.every((o) => o.incidentId === id)) continue;
      await saveIncident(deps.db, { id, name: g.name, owner: g.owner, startedAt: new Date(g.startedAt), resolvedAt: null });
      await assignIncident(deps.db, g.outageIds, id);
      for (const o of members) o.incidentId = id;
    }
    const stillOpen = new Set(open.map((o) => o.incidentId).filter((id): id is string => id !== null));
    for (const incident of await listOpenIncidents(deps.db)) {
      if (stillOpen.has(incident.id)) {
        deps.emitter.to(rooms.map).emit('incident:updated', toIncidentView(incident));
        continue;
      }
      const resolvedAt = new Date(at);
      await saveIncident(deps.db, { id: incident.id, name: incident.name, owner: incident.owner, startedAt: incident.startedAt, resolvedAt });
      deps.emitter.to(rooms.map).emit('incident:updated', toIncidentView({ ...incident, resolvedAt }));
    }
  }
}
export type OutagePublisher = ReturnType<typeof createOutagePublisher>;
