import type { Redis } from 'ioredis';
import { cellToLatLng } from 'h3-js';
import { cellCounts, type CounterKeys } from '@outage-radar/counters';
import { minuteMs, toBucketStart, type CellActivity, type RedisKeys } from '@outage-radar/shared';

/** Where reports came from in the last `minutes` minutes, per map cell, busiest first. */
export async function cellActivity(redis: Redis, counters: CounterKeys, now: number, minutes = 60, limit = 5000): Promise<CellActivity[]> {
  const byCell = await cellCounts(redis, counters, now, minutes);
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
  redis: Redis,
  keys: RedisKeys,
  slug: string,
  from: number,
  minutes: number,
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
