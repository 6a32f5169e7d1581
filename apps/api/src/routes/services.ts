import { Router } from 'express';
import { z } from 'zod';
import { Slug } from '@outage-radar/shared';
import type { ServiceViews } from '../read/service-views';

const HistoryQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(90) });

export function serviceRoutes(views: ServiceViews): Router {
  const router = Router();
  router.get('/api/services', async (_req, res) => {
    res.set('cache-control', 'no-cache').json({ services: await views.listServices() });
  });
  router.get('/api/services/:slug', async (req, res) => {
    const slug = Slug.parse(req.params.slug);
    res.set('cache-control', 'no-cache').json(await views.serviceDetail(slug));
  });
  router.get('/api/services/:slug/outages', async (req, res) => {
    const slug = Slug.parse(req.params.slug);
    const { days } = HistoryQuery.parse(req.query);
    res.json({ outages: await views.serviceOutages(slug, days) });
  });
  router.get('/api/outages', async (_req, res) => {
    res.set('cache-control', 'no-cache').json(await views.openOutages());
  });
  return router;
}
