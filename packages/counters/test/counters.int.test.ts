import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { minuteMs, toBucketStart, type ReportJob } from '@outage-radar/shared';
import { cellCounts, counterKeys, countReports, liveTotals, readSeriesCounts, serviceCellCounts, serviceMinuteTotals } from '../src/index';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const cell = '85618923fffffff';

function report(over: Partial<ReportJob> = {}): ReportJob {
  return {
    id: randomUUID(),
    service: 'whatsapp',
    problem: 'login',
    reportedAt: Date.now(),
    cell,
    lat: null,
    lon: null,
    country: 'IN',
    city: null,
    asn: 55836,
    placeSource: 'ip',
    comment: null,
    clientHash: null,
    filtered: null,
    ...over,
  };
}

describe('the per-minute counters', () => {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const prefix = `test-${randomUUID()}`;
  const keys = counterKeys(prefix);
  const now = toBucketStart(Date.now()) + 30_000;
  const earlier = now - 5 * minuteMs;

  afterAll(async () => {
    const stale = await redis.keys(`${prefix}:*`);
    if (stale.length) await redis.del(...stale);
    redis.disconnect();
  });

  it('counts each report once, and every reader sees the same counts', async () => {
    const reports = [
      report({ reportedAt: now }),
      report({ reportedAt: now, problem: 'app', asn: null }),
      report({ reportedAt: earlier, country: 'BD', cell: null, asn: null }),
      report({ reportedAt: now, problem: 'working', country: null, cell: null, asn: null }),
      report({ reportedAt: now, filtered: 'prefix-flood' }),
      report({ reportedAt: now, service: 'telegram', asn: null }),
    ];
    expect(await countReports(redis, keys, reports)).toHaveLength(6);
    // A redelivered job is not counted again.
    expect(await countReports(redis, keys, reports.slice(0, 2))).toEqual([]);

    const totals = await liveTotals(redis, keys, now);
    expect(totals.get('whatsapp')).toEqual({ problems: 3, working: 1 });
    expect(totals.get('telegram')).toEqual({ problems: 1, working: 0 });

    expect(await serviceMinuteTotals(redis, keys, 'whatsapp', [earlier, toBucketStart(now)])).toEqual([
      { problems: 1, working: 0 },
      { problems: 2, working: 1 },
    ]);

    expect(await cellCounts(redis, keys, now)).toEqual(
      new Map([
        [
          cell,
          new Map([
            ['whatsapp', 2],
            ['telegram', 1],
          ]),
        ],
      ]),
    );
    expect(await serviceCellCounts(redis, keys, 'whatsapp', now, 15)).toEqual(new Map([[cell, 2]]));
    expect(await serviceCellCounts(redis, keys, 'whatsapp', now, 1)).toEqual(new Map([[cell, 2]]));

    const series = await readSeriesCounts(redis, keys, now, 10);
    const sum = (key: string) => [...(series.get(key)?.values() ?? [])].reduce((s, c) => s + c.count, 0);
    expect(sum('whatsapp')).toBe(3);
    expect(sum('whatsapp/country/IN')).toBe(2);
    expect(sum('whatsapp/country/BD')).toBe(1);
    expect(sum('whatsapp/network/AS55836')).toBe(1);
    expect(sum('telegram/country/IN')).toBe(1);
    expect(series.get('whatsapp')?.get(toBucketStart(now))?.problems).toEqual({ login: 1, app: 1 });
    // The discounted report counts in "filtered" only: no series and no reader of problems sees it.
    expect([...series.keys()].sort()).toEqual([
      'telegram',
      'telegram/country/IN',
      'whatsapp',
      'whatsapp/country/BD',
      'whatsapp/country/IN',
      'whatsapp/network/AS55836',
    ]);
  });
});
