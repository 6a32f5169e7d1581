import type { Redis } from 'ioredis';
import { minuteMs, toBucketStart, type RedisKeys } from '@outage-radar/shared';

/** Counts of one series in one minute: the total and per problem key. */
export interface MinuteCounts {
  count: number;
  problems: Record<string, number>;
}

/** series key ("whatsapp", "whatsapp/country/IN", "whatsapp/network/AS55836") -> minute start -> counts */
export type RecentCounts = Map<string, Map<number, MinuteCounts>>;

/**
 * Reads the live per-minute counters of the last `minutes` minutes (the current one included) for
 * every service, and for every country and network a service had reports from.
 */
export async function readRecentCounts(redis: Redis, keys: RedisKeys, at: number, minutes: number): Promise<RecentCounts> {
  const buckets = Array.from({ length: minutes }, (_, i) => toBucketStart(at) - (minutes - 1 - i) * minuteMs);
  const pipeline = redis.pipeline();
  for (const bucket of buckets) {
    pipeline.hgetall(keys.totals(bucket));
    pipeline.hgetall(keys.scopes(bucket));
  }
  const replies = (await pipeline.exec()) ?? [];
  const recent: RecentCounts = new Map();
  const entry = (series: string, bucket: number) => {
    let byMinute = recent.get(series);
    if (!byMinute) recent.set(series, (byMinute = new Map()));
    let counts = byMinute.get(bucket);
    if (!counts) byMinute.set(bucket, (counts = { count: 0, problems: {} }));
    return counts;
  };
  buckets.forEach((bucket, i) => {
    const [totalsErr, totals] = replies[2 * i] ?? [null, {}];
    const [scopesErr, scopes] = replies[2 * i + 1] ?? [null, {}];
    if (totalsErr) throw totalsErr;
    if (scopesErr) throw scopesErr;
    for (const [field, value] of Object.entries(totals as Record<string, string>)) {
      const [slug, scope] = field.split('|') as [string, string];
      if (scope === 'all') entry(slug, bucket).count += Number(value);
    }
    for (const [field, value] of Object.entries(scopes as Record<string, string>)) {
      const [slug, scope] = field.split('|') as [string, string];
      if (scope.startsWith('p:')) {
        const problems = entry(slug, bucket).problems;
        problems[scope.slice(2)] = (problems[scope.slice(2)] ?? 0) + Number(value);
      } else if (scope.startsWith('cc:')) {
        entry(`${slug}/country/${scope.slice(3)}`, bucket).count += Number(value);
      } else if (scope.startsWith('asn:')) {
        entry(`${slug}/network/AS${scope.slice(4)}`, bucket).count += Number(value);
      }
    }
  });
  return recent;
}
