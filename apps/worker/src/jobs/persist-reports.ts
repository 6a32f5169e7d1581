import { UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { insertReports, type Db, type NewReport } from '@outage-radar/db';
import { minuteMs, rooms, toBucketStart, type RedisKeys, type ReportJob } from '@outage-radar/shared';
import { createBatcher } from '../batcher';
import { countReports } from '../counters';
import type { Logger } from '../logger';
import { toCountedReport, type RealtimeEmitter } from '../realtime';

// What the API enqueues; a job that doesn't match can never succeed, so it is not retried.
const ReportJobShape = z.object({
  id: z.uuid(), service: z.string().min(1), problem: z.string().min(1), reportedAt: z.number().int().positive(),
  cell: z.string().nullable(), lat: z.number().nullable(), lon: z.number().nullable(), country: z.string().length(2).nullable(),
  city: z.string().nullable(), asn: z.number().int().nullable(), placeSource: z.enum(['browser', 'ip', 'none']),
  comment: z.string().max(2000).nullable(), clientHash: z.string().nullable(),
});

export function toNewReport(job: ReportJob): NewReport {
  return {
    id: job.id, serviceSlug: job.service, problem: job.problem, cell: job.cell, country: job.country, city: job.city,
    asn: job.asn, placeSource: job.placeSource, comment: job.comment, clientHash: job.clientHash, reportedAt: new Date(job.reportedAt),
  };
}

/** Postgres refused the row itself (e.g. a service that no longer exists): retrying won't help. */
function isPermanent(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'P2003' || code === 'P2000' || code === 'P2007' || /foreign key|violates/i.test(String((err as Error).message));
}

export interface PersistDeps {
  db: Db;
  redis: Redis;
  keys: RedisKeys;
  emitter: RealtimeEmitter;
  log: Logger;
  batchSize: number;
  batchWaitMs: number;
}

/**
 * The `reports` queue's processor: reports are stored with one multi-row insert per batch, counted
 * in Redis once per id, then announced to the map and to the service's page.
 */
export function createReportPersister(deps: PersistDeps) {
  async function writeBatch(reports: ReportJob[]): Promise<(Error | null)[]> {
    try {
      await insertReports(deps.db, reports.map(toNewReport));
    } catch (err) {
      if (reports.length === 1 || !isPermanent(err)) throw err;
      // One bad report must not hold back the rest: write them one by one to find it.
      return Promise.all(reports.map(async (r) => (await writeBatch([r]).catch((e: Error) => [e]))[0] ?? null))
        .then(async (outcomes) => { await announce(reports.filter((_, i) => outcomes[i] === null)); return outcomes; });
    }
    await announce(reports);
    return reports.map(() => null);
  }

  async function announce(reports: ReportJob[]): Promise<void> {
    const counted = await countReports(deps.redis, deps.keys, reports);
    if (counted.length === 0) return;
    for (const report of counted) {
      const view = toCountedReport(report);
      deps.emitter.to(rooms.map).emit('report:counted', view);
      deps.emitter.to(rooms.service(report.service)).emit('report:counted', view);
    }
    const now = Date.now();
    for (const slug of new Set(counted.map((r) => r.service))) {
      const buckets = [toBucketStart(now) - minuteMs, toBucketStart(now)];
      const values = await Promise.all(buckets.map((b) => deps.redis.hmget(deps.keys.totals(b), `${slug}|all`, `${slug}|working`)));
      deps.emitter.to(rooms.service(slug)).emit('service:counts', slug, buckets.map((b, i) => ({
        bucketStart: new Date(b).toISOString(), count: Number(values[i]?.[0] ?? 0), working: Number(values[i]?.[1] ?? 0),
        baseline: null, baselineHigh: null, duringOutage: false,
      })));
    }
    deps.log.debug({ counted: counted.length }, 'reports counted');
  }

  const batcher = createBatcher(writeBatch, { maxSize: deps.batchSize, maxWaitMs: deps.batchWaitMs });

  return {
    async process(job: Job<ReportJob>): Promise<void> {
      const parsed = ReportJobShape.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`malformed report job: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      try {
        await batcher.add(parsed.data);
      } catch (err) {
        if (isPermanent(err)) throw new UnrecoverableError((err as Error).message.split('\n')[0] ?? 'rejected by the database');
        throw err;
      }
    },
    drain: () => batcher.drain(),
  };
}
