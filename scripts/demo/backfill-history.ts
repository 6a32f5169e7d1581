import type { Db, ServiceRow } from '@outage-radar/db';
import { baseRatePerMinute, countryMix, pickCountry, poisson } from './rates';

const minuteMs = 60_000;
const rowsPerInsert = 20_000;

/**
 * Writes per-minute history for every service over [from, to): Poisson counts around the usual
 * rate, split by country, and by problem for the last day (what the charts and breakdowns read).
 */
export async function backfillHistory(db: Db, services: ServiceRow[], from: number, to: number): Promise<number> {
  let written = 0;
  const dayAgo = to - 24 * 60 * minuteMs;
  for (const service of services) {
    const rows = new Map<string, number>();
    const add = (minute: number, scope: string) => {
      const key = `${minute}|${scope}`;
      rows.set(key, (rows.get(key) ?? 0) + 1);
    };
    const mix = countryMix(service);
    for (let minute = Math.ceil(from / minuteMs) * minuteMs; minute < to; minute += minuteMs) {
      for (let n = poisson(baseRatePerMinute(service, minute)); n > 0; n--) {
        add(minute, 'all');
        add(minute, `cc:${pickCountry(mix)}`);
        if (minute >= dayAgo) add(minute, `p:${service.problems[Math.floor(Math.random() * Math.min(3, service.problems.length))]}`);
      }
    }
    const entries = [...rows];
    for (let i = 0; i < entries.length; i += rowsPerInsert) {
      const chunk = entries.slice(i, i + rowsPerInsert);
      await db.$executeRaw`
        INSERT INTO bucket_counts (service_slug, bucket_start, scope, count)
        SELECT ${service.slug}, to_timestamp(m / 1000.0), s, c
        FROM unnest(${chunk.map(([k]) => Number(k.split('|')[0]))}::bigint[], ${chunk.map(([k]) => k.split('|')[1]!)}::text[], ${chunk.map(([, c]) => c)}::int[]) AS t(m, s, c)
        ON CONFLICT (service_slug, bucket_start, scope) DO UPDATE SET count = bucket_counts.count + EXCLUDED.count`;
    }
    written += entries.length;
  }
  return written;
}
