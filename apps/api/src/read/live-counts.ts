import type { Redis } from 'ioredis';
import { cellToLatLng } from 'h3-js';
import { minuteMs, toBucketStart, type CellActivity, type RedisKeys } from '@outage-radar/shared';

import { lastMinutes } from '@outage-radar/runtime';

export { liveTotals } from '@outage-radar/runtime';

/** Per-minute problem and working counts of one service over the last `minutes` minutes, oldest first. */
export async function liveMinutes(
  redis: Redis, keys: RedisKeys, slug: string, now: number, minutes: number,
): Promise<{ bucketStart: number; count: number; working: number }[]> {
  const buckets = lastMinutes(now, minutes);
  const pipeline = redis.pipeline();
  for (const bucket of buckets) pipeline.hmget(keys.totals(bucket), `${slug}|all`, `${slug}|working`);
  const results = (await pipeline.exec()) ?? [];
  return buckets.map((bucketStart, i) => {
    const [err, values] = results[i] ?? [null, [null, null]];
    if (err) throw err;
    const [count, working] = values as (string | null)[];
    return { bucketStart, count: Number(count ?? 0), working: Number(working ?? 0) };
  });
}

/** Where reports came from in the last `minutes` minutes, per map cell, busiest first. */
export async function cellActivity(redis: Redis, keys: RedisKeys, now: number, minutes = 60, limit = 5000): Promise<CellActivity[]> {
  const pipeline = redis.pipeline();
  for (const bucket of lastMinutes(now, minutes)) pipeline.hgetall(keys.scopes(bucket));
  const byCell = new Map<string, Map<string, number>>();
  for (const [err, hash] of (await pipeline.exec()) ?? []) {
    if (err) throw err;
    for (const [field, value] of Object.entries(hash as Record<string, string>)) {
      const [slug, scope] = field.split('|') as [string, string];
      if (!scope.startsWith('cell:')) continue;
      const cell = scope.slice(5);
      const services = byCell.get(cell) ?? new Map<string, number>();
      services.set(slug, (services.get(slug) ?? 0) + Number(value));
      byCell.set(cell, services);
    }
  }
  const cells: CellActivity[] = [];
  for (const [cell, services] of byCell) {
    const [lat, lon] = cellToLatLng(cell);
    const ranked = [...services].map(([slug, count]) => ({ slug, count })).sort((a, b) => b.count - a.count);
    cells.push({ cell, lat, lon, count: ranked.reduce((s, r) => s + r.count, 0), services: ranked.slice(0, 5) });
  }
  return cells.sort((a, b) => b.count - a.count).slice(0, limit);
}

/** The detector's expected count (and the top of its normal band, where known) per minute of one service. */
export async function liveBaselines(
  redis: Redis, keys: RedisKeys, slug: string, from: number, minutes: number,
): Promise<Map<number, { expected: number; high: number | null }>> {
  const pipeline = redis.pipeline();
  const starts = Array.from({ length: minutes }, (_, i) => toBucketStart(from) + i * minuteMs);
  for (const start of starts) pipeline.hget(keys.baselines(start), slug);
  const replies = (await pipeline.exec()) ?? [];
  const baselines = new Map<number, { expected: number; high: number | null }>();
  starts.forEach((start, i) => {
    const [err, value] = replies[i] ?? [null, null];
    if (err || typeof value !== 'string') return;
    const [expected, high] = value.split('|');
    baselines.set(start, { expected: Number(expected), high: high ? Number(high) : null });
  });
  return baselines;
}
