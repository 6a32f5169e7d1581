import { resolveConfig, type DetectorConfig, type ResolvedConfig } from './config';
import { draftOf, type SeriesState } from './series-state';
import { tickSeries } from './tick-series';
import { toSeriesKey } from '@outage-radar/shared';
import { toOutage } from './to-outage';
import type { SeriesObservation, SeriesReading, TickResult } from './observation';
import type { SeriesRegion, Transition } from './outage';

export type { BucketObservation, SeriesObservation, SeriesReading, TickResult } from './observation';

const resolved = new WeakMap<object, ResolvedConfig>();

function configOf(config: Partial<DetectorConfig>): ResolvedConfig {
  let c = resolved.get(config);
  if (!c) {
    c = resolveConfig(config);
    resolved.set(config, c);
  }
  return c;
}

/**
 * One detector tick over many series at time `at` (ms). Pure: returns new states, never changes
 * the ones given. Call it every few seconds with the current partial bucket and any closed buckets
 * not yet committed; a series without an observation is carried over as is.
 */
export function tick(
  states: Readonly<Record<string, SeriesState>>,
  observations: readonly SeriesObservation[],
  at: number,
  config: Partial<DetectorConfig> = {},
): TickResult {
  const c = configOf(config);
  const out: Record<string, SeriesState> = { ...states };
  const transitions: Transition[] = [];
  const readings: SeriesReading[] = [];
  // Whole services first: a region's outage may end with the service's (serviceBack). Two passes
  // rather than a sort: ten thousand series a tick.
  for (let pass = 0; pass < 2; pass++) {
    for (const obs of observations) {
      if (Boolean(obs.region) !== (pass === 1)) continue;
      const key = toSeriesKey(obs.service, obs.region);
      const before = states[key];
      const r = tickSeries(key, before, obs, at, c, obs.region ? serviceBack(out[obs.service], before) : false);
      if (r.state !== before) out[key] = r.state;
      readings.push(r.reading);
      if (r.transition) transitions.push(r.transition);
    }
  }
  attachRegions(out, states, readings, transitions, at);
  return { states: out, transitions, readings };
}

/**
 * Whether the whole service's outage that overlapped this region's open outage has ended: the
 * service is past its outage phase and its most recent outage interval began before the region's
 * outage was over and ended (or is recovering) after the region's began.
 */
function serviceBack(service: SeriesState | undefined, region: SeriesState | undefined): boolean {
  const o = region?.outage;
  if (!service || !o || service.phase.phase === 'outage') return false;
  const start = o.startedAt / region.bucketMs;
  if (service.outage) return service.phase.phase === 'recovering' && service.outage.startedAt / service.bucketMs <= (region.last ?? start);
  const last = service.excluded[service.excluded.length - 1];
  return last !== undefined && last[1] !== null && last[1] >= start && last[1] >= (service.last ?? 0) - 60;
}

/** A whole-service outage lists the regions of the same service that have an outage open too. */
function attachRegions(
  out: Record<string, SeriesState>,
  before: Readonly<Record<string, SeriesState>>,
  readings: readonly SeriesReading[],
  transitions: Transition[],
  at: number,
): void {
  const open = new Map<string, SeriesRegion[]>();
  const services: string[] = [];
  for (const r of readings) {
    if (r.phase !== 'outage' && r.phase !== 'recovering') continue;
    if (r.region) open.set(r.service, [...(open.get(r.service) ?? []), r.region]);
    else services.push(r.service);
  }
  for (const service of services) {
    const s = out[service];
    if (!s?.outage) continue;
    const regions = (open.get(service) ?? []).sort((a, b) => a.kind.localeCompare(b.kind) || a.code.localeCompare(b.code));
    if (JSON.stringify(regions) === JSON.stringify(s.outage.regions)) continue;
    const draft = s === before[service] ? draftOf(s) : s;
    draft.outage = { ...draft.outage!, regions, updatedAt: at };
    out[service] = draft;
    const existing = transitions.find((t) => t.outage.series === service);
    if (existing) existing.outage = { ...existing.outage, regions: regions.slice() };
    else {
      const phase = draft.phase.phase === 'recovering' ? 'recovering' : 'outage';
      const meta = { key: service, service, region: null };
      transitions.push({ kind: 'updated', outage: toOutage(draft.outage, meta, phase, null, null, { reports: 0, problems: {} }) });
    }
  }
}
