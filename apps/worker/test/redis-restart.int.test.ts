import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createDb, type Db } from '@outage-radar/db';
import { connectRedis, createRedis } from '@outage-radar/runtime';
import { redisKeys, reportRetry, reportsQueueName, type ReportJob } from '@outage-radar/shared';
import { createCuttableProxy } from '../../../scripts/test-support/cuttable-proxy';
import { eventually } from '../../../scripts/test-support/eventually';
import { freePort } from '../../../scripts/test-support/free-port';
import { startRedisServer, type RedisServer } from '../../../scripts/test-support/redis-server';
import { loadEnv } from '../src/env';
import { createLogger } from '../src/logger';
import { startWorker, type RunningWorker } from '../src/start-worker';
import { databaseUrl, recordingLogger, root, startTestStores, testReportJob, testService, type TestStores } from './harness';

const service = testService('svc');

/** The redis service's arguments in docker-compose.yml, less the command: the persistence we tell people to run. */
function composeRedisArgs(): string[] {
  const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
  const command = /\n {2}redis:\n(?: {4}.*\n)*? {4}command: (\[.*\])/.exec(compose)?.[1];
  if (!command) throw new Error('no command for the redis service in docker-compose.yml');
  return (JSON.parse(command) as string[]).slice(1);
}

async function connect(url: string): Promise<Redis> {
  const redis = createRedis(url);
  await connectRedis(redis, 4000);
  // ioredis reconnects by itself; the worker's own handlers report what matters.
  redis.on('error', () => undefined);
  return redis;
}

describe('the worker when its Redis restarts', () => {
  let stores: TestStores;
  let port: number;
  const servers: RedisServer[] = [];
  const dirs: string[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  const redisDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'worker-redis-'));
    dirs.push(dir);
    return dir;
  };
  const startRedis = async (dir: string, persistence?: string[]) => {
    const server = await startRedisServer({ port, dir, persistence });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    stores = await startTestStores([service]);
  });
  beforeEach(async () => {
    port = await freePort();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    for (const server of servers.splice(0)) await server.kill();
  });
  afterAll(async () => {
    await stores.stop();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('ticks again by itself when Redis comes back without its data, and says it recreated the schedules', async () => {
    await startRedis(await redisDir());
    const redis = await connect(`redis://127.0.0.1:${port}`);
    const keys = redisKeys(stores.prefix);
    const { log, lines } = recordingLogger();
    const env = loadEnv({ REDIS_PREFIX: stores.prefix, LOG_LEVEL: 'silent', DETECTOR_TICK_SECONDS: '1' });
    const worker: RunningWorker = startWorker({ env, db: stores.db, redis, log });
    cleanups.push(async () => {
      await worker.close();
      redis.disconnect();
    });
    const heartbeat = async () => Number((await redis.get(keys.detectorHeartbeat)) ?? 0);

    const started = Date.now();
    const ticked = await eventually(async () => (await heartbeat()) > 0, 20_000);
    const firstTickSeconds = (Date.now() - started) / 1000;

    // A crash of a Redis without persistence: the same address, nothing kept.
    await servers[0]?.kill();
    await startRedis(await redisDir());
    const restartedAt = Date.now();
    const resumed = await eventually(async () => (await heartbeat().catch(() => 0)) >= restartedAt, 20_000);
    const recreated = lines.find((l) => l.msg === 'job schedulers recreated after a redis reconnect');
    console.log(
      `redis restart: first tick after ${firstTickSeconds.toFixed(1)} s; Redis killed and started empty; ticks ${resumed ? `resumed after ${((Date.now() - restartedAt) / 1000).toFixed(1)} s` : 'never resumed (20 s)'}, schedules recreated: ${JSON.stringify(recreated?.schedulers ?? [])}`,
    );

    expect(ticked).toBe(true);
    expect(resumed).toBe(true);
    expect(recreated?.schedulers).toEqual(['detector-tick', 'maintenance']);
  }, 60_000);

  it('keeps every queued report through a kill -9 of Redis, run as docker-compose.yml runs it, and stores them all', async () => {
    const persistence = composeRedisArgs();
    const dir = await redisDir();
    await startRedis(dir, persistence);
    const redis = await connect(`redis://127.0.0.1:${port}`);
    const keys = redisKeys(stores.prefix);
    const proxy = await createCuttableProxy(databaseUrl);
    const workerDb: Db = createDb({ url: proxy.url, schema: stores.schema, maxConnections: 2 });
    const queue = new Queue<ReportJob>(reportsQueueName, { connection: redis, prefix: keys.queuePrefix });
    const env = loadEnv({ REDIS_PREFIX: stores.prefix, LOG_LEVEL: 'silent', REPORT_BATCH_WAIT_MS: '10' });
    const worker = startWorker({ env, db: workerDb, redis, log: createLogger('silent') });
    cleanups.push(async () => {
      await worker.close();
      await queue.close();
      redis.disconnect();
      await workerDb.$disconnect();
      await proxy.close();
    });

    // PostgreSQL is away, so the reports wait in the queue, being retried.
    await proxy.cut();
    const reports = Array.from({ length: 200 }, () => testReportJob(service.slug, { country: 'BD' }));
    // As the API queues them (apps/api/src/intake/report-queue.ts); each was answered 202 once this resolved.
    await queue.addBulk(
      reports.map((data) => ({
        name: 'persist-report',
        data,
        opts: { jobId: data.id, attempts: reportRetry.attempts, backoff: { type: reportRetry.backoffType } },
      })),
    );
    const retrying = await eventually(async () => ((await queue.getJobCounts('delayed')).delayed ?? 0) > 0, 10_000);

    await servers[0]?.kill('SIGKILL');
    await startRedis(dir, persistence);
    const countsOf = async () => {
      const c = await queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized', 'completed', 'failed');
      return Object.values(c).reduce((sum, n) => sum + n, 0);
    };
    // The queue's connection is back once a command gets through.
    const kept = await countsOf();

    await proxy.restore();
    const ids = reports.map((r) => r.id);
    // Nothing to wait for if the queue came back empty.
    const storedAll =
      kept === reports.length && (await eventually(async () => (await stores.db.report.count({ where: { id: { in: ids } } })) === reports.length, 30_000, 250));
    const stored = await stores.db.report.count({ where: { id: { in: ids } } });
    const failed = (await queue.getJobCounts('failed')).failed ?? 0;
    console.log(
      `aof: ${reports.length} reports queued while PostgreSQL was cut, Redis (${JSON.stringify(persistence)}) killed -9 and restarted on its files: ${kept} still queued, ${stored} stored, ${failed} failed, ${reports.length - stored} lost`,
    );

    expect(retrying).toBe(true);
    expect(kept).toBe(reports.length);
    expect(storedAll).toBe(true);
    expect(failed).toBe(0);
  }, 60_000);
});
