import { Router } from 'express';
import { z } from 'zod';
import { Slug } from '@outage-radar/shared';
import { parsePathParam, parseQuery } from '../http/request-params';
import type { ServiceViews } from '../read/service-views';

const HistoryQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(90) });

export function serviceRoutes(views: ServiceViews): Router {
  const router = Router();
  router.get('/api/services', async (_req, res) => {
    res.set('cache-control', 'no-cache').json({ services: await views.listServices() });
  });
  router.get('/api/services/:slug', async (req, res) => {
    const slug = parsePathParam(Slug, req.params.slug, 'slug');
    res.set('cache-control', 'no-cache').json(await views.serviceDetail(slug));
  });
  router.get('/api/services/:slug/outages', async (req, res) => {
    const slug = parsePathParam(Slug, req.params.slug, 'slug');
    const { days } = parseQuery(HistoryQuery, req.query);
    res.json({ outages: await views.serviceOutages(slug, days) });
  });
  router.get('/api/outages', async (_req, res) => {
    res.set('cache-control', 'no-cache').json(await views.openOutages());
  });
  return router;
}
