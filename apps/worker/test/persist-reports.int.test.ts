import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { reportsQueueName, toBucketStart, type ReportJob } from '@outage-radar/shared';
import { loadEnv } from '../src/env';
import { createLogger } from '../src/logger';
import { startWorker, type RunningWorker } from '../src/start-worker';
import { redisUrl, startTestStores, testService, type TestStores } from './harness';

const service = testService('svc');
const slug = service.slug;
const at = Date.UTC(2026, 0, 5, 10, 15, 20);

function job(overrides: Partial<ReportJob> = {}): ReportJob {
  return {
    id: randomUUID(),
    service: slug,
    problem: 'login',
    reportedAt: at,
    cell: '85618923fffffff',
    lat: 28.6,
    lon: 77.2,
    country: 'IN',
    city: 'New Delhi',
    asn: null,
    placeSource: 'ip',
    comment: null,
    clientHash: 'h',
    ...overrides,
  };
}

describe('the reports queue consumer', () => {
  let stores: TestStores;
  let queue: Queue<ReportJob>;
  let events: QueueEvents;
  let worker: RunningWorker;
  const db = () => stores.db;

  beforeAll(async () => {
    stores = await startTestStores([service]);
    const { redis, keys, prefix } = stores;
    queue = new Queue<ReportJob>(reportsQueueName, { connection: redis, prefix: keys.queuePrefix });
    events = new QueueEvents(reportsQueueName, {
      connection: { host: new URL(redisUrl).hostname, port: Number(new URL(redisUrl).port || 6379) },
      prefix: keys.queuePrefix,
    });
    events.setMaxListeners(100);
    await events.waitUntilReady();
    const env = loadEnv({ REDIS_PREFIX: prefix, LOG_LEVEL: 'silent', REPORT_BATCH_WAIT_MS: '30' });
    worker = startWorker({ env, db: stores.db, redis, log: createLogger('silent') });
  });
  afterAll(async () => {
    await worker.close();
    await events.close();
    await queue.close();
    await stores.stop();
  });

  const finished = (jobId: string) =>
    new Promise<'completed' | 'failed'>((resolve) => {
      const onDone = (kind: 'completed' | 'failed') => (e: { jobId: string }) => {
        if (e.jobId === jobId) resolve(kind);
      };
      events.on('completed', onDone('completed'));
      events.on('failed', onDone('failed'));
    });

  async function process(jobs: { data: ReportJob; jobId: string }[]) {
    const outcomes = jobs.map((j) => finished(j.jobId));
    await queue.addBulk(
      jobs.map((j) => ({ name: 'persist-report', data: j.data, opts: { jobId: j.jobId, attempts: 3, backoff: { type: 'fixed', delay: 50 } } })),
    );
    return Promise.all(outcomes);
  }

  const totalsOf = async () => stores.redis.hgetall(stores.counters.totals(toBucketStart(at)));
  const historyOf = async () => {
    const rows = await db().bucketCount.findMany({ where: { serviceSlug: slug, bucketStart: new Date(toBucketStart(at)) } });
    return Object.fromEntries(rows.map((r) => [r.scope, r.count]));
  };

  it('stores a batch of reports as rows and counts them per minute in Redis and in the history', async () => {
    const batch = Array.from({ length: 30 }, (_, i) => job({ problem: i % 3 === 0 ? 'app' : 'login' }));
    expect(await process(batch.map((data) => ({ data, jobId: data.id })))).toEqual(batch.map(() => 'completed'));
    expect(await db().report.count({ where: { id: { in: batch.map((b) => b.id) } } })).toBe(30);
    expect(await totalsOf()).toEqual({ [`${slug}|all`]: '30' });
    expect(await historyOf()).toMatchObject({ all: 30, 'p:app': 10, 'p:login': 20, 'cc:IN': 30, 'cell:85618923fffffff': 30 });
  });

  it('counts a report delivered twice only once', async () => {
    const data = job({ problem: 'working' });
    // The same report under two job ids: what a redelivery after a lost acknowledgement looks like.
    expect(
      await process([
        { data, jobId: data.id },
        { data, jobId: `${data.id}-again` },
      ]),
    ).toEqual(['completed', 'completed']);
    expect(await db().report.count({ where: { id: data.id } })).toBe(1);
    expect((await totalsOf())[`${slug}|working`]).toBe('1');
    expect((await historyOf()).working).toBe(1);
  });

  it('fails a malformed job or an unknown service without retrying and without holding back its batch', async () => {
    const good = job();
    const unknown = job({ service: 'no-such-service' });
    const malformed = { ...job(), reportedAt: 'yesterday' } as unknown as ReportJob;
    const outcomes = await process([good, unknown, malformed].map((data) => ({ data, jobId: data.id })));
    expect(outcomes).toEqual(['completed', 'failed', 'failed']);
    expect((await queue.getJob(unknown.id))?.attemptsMade).toBe(1);
    expect(await db().report.count({ where: { id: { in: [good.id, unknown.id, malformed.id] } } })).toBe(1);
    expect((await totalsOf())[`${slug}|all`]).toBe('31');
  });
});
