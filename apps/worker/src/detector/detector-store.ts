import type { Redis } from 'ioredis';
import type { SeriesState } from '@outage-radar/detector';
import type { RedisKeys } from '@outage-radar/shared';

/** Detector states live in one Redis hash, so whichever worker takes the next tick continues them. */
export async function loadStates(redis: Redis, keys: RedisKeys): Promise<Record<string, SeriesState>> {
  const raw = await redis.hgetall(keys.detectorStates);
  const states: Record<string, SeriesState> = {};
  for (const [key, json] of Object.entries(raw)) states[key] = JSON.parse(json) as SeriesState;
  return states;
}

/** Writes the states that changed (the detector returns unchanged states as the same objects). */
export async function saveChangedStates(
  redis: Redis, keys: RedisKeys, before: Record<string, SeriesState>, after: Record<string, SeriesState>,
): Promise<number> {
  const changed: string[] = [];
  for (const [key, state] of Object.entries(after)) if (before[key] !== state) changed.push(key, JSON.stringify(state));
  if (changed.length > 0) await redis.hset(keys.detectorStates, ...changed);
  return changed.length / 2;
}
