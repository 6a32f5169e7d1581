import { setTimeout as timeout } from 'node:timers/promises';
import { Queue, QueueEvents } from 'bullmq';
import { reportRetry, reportsQueueName, toBucketStart, type ReportJob } from '@outage-radar/shared';
import { loadEnv } from '../src/env';
import { startWorker, type RunningWorker } from '../src/start-worker';
import { recordingLogger, redisUrl, startTestStores, testReportJob, testService, type TestStores } from './harness';

const service = testService('svc');
const at = Date.now();

function report(comment: string | null): ReportJob {
  return testReportJob(service.slug, { reportedAt: at, comment });
}

describe('a report PostgreSQL refuses', () => {
  let stores: TestStores;
  let queue: Queue<ReportJob>;
  let events: QueueEvents;
  let worker: RunningWorker;
  const { log, lines } = recordingLogger();

  beforeAll(async () => {
    stores = await startTestStores([service]);
    queue = new Queue<ReportJob>(reportsQueueName, { connection: stores.redis, prefix: stores.keys.queuePrefix });
    events = new QueueEvents(reportsQueueName, {
      connection: { host: new URL(redisUrl).hostname, port: Number(new URL(redisUrl).port || 6379) },
      prefix: stores.keys.queuePrefix,
    });
    await events.waitUntilReady();
    // A batch waits long enough to fill with every job queued below.
    const env = loadEnv({ REDIS_PREFIX: stores.prefix, LOG_LEVEL: 'silent', REPORT_BATCH_WAIT_MS: '300' });
    worker = startWorker({ env, db: stores.db, redis: stores.redis, log });
  });

  afterAll(async () => {
    await worker.close();
    await events.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await stores.stop();
  });

  it('fails alone, at once, while the rest of its batch is stored and counted', async () => {
    const valid = Array.from({ length: 40 }, (_, i) => report(i % 2 ? 'works again' : null));
    // A NUL can't be stored in a text column (SQLSTATE 22021): no retry will ever store these.
    const poison = Array.from({ length: 12 }, () => report('before\u0000after'));
    const ids = new Set([...valid, ...poison].map((r) => r.id));
    const outcomes = new Map<string, 'completed' | 'failed'>();
    const retried = new Set<string>();
    const settled = new Promise<void>((resolve) => {
      const settle =
        (kind: 'completed' | 'failed') =>
        ({ jobId }: { jobId: string }) => {
          if (!ids.has(jobId)) return;
          outcomes.set(jobId, kind);
          if (outcomes.size === ids.size) resolve();
        };
      events.on('completed', settle('completed'));
      events.on('failed', settle('failed'));
      events.on('delayed', ({ jobId }) => {
        if (ids.has(jobId)) retried.add(jobId);
      });
    });
    // As the API queues them (apps/api/src/intake/report-queue.ts), interleaved in one batch.
    const mixed = valid.flatMap((r, i) => (i < poison.length ? [r, poison[i] as ReportJob] : [r]));
    await queue.addBulk(
      mixed.map((data) => ({
        name: 'persist-report',
        data,
        opts: { jobId: data.id, attempts: reportRetry.attempts, backoff: { type: reportRetry.backoffType } },
      })),
    );

    // Today's failure is a retry every few seconds for a day: give it long enough to show, no longer.
    await Promise.race([settled, timeout(15_000, undefined, { ref: false })]);
    const stored = await stores.db.report.count({ where: { id: { in: [...ids] } } });
    const counted = Number((await stores.redis.hget(stores.counters.totals(toBucketStart(at)), `${service.slug}|all`)) ?? 0);
    const states = await Promise.all(poison.map(async (r) => (await queue.getJob(r.id))?.getState()));
    const failedAlone = poison.filter((r, i) => states[i] === 'failed' && !retried.has(r.id)).length;
    console.log(
      `persist: ${valid.length} valid + ${poison.length} poison jobs queued together, ${stored} stored, ${counted} counted, ${failedAlone} failed alone, ${retried.size} retried, ${valid.length - stored} valid lost`,
    );

    expect(stored).toBe(valid.length);
    expect(counted).toBe(valid.length);
    expect(retried.size).toBe(0);
    expect(states).toEqual(poison.map(() => 'failed'));
    const failedJob = await queue.getJob(poison[0]?.id ?? '');
    expect(failedJob?.attemptsMade).toBe(1);
    expect(failedJob?.failedReason).toMatch(/^refused by the database: 22021 invalid byte sequence/);
    expect(valid.every((r) => outcomes.get(r.id) === 'completed')).toBe(true);
    // One warning per refused report, with PostgreSQL's reason and not the comment it refused.
    const givenUp = lines.filter((l) => l.msg === 'report job given up');
    expect(givenUp.map((l) => l.jobId).sort()).toEqual(poison.map((r) => r.id).sort());
    expect(givenUp.every((l) => l.level === 40 && String(l.err).includes('22021') && !JSON.stringify(l).includes('before'))).toBe(true);
  }, 30_000);
});
