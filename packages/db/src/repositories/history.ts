import type { Db } from '../connection';

export interface ScopeBucket {
  serviceSlug: string;
  bucketStart: Date;
  scope: string;
  count: number;
}

/** Per-minute counts of the given scopes (e.g. "all", "working") of one or all services in [from, to). */
export async function bucketCounts(
  db: Db,
  query: { from: Date; to: Date; scopes: string[]; serviceSlug?: string; serviceSlugs?: string[] },
): Promise<ScopeBucket[]> {
  return db.bucketCount.findMany({
    where: {
      bucketStart: { gte: query.from, lt: query.to },
      scope: { in: query.scopes },
      ...(query.serviceSlug ? { serviceSlug: query.serviceSlug } : {}),
      ...(query.serviceSlugs ? { serviceSlug: { in: query.serviceSlugs } } : {}),
    },
    orderBy: { bucketStart: 'asc' },
  });
}

/** Totals per scope with the given prefix ("p:", "cc:", "cell:") for one service in [from, to). */
export async function scopeTotals(db: Db, query: { serviceSlug: string; from: Date; to: Date; prefix: string }): Promise<{ scope: string; count: number }[]> {
  const rows = await db.bucketCount.groupBy({
    by: ['scope'],
    where: { serviceSlug: query.serviceSlug, bucketStart: { gte: query.from, lt: query.to }, scope: { startsWith: query.prefix } },
    _sum: { count: true },
  });
  return rows.map((r) => ({ scope: r.scope, count: r._sum.count ?? 0 })).sort((a, b) => b.count - a.count);
}

/** The places with the most problem reports for one service since `since`, most first. */
export async function topPlaces(
  db: Db,
  query: { serviceSlug: string; since: Date; limit: number },
): Promise<{ city: string | null; country: string | null; count: number }[]> {
  const rows = await db.report.groupBy({
    by: ['city', 'country'],
    where: { serviceSlug: query.serviceSlug, reportedAt: { gte: query.since }, problem: { not: 'working' }, country: { not: null } },
    _count: { _all: true },
    orderBy: { _count: { id: 'desc' } },
    take: query.limit,
  });
  return rows.map((r) => ({ city: r.city, country: r.country, count: r._count._all }));
}

/** Problem reports per service per `bucketMinutes` in [from, to), one row per non-empty bucket. */
export async function binnedCounts(
  db: Db,
  query: { from: Date; to: Date; bucketMinutes: number; scopes: string[]; serviceSlug?: string },
): Promise<{ serviceSlug: string; bucketStart: Date; scope: string; count: number }[]> {
  const interval = `${Math.max(1, Math.floor(query.bucketMinutes))} minutes`;
  const rows = await db.$queryRaw<{ service_slug: string; bin: Date; scope: string; total: bigint }[]>`
    SELECT service_slug, date_bin(${interval}::interval, bucket_start, ${query.from}) AS bin, scope, sum(count) AS total
    FROM bucket_counts
    WHERE bucket_start >= ${query.from} AND bucket_start < ${query.to} AND scope = ANY(${query.scopes}::text[])
      AND (${query.serviceSlug ?? null}::text IS NULL OR service_slug = ${query.serviceSlug ?? null}::text)
    GROUP BY 1, 2, 3 ORDER BY 2`;
  return rows.map((r) => ({ serviceSlug: r.service_slug, bucketStart: r.bin, scope: r.scope, count: Number(r.total) }));
}

/**
 * Folds per-minute counts older than `before` into hourly rows (at the start of each hour), in
 * one statement: the detector and the charts read minutes for the last weeks only, and a year of
 * minutes would be most of the database. Returns how many minute rows were folded.
 */
export async function rollUpMinutesBefore(db: Db, before: Date): Promise<number> {
  const rows = await db.$queryRaw<{ folded: bigint }[]>`
    WITH moved AS (
      DELETE FROM bucket_counts
      WHERE bucket_start < ${before} AND date_trunc('hour', bucket_start) <> bucket_start
      RETURNING service_slug, date_trunc('hour', bucket_start) AS hour, scope, count
    ), inserted AS (
      INSERT INTO bucket_counts (service_slug, bucket_start, scope, count)
      SELECT service_slug, hour, scope, sum(count)::int FROM moved GROUP BY 1, 2, 3
      ON CONFLICT (service_slug, bucket_start, scope) DO UPDATE SET count = bucket_counts.count + EXCLUDED.count
    )
    SELECT count(*) AS folded FROM moved`;
  return Number(rows[0]?.folded ?? 0);
}
