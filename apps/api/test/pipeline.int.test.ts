import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, CountedReport, ServerToClientEvents, ServiceDetail } from '@outage-radar/shared';
import { databaseUrl, postReport, redisUrl, startTestApi, type TestApi, testService, tsEntry } from './harness';

const root = join(__dirname, '../../..');
const service = testService();

/** Resolves with the first event's arguments, or rejects after `ms`. */
function nextEvent<E extends keyof ServerToClientEvents>(socket: Socket<ServerToClientEvents, ClientToServerEvents>, event: E, ms = 5000) {
  return new Promise<Parameters<ServerToClientEvents[E]>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(event)} within ${ms} ms`)), ms);
    socket.once(
      event as never,
      ((...args: Parameters<ServerToClientEvents[E]>) => {
        clearTimeout(timer);
        resolve(args);
      }) as never,
    );
  });
}

describe('a report from POST to the live page', () => {
  let api: TestApi;
  let worker: ChildProcess;
  let socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  beforeAll(async () => {
    api = await startTestApi([service]);
    const url = new URL(databaseUrl);
    url.searchParams.set('schema', api.schema);
    // The worker runs as its own process, as in production: the two meet only in Redis and PostgreSQL.
    worker = spawn(process.execPath, tsEntry(join(root, 'apps/worker/src/main.ts')), {
      env: { ...process.env, DATABASE_URL: url.toString(), REDIS_URL: redisUrl, REDIS_PREFIX: api.prefix, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      worker.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('worker started')) resolve();
      });
      worker.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });
    socket = connect(api.baseUrl, { transports: ['websocket'] });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  }, 30_000);
  afterAll(async () => {
    socket?.disconnect();
    if (worker && worker.exitCode === null) {
      worker.kill('SIGTERM');
      await once(worker, 'exit');
    }
    await api.stop();
  });

  it('is stored, counted and pushed to a watching page within seconds', async () => {
    socket.emit('service:watch', service.slug);
    socket.emit('map:watch');
    await nextEvent(socket, 'map:snapshot');
    const counted = nextEvent(socket, 'report:counted');
    const counts = nextEvent(socket, 'service:counts');
    const res = await postReport(api.baseUrl, { service: service.slug, problem: 'login' }, { 'x-forwarded-for': '103.4.145.1' });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };

    const [report] = (await counted) as [CountedReport];
    expect(report).toMatchObject({ service: service.slug, problem: 'login', country: 'BD' });
    const [slug, buckets] = await counts;
    expect(slug).toBe(service.slug);
    expect(buckets.at(-1)?.count ?? 0).toBeGreaterThanOrEqual(1);

    expect(await api.db.report.findUnique({ where: { id } })).toMatchObject({ serviceSlug: service.slug, country: 'BD', city: 'Dhaka' });
    const detail = (await (await fetch(`${api.baseUrl}/api/services/${service.slug}`)).json()) as ServiceDetail;
    expect(detail).toMatchObject({
      reportsLastHour: 1,
      problemBreakdown: [{ problem: 'login', count: 1, percent: 100 }],
      topLocations: [{ name: 'Dhaka', country: 'BD', count: 1 }],
    });
    expect(detail.buckets.reduce((s, b) => s + b.count, 0)).toBe(1);
  });

  it('answers the read API and its documents', async () => {
    const list = (await (await fetch(`${api.baseUrl}/api/services`)).json()) as { services: { slug: string }[] };
    expect(list.services.map((s) => s.slug)).toContain(service.slug);
    const missing = await fetch(`${api.baseUrl}/api/services/no-such-service`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await (await fetch(`${api.baseUrl}/healthz`)).json()).toEqual({ status: 'ok' });
    // Ready once the worker's detector has ticked (every 5 s by default).
    let ready: unknown = null;
    for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 200))) {
      ready = await (await fetch(`${api.baseUrl}/readyz`)).json();
      if ((ready as { status?: string }).status === 'ready') break;
    }
    expect(ready).toMatchObject({ status: 'ready', checks: { postgres: 'ok', redis: 'ok', detector: 'ok' }, lastTickAgeSeconds: expect.any(Number) });
    expect(await (await fetch(`${api.baseUrl}/metrics`)).text()).toMatch(/outage_radar_reports_accepted_total [1-9]/);
    const doc = (await (await fetch(`${api.baseUrl}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/reports', '/api/services', '/api/services/{slug}', '/api/outages', '/readyz']));
    expect(Object.keys(doc.components.schemas.ReportInput?.properties ?? {})).toEqual(['service', 'problem', 'location', 'comment']);
    expect(await (await fetch(`${api.baseUrl}/api/outages`)).json()).toEqual({ outages: [], incidents: [] });
  });
});
