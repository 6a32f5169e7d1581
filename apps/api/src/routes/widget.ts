import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { Slug, ServiceNotFoundError } from '@outage-radar/shared';
import { parsePathParam } from '../http/request-params';
import type { ServiceViews } from '../read/service-views';
import { badgeSvg } from '../widget/badge-svg';
import { embedHtml } from '../widget/embed-html';
import { widgetJs } from '../widget/widget-js';

/** Sends `body` with an ETag, or 304 when the client has it already (the widget polls). */
function sendCached(req: Request, res: Response, type: string, body: string, maxAgeSeconds: number): void {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  res.set({ etag, 'cache-control': `public, max-age=${maxAgeSeconds}` }).type(type);
  if (req.get('if-none-match') === etag) res.status(304).end();
  else res.send(body);
}

/** The embeddable status: a JSON status, an SVG badge, an iframe card and the loader script. */
/**
 * `publicUrl` is the only origin these responses name: they are cached by browsers and shared
 * caches, so an origin built from the request's Host header could be poisoned for everyone.
 */
export function widgetRoutes(views: ServiceViews, publicUrl: URL | null): Router {
  const publicOrigin = publicUrl?.origin ?? null;
  const router = Router();
  const statusOf = async (slug: string) => {
    const all = await views.listServices();
    const service = all.find((s) => s.slug === slug);
    if (!service) throw new ServiceNotFoundError(slug);
    return service;
  };
  // Everything here is public and meant for other sites: their pages may load it, and their scripts read it.
  router.use(['/api/services/:slug/status', '/badge/:slug.svg', '/embed/:slug', '/widget.js'], (_req, res, next) => {
    res.set({ 'cross-origin-resource-policy': 'cross-origin', 'access-control-allow-origin': '*' });
    next();
  });
  router.get('/api/services/:slug/status', async (req, res) => {
    const s = await statusOf(parsePathParam(Slug, req.params.slug, 'slug'));
    const body = JSON.stringify({ slug: s.slug, name: s.name, status: s.status, reportsLastHour: s.reportsLastHour, outageSince: s.outageSince });
    sendCached(req, res, 'application/json', body, 30);
  });
  router.get('/badge/:slug.svg', async (req, res) => {
    const slug = parsePathParam(Slug, req.params.slug, 'slug');
    const s = await statusOf(slug).catch(() => null);
    sendCached(req, res, 'image/svg+xml', badgeSvg(s?.name ?? slug, s?.status ?? 'unknown'), 60);
  });
  router.get('/embed/:slug', async (req, res) => {
    const s = await statusOf(parsePathParam(Slug, req.params.slug, 'slug'));
    // Made to be framed by any site, and to run its own small inline script.
    res.removeHeader('x-frame-options');
    res.set('content-security-policy', "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; frame-ancestors *");
    sendCached(req, res, 'text/html', embedHtml(s.slug, s.name, publicOrigin ?? ''), 60);
  });
  router.get('/widget.js', (req, res) => {
    sendCached(req, res, 'application/javascript', widgetJs(publicOrigin), 3600);
  });
  return router;
}
