import type { Redis } from 'ioredis';
import type { CounterKeys } from '@outage-radar/counters';
import type { ServerToClientEvents } from '@outage-radar/shared';
import { cellActivity } from './live-cells';
import type { ServiceViews } from './service-views';
import { singleFlight } from './single-flight';

export type MapSnapshot = Parameters<ServerToClientEvents['map:snapshot']>[0];

/**
 * What a socket gets when it starts watching the map: open outages, incidents and the last hour's
 * cells. One computation serves every socket that asks while it runs and for `ttlMs` (default 1 s)
 * after: a thousand browsers opening the map at once cost the database one query, not a thousand.
 * The events that follow the snapshot make up for the second it may be behind.
 */
export function createMapSnapshot(deps: {
  views: ServiceViews;
  redis: Redis;
  counters: CounterKeys;
  now?: () => number;
  ttlMs?: number;
}): () => Promise<MapSnapshot> {
  const now = deps.now ?? Date.now;
  return singleFlight(
    async () => {
      const [{ outages, incidents }, cells] = await Promise.all([deps.views.openOutages(), cellActivity(deps.redis, deps.counters, now())]);
      return { outages, incidents, cells };
    },
    deps.ttlMs ?? 1000,
    now,
  );
}
