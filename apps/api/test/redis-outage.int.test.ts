import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createDb, createTempSchema, upsertServices, type Db } from '@outage-radar/db';
import { connectRedis, createRedis } from '@outage-radar/runtime';
import { redisKeys, type RedisKeys } from '@outage-radar/shared';
import type { Redis } from 'ioredis';
import { createApp, type App } from '../src/app';
import { loadEnv } from '../src/env';
import { createLogger } from '../src/logger';
import { databaseUrl, freePort, migrationsDir, postReport, testService } from './harness';

// A Redis of this test's own, on a port of its own, so it can be stopped and started again.
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code})`)));
  });
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/** Calls `attempt` until it returns true, for at most `ms`. */
async function eventually(attempt: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) if (await attempt()) return true;
  return false;
}

describe('the API while Redis is away', () => {
  const service = testService();
  let port: number;
  let redisServer: ChildProcess;
  let redis: Redis;
  let db: Db;
  let app: App;
  let baseUrl: string;
  let drop: () => Promise<void>;
  let keys: RedisKeys;

  beforeAll(async () => {
    port = await freePort();
    redisServer = await startRedis(port);
    const temp = await createTempSchema({ url: databaseUrl, migrationsDir });
    drop = temp.drop;
    db = createDb({ url: databaseUrl, schema: temp.schema, maxConnections: 4 });
    await upsertServices(db, [service]);
    redis = createRedis(`redis://127.0.0.1:${port}`, { failFast: true });
    await connectRedis(redis, 4000);
    redis.on('error', () => undefined);
    const env = loadEnv({ LOG_LEVEL: 'silent', REDIS_PREFIX: `test-${randomUUID()}`, WEB_DIST: '/nonexistent', PORT: '0', ASN_TABLE: 'off' });
    keys = redisKeys(env.REDIS_PREFIX);
    app = createApp({ env, db, redis, log: createLogger('silent'), clientSecret: 'test-secret-0123456789' });
    await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(app.http.address() as AddressInfo).port}`;
  }, 30_000);

  afterAll(async () => {
    await app.close();
    redis.disconnect();
    await db.$disconnect();
    if (redisServer.exitCode === null) await stopRedis(redisServer);
    await drop();
  });

  it('refuses reports at once with 503 and Retry-After, keeps serving the list, and takes reports again when Redis is back', async () => {
    expect((await postReport(baseUrl, { service: service.slug, problem: 'login' }, { 'x-forwarded-for': '41.1.0.1' })).status).toBe(202);
    expect((await fetch(`${baseUrl}/api/services`)).status).toBe(200);

    await stopRedis(redisServer);

    const started = Date.now();
    const refused = await postReport(baseUrl, { service: service.slug, problem: 'login' }, { 'x-forwarded-for': '41.1.0.2' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(await refused.json()).toMatchObject({ type: '/problems/unavailable', status: 503 });
    expect((await fetch(`${baseUrl}/readyz`)).status).toBe(503);

    // The home page's list, past the two seconds one computed list is kept: the last good one, at once.
    const listUntil = Date.now() + 2500;
    while (Date.now() < listUntil) {
      const t0 = Date.now();
      const list = await fetch(`${baseUrl}/api/services`);
      expect(list.status).toBe(200);
      expect(Date.now() - t0).toBeLessThan(1000);
      await list.arrayBuffer();
    }

    redisServer = await startRedis(port);
    const back = await eventually(
      async () => (await postReport(baseUrl, { service: service.slug, problem: 'login' }, { 'x-forwarded-for': '41.1.0.3' })).status === 202,
      15_000,
    );
    expect(back).toBe(true);
    // No worker runs here: stand in for its detector's heartbeat (this Redis came back empty).
    await redis.set(keys.detectorHeartbeat, String(Date.now()));
    expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
  }, 40_000);
});
