import type { Redis } from 'ioredis';
import { fromRegionKey, toSeriesKey } from '@outage-radar/shared';
import type { CounterKeys } from './counter-keys';
import { fromCounterField } from './counted-scope';
import { lastMinutes } from './read-totals';

/** Counts of one series in one minute: the total and per problem key. */
export interface MinuteCounts {
  count: number;
  problems: Record<string, number>;
}

/** series key ("whatsapp", "whatsapp/country/IN", "whatsapp/network/AS55836") -> minute start -> counts */
export type SeriesCounts = Map<string, Map<number, MinuteCounts>>;

/**
 * The counts the detector observes: the last `minutes` minutes (the current one included) of every
 * service, and of every country and network a service had reports from, keyed by series.
 */
export async function readSeriesCounts(redis: Redis, keys: CounterKeys, at: number, minutes: number): Promise<SeriesCounts> {
  const buckets = lastMinutes(at, minutes);
  const pipeline = redis.pipeline();
  for (const bucket of buckets) {
    pipeline.hgetall(keys.totals(bucket));
    pipeline.hgetall(keys.scopes(bucket));
  }
  const replies = (await pipeline.exec()) ?? [];
  const recent: SeriesCounts = new Map();
  const entry = (series: string, bucket: number) => {
    let byMinute = recent.get(series);
    if (!byMinute) recent.set(series, (byMinute = new Map()));
    let counts = byMinute.get(bucket);
    if (!counts) byMinute.set(bucket, (counts = { count: 0, problems: {} }));
    return counts;
  };
  buckets.forEach((bucket, i) => {
    const [totalsErr, totals] = replies[2 * i] ?? [new Error('no reply'), {}];
    const [scopesErr, scopes] = replies[2 * i + 1] ?? [new Error('no reply'), {}];
    if (totalsErr) throw totalsErr;
    if (scopesErr) throw scopesErr;
    for (const [field, value] of Object.entries(totals as Record<string, string>)) {
      const { slug, scope } = fromCounterField(field);
      if (scope === 'all') entry(slug, bucket).count += Number(value);
    }
    for (const [field, value] of Object.entries(scopes as Record<string, string>)) {
      const { slug, scope } = fromCounterField(field);
      if (scope.startsWith('p:')) {
        const problems = entry(slug, bucket).problems;
        problems[scope.slice(2)] = (problems[scope.slice(2)] ?? 0) + Number(value);
        continue;
      }
      const region = fromRegionKey(scope);
      if (region) entry(toSeriesKey(slug, region), bucket).count += Number(value);
    }
  });
  return recent;
}
