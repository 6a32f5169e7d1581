import { Router } from 'express';
import type { Redis } from 'ioredis';
import { pingDb, type Db } from '@outage-radar/db';
import type { RedisKeys } from '@outage-radar/shared';
import type { Registry } from 'prom-client';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

export interface DetectorHealth {
  keys: RedisKeys;
  /** The detector counts as stopped when its last completed tick is older than this. */
  staleSeconds: number;
}

/** The detector's check, from the heartbeat the worker writes after each tick; null age if it never ticked. */
async function checkDetector(redis: Redis, detector: DetectorHealth, now: number): Promise<{ check: string; lastTickAgeSeconds: number | null }> {
  const heartbeat = await withTimeout(redis.get(detector.keys.detectorHeartbeat), 2000).catch(() => undefined);
  if (heartbeat === undefined) return { check: 'unknown', lastTickAgeSeconds: null };
  if (heartbeat === null) return { check: 'never ticked', lastTickAgeSeconds: null };
  const lastTickAgeSeconds = Math.max(0, Math.round((now - Number(heartbeat)) / 1000));
  return { check: lastTickAgeSeconds > detector.staleSeconds ? 'stale' : 'ok', lastTickAgeSeconds };
}

/**
 * /healthz (the process runs), /readyz (PostgreSQL and Redis answer and, given `detector`, the
 * worker's detector ticked within `detector.staleSeconds`) and /metrics.
 */
export function healthRoutes(deps: { db: Db; redis: Redis; registry: Registry; detector?: DetectorHealth }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const [postgres, redis, detector] = await Promise.allSettled([
      withTimeout(pingDb(deps.db), 2000),
      withTimeout(deps.redis.ping(), 2000),
      deps.detector ? checkDetector(deps.redis, deps.detector, Date.now()) : Promise.resolve(null),
    ]);
    const checks: Record<string, string> = {
      postgres: postgres.status === 'fulfilled' ? 'ok' : 'unreachable',
      redis: redis.status === 'fulfilled' ? 'ok' : 'unreachable',
    };
    // A worker that stopped ticking (Redis lost its schedule, the worker hangs) raises no error anywhere else.
    const tick = detector.status === 'fulfilled' ? detector.value : null;
    if (tick) checks.detector = tick.check;
    const ready = Object.values(checks).every((c) => c === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks, ...(tick ? { lastTickAgeSeconds: tick.lastTickAgeSeconds } : {}) });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(deps.registry.contentType).send(await deps.registry.metrics());
  });
  return router;
}
