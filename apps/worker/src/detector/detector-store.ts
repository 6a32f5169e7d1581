import type { Redis } from 'ioredis';
import type { SeriesState } from '@outage-radar/detector';
import type { RedisKeys } from '@outage-radar/shared';

/**
 * Detector states live in one Redis hash, so whichever worker takes the next tick continues them.
 * Reading and parsing every state each tick would cost more than the tick itself once there are
 * thousands of series, so a worker keeps what it last saved and reads the hash again only when
 * another process has saved since. Dropping the states means dropping the version with them.
 */
export function createStateStore(redis: Redis, keys: RedisKeys) {
  let cached: { version: string; states: Record<string, SeriesState> } | null = null;

  return {
    async load(): Promise<Record<string, SeriesState>> {
      const version = await redis.get(keys.detectorVersion);
      if (cached && version !== null && version === cached.version) return cached.states;
      const raw = await redis.hgetall(keys.detectorStates);
      const states: Record<string, SeriesState> = {};
      for (const [key, json] of Object.entries(raw)) states[key] = JSON.parse(json) as SeriesState;
      cached = null;
      return states;
    },

    /** Writes the states that changed (the detector returns unchanged states as the same objects). */
    async save(before: Record<string, SeriesState>, after: Record<string, SeriesState>): Promise<number> {
      const changed: string[] = [];
      for (const [key, state] of Object.entries(after)) if (before[key] !== state) changed.push(key, JSON.stringify(state));
      const multi = redis.multi();
      if (changed.length > 0) multi.hset(keys.detectorStates, ...changed);
      multi.incr(keys.detectorVersion);
      const replies = await multi.exec();
      const version = replies?.[replies.length - 1]?.[1];
      cached = typeof version === 'number' ? { version: String(version), states: after } : null;
      return changed.length / 2;
    },
  };
}
