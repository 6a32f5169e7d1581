import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { createDb, type Db } from '@outage-radar/db';
import { reportRetry, reportsQueueName, type ReportJob } from '@outage-radar/shared';
import { createCuttableProxy } from '../../../scripts/test-support/cuttable-proxy';
import { loadEnv } from '../src/env';
import { createLogger } from '../src/logger';
import { startWorker, type RunningWorker } from '../src/start-worker';
import { databaseUrl, redisUrl, startTestStores, testReportJob, testService, type TestStores } from './harness';

const service = testService('svc');

describe('the reports consumer while PostgreSQL is away', () => {
  let stores: TestStores;
  let proxy: Awaited<ReturnType<typeof createCuttableProxy>>;
  let workerDb: Db;
  let queue: Queue<ReportJob>;
  let events: QueueEvents;
  let worker: RunningWorker;

  beforeAll(async () => {
    stores = await startTestStores([service]);
    proxy = await createCuttableProxy(databaseUrl);
    workerDb = createDb({ url: proxy.url, schema: stores.schema, maxConnections: 2 });
    queue = new Queue<ReportJob>(reportsQueueName, { connection: stores.redis, prefix: stores.keys.queuePrefix });
    events = new QueueEvents(reportsQueueName, {
      connection: { host: new URL(redisUrl).hostname, port: Number(new URL(redisUrl).port || 6379) },
      prefix: stores.keys.queuePrefix,
    });
    await events.waitUntilReady();
    const env = loadEnv({ REDIS_PREFIX: stores.prefix, LOG_LEVEL: 'silent', REPORT_BATCH_WAIT_MS: '10' });
    worker = startWorker({ env, db: workerDb, redis: stores.redis, log: createLogger('silent') });
  });

  afterAll(async () => {
    await worker.close();
    await events.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await workerDb.$disconnect();
    await proxy.close();
    await stores.stop();
  });

  it("keeps retrying a report queued with the API's options, and stores it once the database is back", async () => {
    const id = randomUUID();
    const report = testReportJob(service.slug, { id, country: 'BD' });
    await proxy.cut();
    // Each failed attempt puts the job back as delayed, for the backoff's time.
    const delays: number[] = [];
    const threeRetries = new Promise<void>((resolve) => {
      events.on('delayed', ({ jobId, delay }) => {
        if (jobId !== id) return;
        delays.push(Number(delay));
        if (delays.length === 3) resolve();
      });
    });
    const completed = new Promise<void>((resolve) =>
      events.on('completed', ({ jobId }) => {
        if (jobId === id) resolve();
      }),
    );
    // As the API queues it (apps/api/src/intake/report-queue.ts).
    await queue.add('persist-report', report, { jobId: id, attempts: reportRetry.attempts, backoff: { type: reportRetry.backoffType } });

    await threeRetries;
    const job = await queue.getJob(id);
    expect(job?.attemptsMade).toBeGreaterThanOrEqual(3);
    expect(await job?.getState()).not.toBe('failed');

    await proxy.restore();
    await completed;
    expect(await stores.db.report.count({ where: { id } })).toBe(1);
  }, 30_000);
});
