import type { Redis } from 'ioredis';
import {
  binnedCounts,
  listOpenIncidents,
  listOpenOutages,
  listServiceOutages,
  scopeTotals,
  toIncidentView,
  toOutageView,
  topPlaces,
  visibleOutages,
  type Db,
  type OutageRow,
  type ServiceRow,
} from '@outage-radar/db';
import {
  ServiceNotFoundError,
  toServiceStatus,
  type BucketCount,
  type OutagesResponse,
  type OutageView,
  type RedisKeys,
  type ServiceDetail,
  type ServiceStatus,
  type ServiceSummary,
} from '@outage-radar/shared';
import { liveTotals, type CounterKeys } from '@outage-radar/counters';
import { toChartBand } from '@outage-radar/detector';
import { isStoreUnavailable } from '@outage-radar/runtime';
import type { CatalogueCache } from './catalogue-cache';
import { liveBaselines } from './live-cells';

const hourMs = 3_600_000;
/** How old a catalogue list may be served while a store is away (ms). */
const staleListMaxMs = 10 * 60_000;
const detailBucketMinutes = 15;
const statusRank: Record<ServiceStatus, number> = { problems: 0, possible: 1, ok: 2 };

export interface ReadDeps {
  db: Db;
  redis: Redis;
  keys: RedisKeys;
  counters: CounterKeys;
  catalogue: CatalogueCache;
  /** Name of a network (autonomous system) for outage labels, when the network table has it. */
  networkName?: (asn: number) => string | null;
  /** How long one computed catalogue list is served (ms); 0 computes it for every request. */
  listTtlMs?: number;
  now?: () => number;
}

