import type { BucketCount, ServiceDetail } from '@outage-radar/shared';

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

/** Per minute, the counts already added to the series since the last full fetch. */
export type SeenMinutes = Map<string, { count: number; working: number }>;

/**
 * Adds live 1-minute buckets to the detail's coarser series. Only minutes that began after the
 * detail was fetched are added (older ones are already in it); the minute the fetch fell in is
 * left to the next fetch, which follows soon after any live update.
 */
export function mergeMinuteBuckets(detail: ServiceDetail, minutes: readonly BucketCount[], fetchedAtMs: number, seen: SeenMinutes): ServiceDetail {
  const bucketMs = detail.bucketMinutes * minuteMs;
  let buckets = detail.buckets;
  let addedCount = 0;
  let addedWorking = 0;

  for (const minute of minutes) {
    const startMs = Date.parse(minute.bucketStart);
    if (!(startMs >= fetchedAtMs)) continue;
    const before = seen.get(minute.bucketStart) ?? { count: 0, working: 0 };
    const count = Math.max(0, minute.count - before.count);
    const working = Math.max(0, minute.working - before.working);
    seen.set(minute.bucketStart, { count: Math.max(before.count, minute.count), working: Math.max(before.working, minute.working) });
    if (count === 0 && working === 0) continue;

    if (buckets === detail.buckets) buckets = [...buckets];
    const bucketStartMs = Math.floor(startMs / bucketMs) * bucketMs;
    let index = buckets.findIndex((b) => Date.parse(b.bucketStart) === bucketStartMs);
    if (index === -1) {
      const last = buckets.at(-1);
      if (last && Date.parse(last.bucketStart) > bucketStartMs) continue;
      buckets.push({
        bucketStart: new Date(bucketStartMs).toISOString(),
        count: 0,
        working: 0,
        baseline: last?.baseline ?? null,
        baselineHigh: last?.baselineHigh ?? null,
        duringOutage: last?.duringOutage ?? minute.duringOutage,
      });
      buckets = buckets.filter((b) => Date.parse(b.bucketStart) > bucketStartMs - dayMs);
      index = buckets.length - 1;
    }
    const bucket = buckets[index]!;
    buckets[index] = { ...bucket, count: bucket.count + count, working: bucket.working + working, duringOutage: bucket.duringOutage || minute.duringOutage };
    addedCount += count;
    addedWorking += working;
  }

  if (buckets === detail.buckets) return detail;
  return {
    ...detail,
    buckets,
    reportsLastHour: detail.reportsLastHour + addedCount,
    workingLastHour: detail.workingLastHour + addedWorking,
  };
}
