import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { counterKeys } from '@outage-radar/counters';
import type { Db } from '@outage-radar/db';
import { isStoreUnavailable } from '@outage-radar/runtime';
import { redisKeys, reportRetryDelayMs, reportsQueueName, type ReportJob } from '@outage-radar/shared';
import type { Env } from './env';
import { createOutagePublisher } from './detector/publish-outages';
import { createDetectorTick } from './jobs/detector-tick';
import { createMaintenance } from './jobs/maintenance';
import { createReportPersister } from './jobs/persist-reports';
import { keepJobSchedulers } from './keep-job-schedulers';
import type { Logger } from './logger';
import { createEmitter } from './realtime';

const detectorQueueName = 'detector';

// BullMQ fails a job whose worker died holding it more than maxStalledCount times (default 1), so
// two SIGKILLs or OOMs while the database hung dropped reports already answered 202. Every job in
// hand counts each crash, so the bound is far above what a report meets in a bad day; a report that
// itself crashes the process every time is still given up, after this many crashes.
const reportMaxStalls = 50;

export interface RunningWorker {
  /** Stops taking jobs, finishes the ones in hand (their batches are written), then returns. */
  close: () => Promise<void>;
}

/** Starts the queue consumers on connections that are already known to work. */
export function startWorker(deps: { env: Env; db: Db; redis: Redis; log: Logger }): RunningWorker {
  const { env, db, redis, log } = deps;
  const keys = redisKeys(env.REDIS_PREFIX);
  const counters = counterKeys(env.REDIS_PREFIX);
  const emitter = createEmitter(redis, keys);
  const persister = createReportPersister({ db, redis, counters, emitter, log, batchSize: env.REPORT_BATCH_SIZE, batchWaitMs: env.REPORT_BATCH_WAIT_MS });
  const workerConnection = redis.duplicate();
  const lockMs = env.REPORT_LOCK_SECONDS * 1000;
  const worker = new Worker<ReportJob>(reportsQueueName, (job) => persister.process(job), {
    connection: workerConnection,
    prefix: keys.queuePrefix,
    concurrency: env.REPORT_CONCURRENCY,
    settings: { backoffStrategy: (attemptsMade) => reportRetryDelayMs(attemptsMade) },
    maxStalledCount: reportMaxStalls,
    // A killed worker's jobs come back lockMs after its last renewal; look for them every few
    // seconds rather than BullMQ's 30, which would add up to half a minute to each recovery.
    lockDuration: lockMs,
    stalledInterval: Math.min(lockMs, 5_000),
  });
  worker.on('failed', (job, err) => {
    // Every job fails at once while PostgreSQL is away: one warning per job and retry would bury the cause.
    const givenUp = !job || job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === 'UnrecoverableError';
    if (givenUp) log.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'report job given up');
    else log.debug({ jobId: job.id, attempts: job.attemptsMade, err: err.message }, 'report job will be retried');
  });
  worker.on('error', (err) => log.error({ err }, 'worker error'));

  // The detector (and hourly maintenance) runs as one scheduled job per tick: whichever worker takes it runs that tick, so
  // adding workers never runs the detector twice over.
  const detectorConnection = redis.duplicate();
  const detectorQueue = new Queue(detectorQueueName, { connection: redis, prefix: keys.queuePrefix });
  const publisher = createOutagePublisher({ db, redis, counters, emitter, log });
  const detectorTick = createDetectorTick({ db, redis, keys, counters, log, publisher });
  const stopScheduling = keepJobSchedulers({
    queue: detectorQueue,
    redis,
    log,
    schedulers: [
      { name: 'detector-tick', everyMs: env.DETECTOR_TICK_SECONDS * 1000 },
      { name: 'maintenance', everyMs: 3_600_000 },
    ],
  });
  const maintenance = createMaintenance({ db, log, reportRetentionDays: env.REPORT_RETENTION_DAYS, minuteHistoryDays: env.MINUTE_HISTORY_DAYS });
  const detectorWorker = new Worker(
    detectorQueueName,
    async (job) => {
      if (job.name === 'maintenance') return maintenance(Date.now());
      // A tick that waited behind a slow one is stale: the next one covers it.
      const dueAt = job.timestamp + (job.opts.delay ?? 0);
      if (Date.now() - dueAt > env.DETECTOR_TICK_SECONDS * 3000) return { skipped: true };
      return detectorTick(Date.now());
    },
    { connection: detectorConnection, prefix: keys.queuePrefix, concurrency: 1 },
  );
  detectorWorker.on('failed', (job, err) => {
    // A store that is away fails every tick the same way: its message is enough, not a stack each time.
    if (isStoreUnavailable(err))
      log.warn({ job: job?.name, err: err.message.split('\n').filter(Boolean).pop() }, 'detector tick skipped: a store is unavailable');
    else log.error({ jobId: job?.id, err }, 'detector tick failed');
  });
  detectorWorker.on('error', (err) => log.error({ err }, 'detector worker error'));

  log.info({ queue: reportsQueueName, concurrency: env.REPORT_CONCURRENCY, detectorTickSeconds: env.DETECTOR_TICK_SECONDS }, 'worker started');

  return {
    async close() {
      // close() waits for the jobs in hand, whose batches drain meanwhile.
      const closing = worker.close();
      await persister.drain();
      await closing;
      stopScheduling();
      await detectorWorker.close();
      await detectorQueue.close();
      workerConnection.disconnect();
      detectorConnection.disconnect();
    },
  };
}
