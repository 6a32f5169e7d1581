import type { Redis } from 'ioredis';
import { minuteMs, toBucketStart } from '@outage-radar/shared';
import type { CounterKeys } from './counter-keys';
import { fromCounterField } from './counted-scope';
import { lastMinutes } from './read-totals';

const cellPrefix = 'cell:';

/** Reports per map cell and service over the last `minutes` minutes: cell -> slug -> reports. */
export async function cellCounts(redis: Redis, keys: CounterKeys, now: number, minutes = 60): Promise<Map<string, Map<string, number>>> {
  const pipeline = redis.pipeline();
  for (const bucket of lastMinutes(now, minutes)) pipeline.hgetall(keys.scopes(bucket));
  const byCell = new Map<string, Map<string, number>>();
  for (const [err, hash] of (await pipeline.exec()) ?? []) {
    if (err) throw err;
    for (const [field, value] of Object.entries(hash as Record<string, string>)) {
      const { slug, scope } = fromCounterField(field);
      if (!scope.startsWith(cellPrefix)) continue;
      const cell = scope.slice(cellPrefix.length);
      let services = byCell.get(cell);
      if (!services) byCell.set(cell, (services = new Map()));
      services.set(slug, (services.get(slug) ?? 0) + Number(value));
    }
  }
  return byCell;
}

/** Reports per map cell of one service over the `minutes` minutes up to the one `at` falls in. */
export async function serviceCellCounts(redis: Redis, keys: CounterKeys, slug: string, at: number, minutes: number): Promise<Map<string, number>> {
  const end = toBucketStart(at);
  const pipeline = redis.pipeline();
  for (let i = 0; i < minutes; i++) pipeline.hgetall(keys.scopes(end - i * minuteMs));
  const counts = new Map<string, number>();
  for (const [err, hash] of (await pipeline.exec()) ?? []) {
    if (err) throw err;
    for (const [field, value] of Object.entries(hash as Record<string, string>)) {
      const { slug: service, scope } = fromCounterField(field);
      if (service !== slug || !scope.startsWith(cellPrefix)) continue;
      const cell = scope.slice(cellPrefix.length);
      counts.set(cell, (counts.get(cell) ?? 0) + Number(value));
    }
  }
  return counts;
}
