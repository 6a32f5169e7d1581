import { createServer, type Server as HttpServer } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import type { Redis } from 'ioredis';
import { pinoHttp } from 'pino-http';
import { counterKeys } from '@outage-radar/counters';
import type { Db } from '@outage-radar/db';
import { problemTypes, redisKeys } from '@outage-radar/shared';
import type { Env } from './env';
import { hasAdminToken } from './http/admin-token';
import { answerClientError } from './http/answer-client-error';
import { isLocalRequest } from './http/is-local-request';
import { HttpProblem, problemHandler } from './http/problem';
import { refuseDeclaredOversize } from './http/refuse-declared-oversize';
import { reportRateLimits } from './http/report-rate-limit';
import { toRequestId } from './http/request-id';
import { requestSummary } from './http/request-summary';
import { securityHeaders } from './http/security-headers';
import { defaultAsnTablePath, loadAsnTable, type AsnTable } from './intake/asn-table';
import { createClientKeys } from './intake/client-keys';
import { createIntake } from './intake/intake';
import { createReportQueue } from './intake/report-queue';
import type { Logger } from './logger';
import { createMetrics } from './metrics';
import { buildOpenApiDocument } from './openapi';
import { createCatalogueCache } from './read/catalogue-cache';
import { createServiceViews } from './read/service-views';
import { createRealtime, type RealtimeServer } from './realtime';
import { adminRoutes } from './routes/admin';
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
  /** Secret behind every client hash (see intake/client-secret.ts); never from the database. */
  clientSecret: string;
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
  const counters = counterKeys(env.REDIS_PREFIX);
  const metrics = createMetrics();
  const catalogue = createCatalogueCache(db);
  const queue = createReportQueue(redis, keys);
  // The queue shares the request connection, whose failures are already logged where it is opened.
  queue.on('error', (err) => log.debug({ err: err.message }, 'report queue connection error'));
  let networks: AsnTable | null = null;
  const networksLoaded =
    env.ASN_TABLE === 'off'
      ? Promise.resolve()
      : (() => {
          const started = Date.now();
          return loadAsnTable(env.ASN_TABLE ?? defaultAsnTablePath()).then(
            (table) => {
              networks = table;
              log.info({ ranges: table.ranges, ms: Date.now() - started }, 'network table loaded');
            },
            (err: unknown) => log.warn({ err }, 'network table not loaded; reports carry no network'),
          );
        })();
  const clientKeys = createClientKeys(deps.clientSecret, env.CLIENT_HASH_ROTATION_HOURS);
  const intake = createIntake({
    catalogue,
    queue,
    redis,
    keys,
    clientKeys,
    windowSeconds: env.REPORT_WINDOW_SECONDS,
    networks: () => networks,
    floodRules: { reportsPerPrefix: env.FLOOD_REPORTS_PER_PREFIX, agentMinimum: env.FLOOD_AGENT_MINIMUM, agentShare: env.FLOOD_AGENT_SHARE },
    onFiltered: ({ service, reason, network, firstInWindow }) => {
      metrics.reportsFiltered.inc({ reason });
      // Once per prefix and window, for operators; the prefix is a whole network, never an address.
      if (firstInWindow) log.warn({ service, reason, network }, 'reports from one network prefix discounted');
    },
  });
  const publicUrl = env.PUBLIC_URL ? new URL(env.PUBLIC_URL) : null;
  const summary = requestSummary(log);
  const views = createServiceViews({ db, redis, keys, counters, catalogue, networkName: (asn) => networks?.nameOf(asn) ?? null });
  const openapi = buildOpenApiDocument();

  const app = express();
  app.set('trust proxy', env.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger: log,
      genReqId: toRequestId,
      // One line per request at debug only, and without headers: they carry the client's address
      // (X-Forwarded-For) and cookies. The per-minute summary is what info shows.
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'warn' : 'debug'),
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics' },
    }),
  );
  app.use(summary.middleware);
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
  app.use(securityHeaders({ tileOrigin: env.MAP_TILE_URL ? new URL(env.MAP_TILE_URL.replaceAll(/[{}]/g, '')).origin : null, publicUrl }));
  // No route takes more than a report's few kilobytes or an admin list of ids.
  app.use(refuseDeclaredOversize(64 * 1024));
  // Metrics tell about traffic and load: for this machine, or with the admin token.
  app.use('/metrics', (req, _res, next) => {
    if (isLocalRequest(req) || hasAdminToken(req, env.ADMIN_TOKEN)) return next();
    throw new HttpProblem(404, problemTypes.notFound, 'Not found', 'no such page');
  });

  app.use(healthRoutes({ db, redis, registry: metrics.registry, detector: { keys, staleSeconds: env.DETECTOR_STALE_SECONDS } }));
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use(
    reportRoutes(intake, reportRateLimits(redis, keys, clientKeys, { perSubscriber: env.REPORTS_PER_MINUTE, perNetwork: env.REPORTS_PER_MINUTE_PER_NETWORK })),
  );
  if (env.ADMIN_TOKEN) app.use(adminRoutes(queue, env.ADMIN_TOKEN));
  app.use(widgetRoutes(views, publicUrl));
  app.use(serviceRoutes(views));
  app.use(mapRoutes({ redis, counters, tileUrl: env.MAP_TILE_URL ?? null, tileAttribution: env.MAP_TILE_ATTRIBUTION ?? null }));
  app.use('/api', () => {
    throw new HttpProblem(404, problemTypes.notFound, 'Not found', 'no such API endpoint');
  });

  const webDist = env.WEB_DIST ?? join(__dirname, '../../web/dist');
  if (existsSync(join(webDist, 'index.html'))) {
    app.use(
      express.static(webDist, {
        index: false,
        maxAge: '1h',
        setHeaders: (res, path) => {
          if (path.includes('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        },
      }),
    );
    // Client-side routes (/, /services/:slug, /map) all load the single-page app.
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
      res.sendFile(join(webDist, 'index.html'));
    });
  } else {
    log.warn({ webDist }, 'web app not built; serving the API only');
  }
  app.use(() => {
    throw new HttpProblem(404, problemTypes.notFound, 'Not found', 'no such page');
  });
  app.use(problemHandler);

  const http = createServer(
    {
      requestTimeout: env.HTTP_REQUEST_TIMEOUT_MS,
      headersTimeout: Math.min(env.HTTP_HEADERS_TIMEOUT_MS, env.HTTP_REQUEST_TIMEOUT_MS),
      keepAliveTimeout: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      // How often those timeouts are checked (Node's default, 30 s, would let a slow body live that long).
      connectionsCheckingInterval: Math.min(1000, env.HTTP_REQUEST_TIMEOUT_MS),
    },
    app,
  );
  // Requests Node's parser refuses before Express sees them get a problem document too.
  http.on('clientError', answerClientError);
  const io = createRealtime({ http, redis, keys, counters, views, log });
  return {
    http,
    networksLoaded,
    io,
    async close() {
      summary.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await queue.close();
    },
  };
}
