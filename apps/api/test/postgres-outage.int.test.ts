import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { createDb, createTempSchema, upsertServices, type Db } from '@outage-radar/db';
import { redisKeys } from '@outage-radar/shared';
import { Queue } from 'bullmq';
import { createApp, type App } from '../src/app';
import { loadEnv } from '../src/env';
import { isStoreUnavailable } from '@outage-radar/runtime';
import { createLogger } from '../src/logger';
import { createCatalogueCache } from '../src/read/catalogue-cache';
import { createCuttableProxy } from '../../../scripts/test-support/cuttable-proxy';
import { databaseUrl, migrationsDir, postReport, redisUrl, testService } from './harness';

describe('while PostgreSQL is away', () => {
  const service = testService();
  let proxy: Awaited<ReturnType<typeof createCuttableProxy>>;
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const temp = await createTempSchema({ url: databaseUrl, migrationsDir });
    drop = temp.drop;
    proxy = await createCuttableProxy(databaseUrl);
    db = createDb({ url: proxy.url, schema: temp.schema, maxConnections: 2 });
    await upsertServices(db, [service]);
  });

  afterAll(async () => {
    await db.$disconnect();
    await proxy.close();
    await drop();
  });

  afterEach(async () => {
    await proxy.restore();
  });

  it('the catalogue in hand is kept past its lifetime, and an unknown slug is a passing failure', async () => {
    let clock = 0;
    const cache = createCatalogueCache(db, 30_000, () => clock);
    expect((await cache.get(service.slug))?.name).toBe(service.name);

    await proxy.cut();
    clock += 60_000;
    expect((await cache.get(service.slug))?.name).toBe(service.name);
    const err = await cache.get('not-loaded-yet').then(
      () => null,
      (e: unknown) => e,
    );
    expect(isStoreUnavailable(err)).toBe(true);

    await proxy.restore();
    const added = testService();
    await upsertServices(db, [added]);
    clock += 6_000;
    expect((await cache.get(added.slug))?.slug).toBe(added.slug);
  });

  it('the API still takes reports into the queue, and answers reads it cannot make with 503', async () => {
    const prefix = `test-${randomUUID()}`;
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue('reports', { connection: redis, prefix: redisKeys(prefix).queuePrefix });
    const env = loadEnv({ LOG_LEVEL: 'silent', REDIS_PREFIX: prefix, WEB_DIST: '/nonexistent', PORT: '0', ASN_TABLE: 'off' });
    const app: App = createApp({ env, db, redis, log: createLogger('silent'), clientSecret: 'test-secret-0123456789' });
    await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(app.http.address() as AddressInfo).port}`;
    try {
      expect((await postReport(baseUrl, { service: service.slug, problem: 'login' }, { 'x-forwarded-for': '41.2.0.1' })).status).toBe(202);

      await proxy.cut();
      const accepted = await postReport(baseUrl, { service: service.slug, problem: 'app' }, { 'x-forwarded-for': '41.2.0.2' });
      expect(accepted.status).toBe(202);
      const { id } = (await accepted.json()) as { id: string };
      expect(await queue.getJob(id)).toBeTruthy();

      const started = Date.now();
      const detail = await fetch(`${baseUrl}/api/services/${service.slug}`);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(detail.status).toBe(503);
      expect(detail.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(detail.headers.get('retry-after')).toBe('30');
    } finally {
      await app.close();
      await queue.obliterate({ force: true });
      await queue.close();
      redis.disconnect();
    }
  });
});
