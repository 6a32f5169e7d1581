import type { Redis } from 'ioredis';
import { minuteMs, toBucketStart, type RedisKeys } from '@outage-radar/shared';

// The worker writes the per-minute counters (apps/worker/src/counters.ts); both apps read them.

export interface LiveTotals {
  problems: number;
  working: number;
}

/** Starts of the last `minutes` minute buckets up to the one `now` falls in, oldest first. */
export const lastMinutes = (now: number, minutes: number): number[] =>
  Array.from({ length: minutes }, (_, i) => toBucketStart(now) - (minutes - 1 - i) * minuteMs);

/**
 * Problem reports and "works for me" answers per service over the last `minutes` minutes, from the live counters.
 */
export async function liveTotals(redis: Redis, keys: RedisKeys, now: number, minutes = 60): Promise<Map<string, LiveTotals>> {
  const pipeline = redis.pipeline();
  for (const bucket of lastMinutes(now, minutes)) pipeline.hgetall(keys.totals(bucket));
  const totals = new Map<string, LiveTotals>();
  for (const [err, hash] of (await pipeline.exec()) ?? []) {
    if (err) throw err;
    for (const [field, value] of Object.entries(hash as Record<string, string>)) {
      const [slug, scope] = field.split('|') as [string, string];
      const entry = totals.get(slug) ?? { problems: 0, working: 0 };
      if (scope === 'all') entry.problems += Number(value);
      else if (scope === 'working') entry.working += Number(value);
      totals.set(slug, entry);
    }
  }
  return totals;
}