/** Read models for the API: the catalogue with live status, one service in depth, open outages. */
export function createServiceViews(deps: ReadDeps) {
  const now = deps.now ?? Date.now;
  const labelled = (view: OutageView): OutageView =>
    view.region.kind === 'network' && view.region.code
      ? { ...view, region: { ...view.region, label: deps.networkName?.(Number(view.region.code)) ?? null } }
      : view;
  const outageView = (...args: Parameters<typeof toOutageView>) => labelled(toOutageView(...args));
  const listTtlMs = deps.listTtlMs ?? 2000;
  let listed: { at: number; promise: Promise<ServiceSummary[]> } | null = null;
  let lastGood: { at: number; list: ServiceSummary[] } | null = null;

  async function computeList(at: number): Promise<ServiceSummary[]> {
    const [services, totals, lines, outages] = await Promise.all([
      deps.catalogue.all(),
      liveTotals(deps.redis, deps.counters, at),
      sparklines(at),
      listOpenOutages(deps.db),
    ]);
    const worst = worstBySlug(outages);
    return services
      .map((s) => toSummary(s, totals.get(s.slug)?.problems ?? 0, lines.get(s.slug) ?? new Array<number>(24).fill(0), worst.get(s.slug)))
      .sort((a, b) => statusRank[a.status] - statusRank[b.status] || b.reportsLastHour - a.reportsLastHour || a.name.localeCompare(b.name));
  }

  /** The worst open outage per service (global or regional) decides its status. */
  function worstBySlug(outages: OutageRow[]): Map<string, OutageRow> {
    const worst = new Map<string, OutageRow>();
    for (const o of outages) {
      const current = worst.get(o.serviceSlug);
      const rank = statusRank[toServiceStatus(o.phase)];
      const currentRank = current ? statusRank[toServiceStatus(current.phase)] : Infinity;
      // Between equals, the whole-service outage speaks for the service.
      if (rank < currentRank || (rank === currentRank && o.regionKey === 'all' && current?.regionKey !== 'all')) worst.set(o.serviceSlug, o);
    }
    return worst;
  }

  async function sparklines(at: number): Promise<Map<string, number[]>> {
    const from = new Date(Math.floor(at / hourMs) * hourMs - 23 * hourMs);
    const rows = await binnedCounts(deps.db, { from, to: new Date(at + 60_000), bucketMinutes: 60, scopes: ['all'] });
    const lines = new Map<string, number[]>();
    for (const row of rows) {
      const line = lines.get(row.serviceSlug) ?? new Array<number>(24).fill(0);
      const index = Math.round((row.bucketStart.getTime() - from.getTime()) / hourMs);
      if (index >= 0 && index < 24) line[index] = (line[index] ?? 0) + row.count;
      lines.set(row.serviceSlug, line);
    }
    return lines;
  }

  function toSummary(service: ServiceRow, reportsLastHour: number, sparkline: number[], outage: OutageRow | undefined): ServiceSummary {
    return {
      ...service,
      status: toServiceStatus(outage?.phase),
      reportsLastHour,
      sparkline,
      outageSince: outage && toServiceStatus(outage.phase) === 'problems' ? outage.startedAt.toISOString() : null,
    };
  }

  return {
    /**
     * The whole catalogue with live status. Home pages, badges and embedded cards all ask for it,
     * so one computation serves every caller for `listTtlMs`.
     */
    listServices(): Promise<ServiceSummary[]> {
      const at = now();
      if (!listed || at - listed.at >= listTtlMs) {
        const promise = computeList(at).then(
          (list) => {
            lastGood = { at, list };
            return list;
          },
          (err: unknown) => {
            // While Redis or PostgreSQL is briefly away, the list of a moment ago beats an error page.
            if (lastGood && at - lastGood.at <= staleListMaxMs && isStoreUnavailable(err)) return lastGood.list;
            throw err;
          },
        );
        listed = { at, promise };
        promise.catch(() => {
          if (listed?.promise === promise) listed = null;
        });
      }
      return listed.promise;
    },

    async serviceDetail(slug: string): Promise<ServiceDetail> {
      const service = await deps.catalogue.get(slug);
      if (!service) throw new ServiceNotFoundError(slug);
      const at = now();
      const bucketMs = detailBucketMinutes * 60_000;
      const from = new Date(Math.floor(at / bucketMs) * bucketMs - (24 * hourMs - bucketMs));
      const dayAgo = new Date(at - 24 * hourMs);
      const [totals, binned, problems, places, outages, all, open, baselines] = await Promise.all([
        liveTotals(deps.redis, deps.counters, at),
        binnedCounts(deps.db, {
          serviceSlug: slug,
          from,
          to: new Date(at + 60_000),
          bucketMinutes: detailBucketMinutes,
          scopes: ['all', 'working', 'filtered'],
        }),
        scopeTotals(deps.db, { serviceSlug: slug, from: dayAgo, to: new Date(at + 60_000), prefix: 'p:' }),
        topPlaces(deps.db, { serviceSlug: slug, since: dayAgo, limit: 10 }),
        listServiceOutages(deps.db, slug, dayAgo),
        deps.catalogue.all(),
        listOpenOutages(deps.db),
        liveBaselines(deps.redis, deps.keys, slug, from.getTime(), 24 * 60),
      ]);
      const worst = worstBySlug(open);
      const buckets: BucketCount[] = Array.from({ length: (24 * 60) / detailBucketMinutes }, (_, i) => {
        const start = from.getTime() + i * bucketMs;
        return {
          bucketStart: new Date(start).toISOString(),
          count: 0,
          working: 0,
          baseline: null,
          baselineHigh: null,
          duringOutage: outages.some(
            (o) => o.startedAt.getTime() < start + bucketMs && (o.resolvedAt?.getTime() ?? Infinity) > start && o.phase !== 'suspected',
          ),
        };
      });
      let filteredLastDay = 0;
      for (const row of binned) {
        const bucket = buckets[Math.round((row.bucketStart.getTime() - from.getTime()) / bucketMs)];
        if (!bucket) continue;
        if (row.scope === 'all') bucket.count += row.count;
        else if (row.scope === 'working') bucket.working += row.count;
        else filteredLastDay += row.count;
      }
      for (const bucket of buckets) Object.assign(bucket, toChartBand(baselines, Date.parse(bucket.bucketStart), detailBucketMinutes));
      const problemTotal = problems.reduce((s, p) => s + p.count, 0);
      const current = worst.get(slug);
      const live = totals.get(slug) ?? { problems: 0, working: 0 };
      const hourly = Array.from({ length: 24 }, (_, h) => buckets.slice(h * 4, h * 4 + 4).reduce((s, b) => s + b.count, 0));
      return {
        ...toSummary(service, live.problems, hourly, current),
        bucketMinutes: detailBucketMinutes,
        buckets,
        problemBreakdown: problems.map((p) => ({
          problem: p.scope.slice(2),
          count: p.count,
          percent: Math.round((1000 * p.count) / Math.max(1, problemTotal)) / 10,
        })),
        topLocations: places.map((p) => ({ name: p.city ?? p.country ?? '?', country: p.country, count: p.count })),
        workingLastHour: live.working,
        filteredLastDay,
        currentOutage: current ? outageView(current, service.name, live.problems) : null,
        related: all
          .filter((s) => s.owner === service.owner && s.slug !== slug)
          .map((s) => ({ slug: s.slug, name: s.name, status: toServiceStatus(worst.get(s.slug)?.phase) })),
      };
    },

    async serviceOutages(slug: string, days: number): Promise<OutageView[]> {
      const service = await deps.catalogue.get(slug);
      if (!service) throw new ServiceNotFoundError(slug);
      const rows = await listServiceOutages(deps.db, slug, new Date(now() - days * 24 * hourMs));
      return visibleOutages(rows).map((r) => outageView(r, service.name, 0));
    },

    async openOutages(): Promise<OutagesResponse> {
      const [rows, incidents, services, totals] = await Promise.all([
        listOpenOutages(deps.db),
        listOpenIncidents(deps.db),
        deps.catalogue.all(),
        liveTotals(deps.redis, deps.counters, now()),
      ]);
      const names = new Map(services.map((s) => [s.slug, s.name]));
      return {
        outages: visibleOutages(rows).map((r) => outageView(r, names.get(r.serviceSlug) ?? r.serviceSlug, totals.get(r.serviceSlug)?.problems ?? 0)),
        incidents: incidents.map(toIncidentView),
      };
    },
  };
}
export type ServiceViews = ReturnType<typeof createServiceViews>;
