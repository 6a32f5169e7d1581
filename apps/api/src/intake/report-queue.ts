import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { reportRetry, reportsQueueName, type RedisKeys, type ReportJob } from '@outage-radar/shared';

export type ReportQueue = Queue<ReportJob>;

export function createReportQueue(connection: Redis, keys: RedisKeys): ReportQueue {
  return new Queue<ReportJob>(reportsQueueName, {
    connection,
    prefix: keys.queuePrefix,
    defaultJobOptions: {
      // Retried until PostgreSQL is back, for up to a day (the worker implements the backoff).
      attempts: reportRetry.attempts,
      backoff: { type: reportRetry.backoffType },
      removeOnComplete: { age: 3600, count: 50_000 },
      // A report given up on waits for an operator to replay it (/api/admin/failed-reports) for a month.
      removeOnFail: { age: 30 * 24 * 3600 },
    },
  });
}

/** Resolves only once Redis holds the job; the job id is the report id, so a retried add is a no-op. */
export async function enqueueReport(queue: ReportQueue, job: ReportJob): Promise<void> {
  await queue.add('persist-report', job, { jobId: job.id });
}
