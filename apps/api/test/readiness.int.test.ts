import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { createDb, type Db } from '@outage-radar/db';
import { redisKeys } from '@outage-radar/shared';
import { healthRoutes } from '../src/routes/health';

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('GET /readyz and the detector', () => {
  const keys = redisKeys(`test-${randomUUID()}`);
  let db: Db;
  let redis: Redis;
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    db = createDb({ url: databaseUrl, maxConnections: 1 });
    redis = new Redis(redisUrl);
    const app = express().use(healthRoutes({ db, redis, registry: new Registry(), detector: { keys, staleSeconds: 60 } }));
    server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await redis.del(keys.detectorHeartbeat);
    redis.disconnect();
    await db.$disconnect();
  });

  const readyz = async () => {
    const res = await fetch(`${baseUrl}/readyz`);
    return { status: res.status, body: (await res.json()) as { status: string; checks: Record<string, string>; lastTickAgeSeconds: number | null } };
  };

  it('is not ready before the first tick, ready while ticks are recent, and not ready once they stop', async () => {
    const never = await readyz();
    await redis.set(keys.detectorHeartbeat, String(Date.now() - 5_000));
    const recent = await readyz();
    await redis.set(keys.detectorHeartbeat, String(Date.now() - 120_000));
    const stale = await readyz();
    console.log(
      `readyz: no heartbeat → ${never.status} ${never.body.checks.detector}; 5 s old → ${recent.status} ${recent.body.checks.detector}; 120 s old → ${stale.status} ${stale.body.checks.detector} (${stale.body.lastTickAgeSeconds} s)`,
    );

    expect(never).toEqual({
      status: 503,
      body: { status: 'not ready', checks: { postgres: 'ok', redis: 'ok', detector: 'never ticked' }, lastTickAgeSeconds: null },
    });
    expect(recent.status).toBe(200);
    expect(recent.body).toMatchObject({ status: 'ready', checks: { postgres: 'ok', redis: 'ok', detector: 'ok' } });
    expect(recent.body.lastTickAgeSeconds).toBeGreaterThanOrEqual(5);
    expect(stale.status).toBe(503);
    expect(stale.body).toMatchObject({ status: 'not ready', checks: { detector: 'stale' } });
    expect(stale.body.lastTickAgeSeconds).toBeGreaterThanOrEqual(120);
  });
});
