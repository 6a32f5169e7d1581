import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { reportRetry, reportsQueueName, toBucketStart, type ReportJob } from '@outage-radar/shared';
import { createCuttableProxy } from '../../../scripts/test-support/cuttable-proxy';
import { eventually } from '../../../scripts/test-support/eventually';
import { lockTable, type TableLock } from '../../../scripts/test-support/table-lock';
import { databaseUrl, redisUrl, root, startTestStores, testReportJob, testService, tsEntry, type TestStores } from './harness';

const service = testService('svc');
const reportCount = 300;
const at = Date.now();

describe('the worker killed while PostgreSQL hangs', () => {
  let stores: TestStores;
  let proxy: Awaited<ReturnType<typeof createCuttableProxy>>;
  let lock: TableLock | null = null;
  let queue: Queue<ReportJob>;
  let events: QueueEvents;
  /** How often each job was found stalled: taken back from a worker that died holding it. */
  const stalls = new Map<string, number>();
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    stores = await startTestStores([service]);
    proxy = await createCuttableProxy(databaseUrl);
    queue = new Queue<ReportJob>(reportsQueueName, { connection: stores.redis, prefix: stores.keys.queuePrefix });
    events = new QueueEvents(reportsQueueName, {
      connection: { host: new URL(redisUrl).hostname, port: Number(new URL(redisUrl).port || 6379) },
      prefix: stores.keys.queuePrefix,
    });
    events.on('stalled', ({ jobId }) => stalls.set(jobId, (stalls.get(jobId) ?? 0) + 1));
    await events.waitUntilReady();
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) await kill(w);
    await lock?.release();
    await events.close();
    await queue.close();
    await proxy.close();
    await stores.stop();
  });

  /** The worker as its own process, reaching PostgreSQL through the proxy; resolves once it has started. */
  async function startWorkerProcess(): Promise<ChildProcess> {
    const url = new URL(proxy.url);
    url.searchParams.set('schema', stores.schema);
    const worker = spawn(process.execPath, tsEntry(join(root, 'apps/worker/src/main.ts')), {
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        REDIS_URL: redisUrl,
        REDIS_PREFIX: stores.prefix,
        LOG_LEVEL: 'info',
        // One worker takes every job, in batches that need several connections.
        REPORT_CONCURRENCY: String(reportCount),
        REPORT_BATCH_SIZE: '50',
        // Short enough for a test: statements give up after 3 s, a dead worker's jobs come back after 2.
        DATABASE_STATEMENT_TIMEOUT_MS: '3000',
        REPORT_LOCK_SECONDS: '2',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    workers.push(worker);
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        if (!out.includes('worker started')) return;
        worker.stdout?.off('data', onData);
        worker.stdout?.resume();
        resolve();
      };
      worker.stdout?.on('data', onData);
      worker.once('exit', (code) => reject(new Error(`worker exited (${code}) before it started`)));
    });
    return worker;
  }

  const activeCount = async () => (await queue.getJobCounts('active')).active ?? 0;
  const stalledAtLeast = (times: number) => [...stalls.values()].filter((n) => n >= times).length;
  /**
   * Waits (up to 20 s) until the newest worker holds every job, their inserts waiting on PostgreSQL:
   * each job taken back from the `died` workers before it, then active again. Returns how many it held.
   */
  async function inHand(died: number): Promise<number> {
    await eventually(async () => (died === 0 || stalledAtLeast(died) >= reportCount) && (await activeCount()) >= reportCount, 20_000);
    return died === 0 ? activeCount() : Math.min(stalledAtLeast(died), await activeCount());
  }

  async function kill(worker: ChildProcess): Promise<void> {
    const exited = once(worker, 'exit');
    worker.kill('SIGKILL');
    await exited;
  }

  it('stores every report exactly once after two SIGKILLs and a silent network, and fails none', async () => {
    const first = await startWorkerProcess();
    // PostgreSQL hangs on writes: every insert waits for this lock. Reads still answer, so a restarted
    // worker passes its start-up check (which, rightly, gives up on a server that answers nothing).
    const reportsLock = await lockTable(databaseUrl, `"${stores.schema}"."reports"`);
    lock = reportsLock;

    const reports = Array.from({ length: reportCount }, () => testReportJob(service.slug, { reportedAt: at }));
    // As the API queues them (apps/api/src/intake/report-queue.ts).
    await queue.addBulk(
      reports.map((data) => ({
        name: 'persist-report',
        data,
        opts: {
          jobId: data.id,
          attempts: reportRetry.attempts,
          backoff: { type: reportRetry.backoffType },
          removeOnComplete: { age: 3600 },
          removeOnFail: { age: 3600 },
        },
      })),
    );

    const heldByFirst = await inHand(0);
    await kill(first);
    const second = await startWorkerProcess();
    const heldBySecond = await inHand(1);
    await kill(second);
    const thirdStartedAt = new Date();
    await startWorkerProcess();
    const heldByThird = await inHand(2);
    // Its inserts are on the wire (not still connecting), each waiting for the lock. (The killed
    // workers' inserts may still be waiting too: a server notices a client gone only when it answers.)
    await eventually(async () => (await reportsLock.waiting(thirdStartedAt)) >= 5, 20_000);
    const inFlight = await reportsLock.waiting(thirdStartedAt);

    // Then the network goes silent under them, and PostgreSQL is free again: their answers never
    // arrive, and the server keeps their sessions (and the rows they inserted, locked) open.
    proxy.hang();
    lock = null;
    await reportsLock.release();
    await proxy.restore();

    const ids = reports.map((r) => r.id);
    const failedCount = async () => (await queue.getJobCounts('failed')).failed ?? 0;
    // Done when all are stored, or when the rest have failed: those will never be.
    await eventually(async () => (await stores.db.report.count({ where: { id: { in: ids } } })) + (await failedCount()) === reportCount, 45_000, 250);
    const stored = await stores.db.report.count({ where: { id: { in: ids } } });
    const counted = Number((await stores.redis.hget(stores.counters.totals(toBucketStart(at)), `${service.slug}|all`)) ?? 0);
    const failed = await failedCount();
    const stalledTwice = stalledAtLeast(2);
    console.log(
      `crash: ${reportCount} jobs; worker SIGKILLed twice while PostgreSQL hung (in hand: ${heldByFirst}, ${heldBySecond}, then ${heldByThird}, with ${inFlight} inserts on the wire, when the network went silent); ${stalledTwice} stalled twice or more; ${stored} stored, ${counted} counted, ${failed} failed, ${reportCount - stored} lost`,
    );

    expect(stored).toBe(reportCount);
    expect(counted).toBe(reportCount);
    expect(failed).toBe(0);
  }, 120_000);
});
