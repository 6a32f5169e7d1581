import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createDb, createTempSchema, upsertServices, type Db } from '@outage-radar/db';
import { redisKeys, reportsQueueName, type ReportJob } from '@outage-radar/shared';

const root = join(__dirname, '../../..');
const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const slug = `svc-${randomUUID().slice(0, 8)}`;

describe('worker shutdown', () => {
  let db: Db;
  let redis: Redis;
  let schema: string;
  let drop: () => Promise<void>;
  const prefix = `test-${randomUUID()}`;
  const keys = redisKeys(prefix);

  beforeAll(async () => {
    ({ schema, drop } = await createTempSchema({ url: databaseUrl, migrationsDir: join(root, 'prisma/migrations') }));
    db = createDb({ url: databaseUrl, schema, maxConnections: 2 });
    await upsertServices(db, [{ slug, name: 'Svc', localNames: { bn: 'স', hi: 'स', ar: 'س' }, aliases: [], category: 'social', owner: 'O', countries: [], problems: ['login', 'app'] }]);
    redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  });
  afterAll(async () => {
    await db.$disconnect();
    const stale = await redis.keys(`${prefix}:*`);
    if (stale.length) await redis.del(...stale);
    redis.disconnect();
    await drop();
  });

  it('on SIGTERM finishes the jobs in hand, loses none and exits 0', async () => {
    const url = new URL(databaseUrl);
    url.searchParams.set('schema', schema);
    const worker = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=source', join(root, 'apps/worker/src/main.ts')], {
      env: { ...process.env, DATABASE_URL: url.toString(), REDIS_URL: redisUrl, REDIS_PREFIX: prefix, LOG_LEVEL: 'info', REPORT_BATCH_WAIT_MS: '200' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => worker.stdout.on('data', (chunk: Buffer) => { if (chunk.toString().includes('worker started')) resolve(); }));

    const queue = new Queue<ReportJob>(reportsQueueName, { connection: redis, prefix: keys.queuePrefix });
    const jobs = Array.from({ length: 300 }, () => {
      const id = randomUUID();
      const data: ReportJob = { id, service: slug, problem: 'login', reportedAt: Date.now(), cell: null, lat: null, lon: null, country: null, city: null, asn: null, placeSource: 'none', comment: null, clientHash: null };
      return { name: 'persist-report', data, opts: { jobId: id } };
    });
    await queue.addBulk(jobs);
    // Stop while batches are still waiting to be written (they wait up to 200 ms to fill).
    while ((await queue.getJobCounts('active')).active === 0 && (await queue.getJobCounts('completed')).completed === 0) await new Promise((r) => setTimeout(r, 20));
    worker.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => worker.on('exit', resolve));

    expect(code).toBe(0);
    const raw = await queue.getJobCounts('completed', 'failed', 'active', 'waiting', 'delayed');
    const counts = { completed: raw.completed ?? 0, failed: raw.failed ?? 0, active: raw.active ?? 0, waiting: raw.waiting ?? 0, delayed: raw.delayed ?? 0 };
    expect(counts.failed + counts.active).toBe(0);
    expect(counts.completed + counts.waiting + counts.delayed).toBe(300);
    expect(counts.completed).toBeGreaterThan(0);
    // Every job reported done was stored; the rest wait for the next worker.
    expect(await db.report.count({ where: { serviceSlug: slug } })).toBe(counts.completed);
    await queue.close();
  }, 30_000);
});
