import { Router } from 'express';
import type { Redis } from 'ioredis';
import type { RedisKeys } from '@outage-radar/shared';
import { cellActivity } from '../read/live-counts';

export function mapRoutes(deps: { redis: Redis; keys: RedisKeys; tileUrl: string | null; tileAttribution: string | null }): Router {
  const router = Router();
  /** Map settings for the web app: a tile URL when the operator set one, else the offline basemap. */
  router.get('/api/config', (_req, res) => {
    res.json({ tileUrl: deps.tileUrl, tileAttribution: deps.tileAttribution });
  });
  /** Report activity per map cell over the last hour. */
  router.get('/api/map/cells', async (_req, res) => {
    res.set('cache-control', 'no-cache').json({ cells: await cellActivity(deps.redis, deps.keys, Date.now()) });
  });
  return router;
}
