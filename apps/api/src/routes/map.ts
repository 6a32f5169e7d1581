import { Router } from 'express';
import type { Redis } from 'ioredis';
import type { CounterKeys } from '@outage-radar/counters';
import { cellActivity } from '../read/live-cells';

export function mapRoutes(deps: { redis: Redis; counters: CounterKeys; tileUrl: string | null; tileAttribution: string | null }): Router {
  const router = Router();
  /** Map settings for the web app: a tile URL when the operator set one, else the offline basemap. */
  router.get('/api/config', (_req, res) => {
    res.json({ tileUrl: deps.tileUrl, tileAttribution: deps.tileAttribution });
  });
  /** Report activity per map cell over the last hour. */
  router.get('/api/map/cells', async (_req, res) => {
    res.set('cache-control', 'no-cache').json({ cells: await cellActivity(deps.redis, deps.counters, Date.now()) });
  });
  return router;
}
