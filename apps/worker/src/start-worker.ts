import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Db } from '@outage-radar/db';
import { redisKeys, reportsQueueName, type ReportJob } from '@outage-radar/shared';
import type { Env } from './env';
import { createReportPersister } from './jobs/persist-reports';
import type { Logger } from './logger';
import { createEmitter } from './realtime';

export interface RunningWorker {
  /** Stops taking jobs, finishes the ones in hand (their batches are written), then returns. */
  close: () => Promise<void>;
}

/** Starts the queue consumers on connections that are already known to work. */
export function startWorker(deps: { env: Env; db: Db; redis: Redis; log: Logger }): RunningWorker {
  const { env, db, redis, log } = deps;
  const keys = redisKeys(env.REDIS_PREFIX);
  const emitter = createEmitter(redis, keys);
  const persister = createReportPersister({ db, redis, keys, emitter, log, batchSize: env.REPORT_BATCH_SIZE, batchWaitMs: env.REPORT_BATCH_WAIT_MS });
  const workerConnection = redis.duplicate();
  const worker = new Worker<ReportJob>(reportsQueueName, (job) => persister.process(job), {
    connection: workerConnection,
    prefix: keys.queuePrefix,
    concurrency: env.REPORT_CONCURRENCY,
  });
  worker.on('failed', (job, err) => log.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'report job failed'));
  worker.on('error', (err) => log.error({ err }, 'worker error'));
  log.info({ queue: reportsQueueName, concurrency: env.REPORT_CONCURRENCY }, 'worker started');

  return {
    async close() {
      // close() waits for the jobs in hand, whose batches drain meanwhile.
      const closing = worker.close();
      await persister.drain();
      await closing;
      workerConnection.disconnect();
    },
  };
}
