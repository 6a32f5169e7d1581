import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { reportsQueueName, type ReportJob } from '@outage-radar/shared';
import { redisUrl, root, startTestStores, testService, type TestStores, tsEntry } from './harness';

const service = testService('svc');
const slug = service.slug;

describe('worker shutdown', () => {
  let stores: TestStores;
  beforeAll(async () => {
    stores = await startTestStores([service]);
  });
  afterAll(async () => stores.stop());

  it('on SIGTERM finishes the jobs in hand, loses none and exits 0', async () => {
    const { db, redis, keys, prefix } = stores;
    const worker = spawn(process.execPath, tsEntry(join(root, 'apps/worker/src/main.ts')), {
      env: {
        ...process.env,
        DATABASE_URL: stores.databaseUrlWithSchema,
        REDIS_URL: redisUrl,
        REDIS_PREFIX: prefix,
        LOG_LEVEL: 'info',
        REPORT_BATCH_WAIT_MS: '200',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) =>
      worker.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('worker started')) resolve();
      }),
    );

    const queue = new Queue<ReportJob>(reportsQueueName, { connection: redis, prefix: keys.queuePrefix });
    const jobs = Array.from({ length: 300 }, () => {
      const id = randomUUID();
      const data: ReportJob = {
        id,
        service: slug,
        problem: 'login',
        reportedAt: Date.now(),
        cell: null,
        lat: null,
        lon: null,
        country: null,
        city: null,
        asn: null,
        placeSource: 'none',
        comment: null,
        clientHash: null,
      };
      return { name: 'persist-report', data, opts: { jobId: id } };
    });
    await queue.addBulk(jobs);
    // Stop while batches are still waiting to be written (they wait up to 200 ms to fill).
    while ((await queue.getJobCounts('active')).active === 0 && (await queue.getJobCounts('completed')).completed === 0)
      await new Promise((r) => setTimeout(r, 20));
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
