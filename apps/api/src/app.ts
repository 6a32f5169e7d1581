import { createServer, type Server as HttpServer } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import helmet from 'helmet';
import type { Redis } from 'ioredis';
import { pinoHttp } from 'pino-http';
import type { Db } from '@outage-radar/db';
import { redisKeys } from '@outage-radar/shared';
import type { Env } from './env';
import { HttpProblem, problemHandler } from './http/problem';
import { reportRateLimit } from './http/report-rate-limit';
import { defaultAsnTablePath, loadAsnTable, type AsnTable } from './intake/asn-table';
import { createIntake } from './intake/intake';
import { createReportQueue } from './intake/report-queue';
import type { Logger } from './logger';
import { createMetrics } from './metrics';
import { buildOpenApiDocument } from './openapi';
import { createCatalogueCache } from './read/catalogue-cache';
import { createServiceViews } from './read/service-views';
import { createRealtime, type RealtimeServer } from './realtime';
import { healthRoutes } from './routes/health';
import { mapRoutes } from './routes/map';
import { reportRoutes } from './routes/reports';
import { serviceRoutes } from './routes/services';
import { widgetRoutes } from './routes/widget';

export interface AppDeps {
  env: Env;
  db: Db;
  redis: Redis;
  log: Logger;
  /** Keyed-hash secret for client addresses. */
  salt: string;
}

export interface App {
  http: HttpServer;
  /** Resolves when the network table has loaded (or failed to). */
  networksLoaded: Promise<void>;
  io: RealtimeServer;
  /** Stops taking requests, lets in-flight ones finish, then closes socket.io and the queue. */
  close: () => Promise<void>;
}

export function createApp(deps: AppDeps): App {
  const { env, db, redis, log } = deps;
  const keys = redisKeys(env.REDIS_PREFIX);
  const metrics = createMetrics();
  const catalogue = createCatalogueCache(db);
  const queue = createReportQueue(redis, keys);
  // The queue shares the request connection, whose failures are already logged where it is opened.
  queue.on('error', (err) => log.debug({ err: err.message }, 'report queue connection error'));
  let networks: AsnTable | null = null;
  const networksLoaded = env.ASN_TABLE === 'off'
    ? Promise.resolve()
    : (() => {
        const started = Date.now();
        return loadAsnTable(env.ASN_TABLE ?? defaultAsnTablePath()).then(
          (table) => { networks = table; log.info({ ranges: table.ranges, ms: Date.now() - started }, 'network table loaded'); },
          (err: unknown) => log.warn({ err }, 'network table not loaded; reports carry no network'),
        );
      })();
  const intake = createIntake({ catalogue, queue, redis, keys, salt: deps.salt, windowSeconds: env.REPORT_WINDOW_SECONDS, networks: () => networks });
  const views = createServiceViews({ db, redis, keys, catalogue, networkName: (asn) => networks?.nameOf(asn) ?? null });
  const openapi = buildOpenApiDocument();

  const app = express();
  app.set('trust proxy', env.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(pinoHttp({ logger: log, genReqId: (req) => (req.headers['x-request-id'] as string | undefined) ?? crypto.randomUUID(), autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics' } }));
  app.use((req, res, next) => {
    const end = metrics.httpDuration.startTimer({ method: req.method });
    res.on('finish', () => {
      const route = req.route?.path ? String(req.route.path) : 'other';
      end({ route, status: String(res.statusCode) });
      if (route !== '/api/reports') return;
      if (res.statusCode === 202) metrics.reportsAccepted.inc();
      else metrics.reportsRefused.inc({ status: String(res.statusCode) });
    });
    next();
  });
  app.use(helmet({
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:', 'blob:', ...(env.MAP_TILE_URL ? [new URL(env.MAP_TILE_URL.replaceAll(/[{}]/g, '')).origin] : [])],
        'connect-src': ["'self'", 'ws:', 'wss:'],
      },
    },
    crossOriginEmbedderPolicy: false,
  }));

  app.use(healthRoutes({ db, redis, registry: metrics.registry }));
  app.get('/api/openapi.json', (_req, res) => { res.json(openapi); });
  app.use(reportRoutes(intake, reportRateLimit(redis, keys, env.REPORTS_PER_MINUTE)));
  app.use(widgetRoutes(views));
  app.use(serviceRoutes(views));
  app.use(mapRoutes({ redis, keys, tileUrl: env.MAP_TILE_URL ?? null, tileAttribution: env.MAP_TILE_ATTRIBUTION ?? null }));
  app.use('/api', () => { throw new HttpProblem(404, 'Not found', 'no such API endpoint'); });

  const webDist = env.WEB_DIST ?? join(__dirname, '../../web/dist');
  if (existsSync(join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h', setHeaders: (res, path) => { if (path.includes('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable'); } }));
    // Client-side routes (/, /services/:slug, /map) all load the single-page app.
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => { res.sendFile(join(webDist, 'index.html')); });
  } else {
    log.warn({ webDist }, 'web app not built; serving the API only');
  }
  app.use(() => { throw new HttpProblem(404, 'Not found', 'no such page'); });
  app.use(problemHandler);

  const http = createServer(app);
  const io = createRealtime({ http, redis, keys, views, log });
  return {
    http,
    networksLoaded,
    io,
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await queue.close();
    },
  };
}
