import type { Redis } from 'ioredis';
import { readSeriesCounts, type CounterKeys, type SeriesCounts } from '@outage-radar/counters';
import { tick, timeZoneOfCountry, type DetectorConfig, type SeriesObservation, type SeriesReading, type SeriesState } from '@outage-radar/detector';
import { listServices, type Db, type ServiceRow } from '@outage-radar/db';
import { fromSeriesKey, minuteMs, toBucketStart, toRegionKey, type Region, type RedisKeys } from '@outage-radar/shared';
import { createStateStore } from '../detector/detector-store';
import { loadHistory, type SeriesToWarm } from '../detector/load-history';
import type { Logger } from '../logger';
import type { OutagePublisher } from '../detector/publish-outages';

export interface DetectorTickDeps {
  db: Db;
  redis: Redis;
  keys: RedisKeys;
  counters: CounterKeys;
  log: Logger;
  publisher: OutagePublisher;
  config?: Partial<DetectorConfig>;
  /** How much history a series new to the detector learns from. */
  warmUpDays?: number;
}

/** Counters live two days; a longer gap than that is unknown, not zero. */
const maxCatchUpMinutes = 2 * 24 * 60 - 5;
const baselineTtlSeconds = 2 * 24 * 3600;

/**
 * One detector tick: read the live counters, continue every series' state (learning a new series
 * from its history first), store the states, and publish what opened, changed or resolved.
 */
export function createDetectorTick(deps: DetectorTickDeps) {
  const warmUpDays = deps.warmUpDays ?? 28;
  const store = createStateStore(deps.redis, deps.keys);
  let services: ServiceRow[] = [];
  let servicesAt = -Infinity;

  async function catalogue(at: number): Promise<ServiceRow[]> {
    if (at - servicesAt > 60_000) {
      services = await listServices(deps.db);
      servicesAt = at;
    }
    return services;
  }

  return async function detectorTick(at: number): Promise<{ series: number; warmed: number; transitions: number }> {
    const rows = await catalogue(at);
    const bySlug = new Map(rows.map((s) => [s.slug, s]));
    const before = await store.load();
    const oldestLast = Math.min(...Object.values(before).map((s) => (s.last ?? Infinity) * s.bucketMs));
    const catchUp = Number.isFinite(oldestLast) ? Math.min(maxCatchUpMinutes, Math.ceil((at - oldestLast) / minuteMs) + 1) : 3;
    const recent = await readSeriesCounts(deps.redis, deps.counters, at, Math.max(3, catchUp));

    const wanted = seriesToObserve(rows, before, recent);
    const toWarm = wanted.filter((w) => !before[w.series]);
    const history = await loadHistory(deps.db, toWarm, toBucketStart(at) - 2 * minuteMs, warmUpDays);
    const observations: SeriesObservation[] = wanted.map((w) => ({
      service: w.service,
      region: w.region,
      timeZone: w.timeZone,
      buckets: bucketsOf(history.get(w.series), recent.get(w.series)),
    }));

    const result = tick(before, observations, at, deps.config);
    await store.save(before, result.states);
    await writeBaselines(deps.redis, deps.keys, result.readings, at);
    await deps.publisher.publish(result.transitions, bySlug, at);
    // Read by the API's /readyz: a detector that stopped ticking leaves no other trace.
    await deps.redis.set(deps.keys.detectorHeartbeat, String(at));
    if (result.transitions.length > 0 || toWarm.length > 0) {
      deps.log.info({ series: observations.length, warmed: toWarm.length, transitions: result.transitions.length }, 'detector tick');
    }
    return { series: observations.length, warmed: toWarm.length, transitions: result.transitions.length };
  };
}

interface WantedSeries extends SeriesToWarm {
  region: Region | null;
  timeZone: string | null;
}

/**
 * A country or network new to the detector gets a series of its own only once it has this many
 * reports in the minutes just read. Fewer can't be an outage, and every network a service hears
 * from once would otherwise become a state of several kilobytes, kept and ticked for good (a soak
 * with reports from all over made 8,000 series in 90 s). Nothing is lost by waiting: a series
 * learns its history from PostgreSQL when it starts.
 */
export const minReportsToStartRegion = 3;

/**
 * Every service, and each country and network of a service that has a state, or enough reports
 * right now: "WhatsApp fails only for Jio users" is a network series well above its own normal.
 */
function seriesToObserve(rows: ServiceRow[], states: Record<string, SeriesState>, recent: SeriesCounts): WantedSeries[] {
  const wanted = new Map<string, WantedSeries>();
  for (const s of rows) {
    const zone = s.countries.length === 1 ? timeZoneOfCountry(s.countries[0]) : null;
    wanted.set(s.slug, { series: s.slug, service: s.slug, scope: 'all', region: null, timeZone: zone });
  }
  const known = new Set(rows.map((s) => s.slug));
  const busyEnough = [...recent]
    .filter(([key, byMinute]) => {
      if (states[key]) return false;
      let reports = 0;
      for (const counts of byMinute.values()) reports += counts.count;
      return reports >= minReportsToStartRegion;
    })
    .map(([key]) => key);
  for (const key of [...Object.keys(states), ...busyEnough]) {
    const parsed = fromSeriesKey(key);
    if (!parsed?.region || !known.has(parsed.service) || wanted.has(key)) continue;
    const { service, region } = parsed;
    const zone = region.kind === 'country' ? timeZoneOfCountry(region.code) : (wanted.get(service)?.timeZone ?? null);
    wanted.set(key, { series: key, service, scope: toRegionKey(region), region, timeZone: zone });
  }
  return [...wanted.values()];
}

/** History first, then the live counters, which win for the minutes both have. */
function bucketsOf(history: Map<number, number> | undefined, live: Map<number, { count: number; problems: Record<string, number> }> | undefined) {
  const buckets = new Map<number, { start: number; count: number; problems?: Record<string, number> }>();
  for (const [start, count] of history ?? []) buckets.set(start, { start, count });
  for (const [start, c] of live ?? []) buckets.set(start, { start, count: c.count, problems: c.problems });
  return [...buckets.values()].sort((a, b) => a.start - b.start);
}

/** The expected count per minute of each whole-service series, for the charts' normal band. */
async function writeBaselines(redis: Redis, keys: RedisKeys, readings: SeriesReading[], at: number): Promise<void> {
  const pipeline = redis.pipeline();
  const dayAgo = at - 24 * 3_600_000;
  const touched = new Set<string>();
  for (const r of readings) {
    if (r.region) continue;
    for (const c of r.committed) {
      if (c.start < dayAgo) continue;
      // The live value, written while the minute was current, also has the band: keep it.
      pipeline.hsetnx(keys.baselines(c.start), r.service, `${round(c.expected)}|`);
      touched.add(keys.baselines(c.start));
    }
    const current = keys.baselines(toBucketStart(at));
    pipeline.hset(current, r.service, `${round(r.expected)}|${round(r.expectedHigh)}`);
    touched.add(current);
  }
  for (const key of touched) pipeline.expire(key, baselineTtlSeconds);
  if (touched.size > 0) await pipeline.exec();
}

const round = (x: number) => Math.round(x * 1000) / 1000;
