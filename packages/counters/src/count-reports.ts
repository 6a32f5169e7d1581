import type { Redis } from 'ioredis';
import { toBucketStart, type ReportJob } from '@outage-radar/shared';
import { countedMarkerTtlSeconds, counterTtlSeconds, type CounterKeys } from './counter-keys';
import { scopesOf, toCounterField } from './counted-scope';

// Counts a report once per id, however often its job is delivered: the "counted" marker and the
// increments happen in one atomic script. ARGV: counters' TTL, the total's field, the marker's TTL,
// then the scope fields.
const countOnce = `
local counted = redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[3])
if not counted then return 0 end
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
redis.call('EXPIRE', KEYS[2], ARGV[1])
for i = 4, #ARGV do
  redis.call('HINCRBY', KEYS[3], ARGV[i], 1)
end
if #ARGV >= 4 then redis.call('EXPIRE', KEYS[3], ARGV[1]) end
return 1`;

/**
 * Adds reports to the per-minute counters (service totals, and problem, country, cell and network
 * scopes). Returns the reports that were counted now (not counted before).
 */
export async function countReports(redis: Redis, keys: CounterKeys, reports: readonly ReportJob[]): Promise<ReportJob[]> {
  if (reports.length === 0) return [];
  const pipeline = redis.pipeline();
  for (const report of reports) {
    const bucket = toBucketStart(report.reportedAt);
    const scopes = scopesOf({ problem: report.problem, country: report.country, cell: report.cell, asn: report.asn, filterReason: report.filtered ?? null });
    const [first = 'all', ...rest] = scopes;
    pipeline.eval(
      countOnce,
      3,
      keys.counted(report.id),
      keys.totals(bucket),
      keys.scopes(bucket),
      counterTtlSeconds,
      toCounterField(report.service, first),
      countedMarkerTtlSeconds,
      ...rest.map((s) => toCounterField(report.service, s)),
    );
  }
  const results = (await pipeline.exec()) ?? [];
  return reports.filter((_, i) => {
    const [err, value] = results[i] ?? [new Error('no reply'), 0];
    if (err) throw err;
    return value === 1;
  });
}
