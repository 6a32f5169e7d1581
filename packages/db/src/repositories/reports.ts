import { Prisma } from '../generated/prisma/client';
import type { Db } from '../connection';
import { scopesOf, type CountedScope } from '@outage-radar/counters';

export interface NewReport {
  id: string;
  serviceSlug: string;
  problem: string;
  cell: string | null;
  country: string | null;
  city: string | null;
  asn: number | null;
  placeSource: 'browser' | 'ip' | 'none';
  comment: string | null;
  clientHash: string | null;
  filterReason: string | null;
  reportedAt: Date;
}

const minuteMs = 60_000;

/**
 * Stores a batch of reports with one multi-row insert and adds them to the per-minute history, in
 * one transaction. Idempotent on the report id: reports already stored are skipped and not counted
 * again. Returns the reports that were new.
 */
export async function insertReports(db: Db, reports: NewReport[]): Promise<NewReport[]> {
  if (reports.length === 0) return [];
  // A redelivered job can put the same report twice in one batch: keep its first copy.
  const unique = [...new Map(reports.map((r) => [r.id, r])).values()];
  return db.$transaction(async (tx) => {
    const created = await tx.report.createManyAndReturn({ data: unique, skipDuplicates: true, select: { id: true } });
    const createdIds = new Set(created.map((r) => r.id));
    const fresh = unique.filter((r) => createdIds.has(r.id));
    const counts = countByBucket(fresh);
    if (counts.length > 0) {
      await tx.$executeRaw`
        INSERT INTO bucket_counts (service_slug, bucket_start, scope, count)
        SELECT * FROM unnest(${counts.map((c) => c.serviceSlug)}::text[], ${counts.map((c) => c.bucketStart)}::timestamptz[],
                             ${counts.map((c) => c.scope)}::text[], ${counts.map((c) => c.count)}::int[])
        ON CONFLICT (service_slug, bucket_start, scope) DO UPDATE SET count = bucket_counts.count + EXCLUDED.count`;
    }
    return fresh;
  });
}

interface BucketIncrement {
  serviceSlug: string;
  bucketStart: Date;
  scope: CountedScope;
  count: number;
}

function countByBucket(reports: NewReport[]): BucketIncrement[] {
  const byKey = new Map<string, BucketIncrement>();
  for (const report of reports) {
    const bucketStart = new Date(Math.floor(report.reportedAt.getTime() / minuteMs) * minuteMs);
    for (const scope of scopesOf(report)) {
      const key = `${report.serviceSlug}\u0000${bucketStart.getTime()}\u0000${scope}`;
      const entry = byKey.get(key);
      if (entry) entry.count += 1;
      else byKey.set(key, { serviceSlug: report.serviceSlug, bucketStart, scope, count: 1 });
    }
  }
  return [...byKey.values()];
}

/** Deletes reports older than `before` (the retention job); returns how many went. */
export async function deleteReportsBefore(db: Db, before: Date): Promise<number> {
  return db.$executeRaw(Prisma.sql`DELETE FROM reports WHERE reported_at < ${before}`);
}
