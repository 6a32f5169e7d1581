import type { Redis } from 'ioredis';
import { minuteMs, toBucketStart } from '@outage-radar/shared';
import type { CounterKeys } from './counter-keys';
import { fromCounterField, toCounterField } from './counted-scope';

export interface LiveTotals {
  problems: number;
  working: number;
}

/** Starts of the last `minutes` minute buckets up to the one `now` falls in, oldest first. */
export function lastMinutes(now: number, minutes: number): number[] {
  return Array.from({ length: minutes }, (_, i) => toBucketStart(now) - (minutes - 1 - i) * minuteMs);
}

/** Problem reports and "works for me" answers per service over the last `minutes` minutes. */
export async function liveTotals(redis: Redis, keys: CounterKeys, now: number, minutes = 60): Promise<Map<string, LiveTotals>> {
  const pipeline = redis.pipeline();
  for (const bucket of lastMinutes(now, minutes)) pipeline.hgetall(keys.totals(bucket));
  const totals = new Map<string, LiveTotals>();
  for (const [err, hash] of (await pipeline.exec()) ?? []) {
    if (err) throw err;
    for (const [field, value] of Object.entries(hash as Record<string, string>)) {
      const { slug, scope } = fromCounterField(field);
      const entry = totals.get(slug) ?? { problems: 0, working: 0 };
      if (scope === 'all') entry.problems += Number(value);
      else if (scope === 'working') entry.working += Number(value);
      totals.set(slug, entry);
    }
  }
  return totals;
}

/** One service's problem reports and "works for me" answers in the minute bucket of each of the given times, in their order. */
export async function serviceMinuteTotals(redis: Redis, keys: CounterKeys, slug: string, bucketStarts: readonly number[]): Promise<LiveTotals[]> {
  const pipeline = redis.pipeline();
  for (const bucket of bucketStarts) pipeline.hmget(keys.totals(toBucketStart(bucket)), toCounterField(slug, 'all'), toCounterField(slug, 'working'));
  const replies = (await pipeline.exec()) ?? [];
  return bucketStarts.map((_, i) => {
    const [err, values] = replies[i] ?? [new Error('no reply'), null];
    if (err) throw err;
    const [problems, working] = (values ?? []) as (string | null)[];
    return { problems: Number(problems ?? 0), working: Number(working ?? 0) };
  });
}
