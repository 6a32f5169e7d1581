import { UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { insertReports, type Db, type NewReport } from '@outage-radar/db';
import { toSqlError } from '@outage-radar/runtime';
import { countReports, serviceMinuteTotals, type CounterKeys } from '@outage-radar/counters';
import { minuteMs, ReportJob, rooms, toBucketStart } from '@outage-radar/shared';
import { createBatcher } from '../batcher';
import type { Logger } from '../logger';
import { toCountedReport, type RealtimeEmitter } from '../realtime';

export function toNewReport(job: ReportJob): NewReport {
  return {
    id: job.id,
    serviceSlug: job.service,
    problem: job.problem,
    cell: job.cell,
    country: job.country,
    city: job.city,
    asn: job.asn,
    placeSource: job.placeSource,
    comment: job.comment,
    clientHash: job.clientHash,
    filterReason: job.filtered ?? null,
    reportedAt: new Date(job.reportedAt),
  };
}

/**
 * PostgreSQL refused the row itself: a data exception (SQLSTATE class 22, e.g. a NUL in a text
 * column) or a broken constraint (class 23, e.g. a service that no longer exists). Retrying won't
 * help. Anything else (a lost connection, a timeout, a deadlock) may pass.
 */
function isPermanent(err: unknown): boolean {
  const sqlState = toSqlError(err)?.sqlState;
  return sqlState !== undefined && (sqlState.startsWith('22') || sqlState.startsWith('23'));
}

/** The failed job's reason: PostgreSQL's code and message, never the row's values. */
function toRefusal(err: unknown): UnrecoverableError {
  const refused = toSqlError(err);
  return new UnrecoverableError(`refused by the database: ${refused?.sqlState ?? 'unknown'} ${refused?.message ?? ''}`.trim());
}

export interface PersistDeps {
  db: Db;
  redis: Redis;
  counters: CounterKeys;
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
      return Promise.all(reports.map(async (r) => (await writeBatch([r]).catch((e: Error) => [e]))[0] ?? null)).then(async (outcomes) => {
        await announce(reports.filter((_, i) => outcomes[i] === null));
        return outcomes;
      });
    }
    await announce(reports);
    return reports.map(() => null);
  }

  async function announce(reports: ReportJob[]): Promise<void> {
    const counted = await countReports(deps.redis, deps.counters, reports);
    if (counted.length === 0) return;
    // A discounted report is stored and counted apart; the map shows only what counts.
    for (const report of counted.filter((r) => !r.filtered)) {
      const view = toCountedReport(report);
      deps.emitter.to(rooms.map).emit('report:counted', view);
      deps.emitter.to(rooms.service(report.service)).emit('report:counted', view);
    }
    const now = Date.now();
    for (const slug of new Set(counted.map((r) => r.service))) {
      const buckets = [toBucketStart(now) - minuteMs, toBucketStart(now)];
      const totals = await serviceMinuteTotals(deps.redis, deps.counters, slug, buckets);
      deps.emitter.to(rooms.service(slug)).emit(
        'service:counts',
        slug,
        buckets.map((b, i) => ({
          bucketStart: new Date(b).toISOString(),
          count: totals[i]?.problems ?? 0,
          working: totals[i]?.working ?? 0,
          baseline: null,
          baselineHigh: null,
          duringOutage: false,
        })),
      );
    }
    deps.log.debug({ counted: counted.length }, 'reports counted');
  }

  const batcher = createBatcher(writeBatch, { maxSize: deps.batchSize, maxWaitMs: deps.batchWaitMs });

  return {
    async process(job: Job<ReportJob>): Promise<void> {
      const parsed = ReportJob.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`malformed report job: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      try {
        await batcher.add(parsed.data);
      } catch (err) {
        if (isPermanent(err)) throw toRefusal(err);
        throw err;
      }
    },
    drain: () => batcher.drain(),
  };
}
