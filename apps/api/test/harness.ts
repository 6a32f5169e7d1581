import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createDb, createTempSchema, upsertServices, type Db } from '@outage-radar/db';
import { counterKeys, type CounterKeys } from '@outage-radar/counters';
import { redisKeys, reportsQueueName, type CatalogueEntry, type ReportJob } from '@outage-radar/shared';
export { tsEntry } from '../../../scripts/test-support/ts-entry';
import { createApp, type App } from '../src/app';
import { loadEnv } from '../src/env';
import { createLogger } from '../src/logger';

export const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const migrationsDir = join(__dirname, '../../../prisma/migrations');

/** A service with a unique slug, so test files never share state. */
export function testService(overrides: Partial<CatalogueEntry> = {}): CatalogueEntry {
  const tag = randomUUID().slice(0, 8);
  return {
    slug: `chat-${tag}`,
    name: `Chat ${tag}`,
    localNames: { bn: `চ্যাট ${tag}`, hi: `चैट ${tag}`, ar: `شات ${tag}` },
    aliases: [],
    category: 'messaging',
    owner: `Owner ${tag}`,
    countries: [],
    problems: ['messages', 'login', 'app'],
    ...overrides,
  };
}

export interface TestApi {
  baseUrl: string;
  app: App;
  db: Db;
  redis: Redis;
  prefix: string;
  schema: string;
  keys: ReturnType<typeof redisKeys>;
  counters: CounterKeys;
  /** The reports queue as the API fills it, to look at what was queued. */
  queue: Queue<ReportJob>;
  stop: () => Promise<void>;
}

/** The API in-process on a free port, on its own migrated schema and Redis key prefix. */
export async function startTestApi(services: CatalogueEntry[], envOverrides: Record<string, string> = {}): Promise<TestApi> {
  const { schema, drop } = await createTempSchema({ url: databaseUrl, migrationsDir });
  const db = createDb({ url: databaseUrl, schema, maxConnections: 4 });
  await upsertServices(db, services);
  const prefix = `test-${randomUUID()}`;
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const env = loadEnv({ LOG_LEVEL: 'silent', REDIS_PREFIX: prefix, WEB_DIST: '/nonexistent', PORT: '0', ...envOverrides });
  const app = createApp({ env, db, redis, log: createLogger('silent'), clientSecret: `test-secret-${randomUUID()}` });
  await app.networksLoaded;
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  const { port } = app.http.address() as AddressInfo;
  const keys = redisKeys(prefix);
  const counters = counterKeys(prefix);
  const queue = new Queue<ReportJob>(reportsQueueName, { connection: redis, prefix: keys.queuePrefix });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    db,
    redis,
    prefix,
    schema,
    keys,
    counters,
    queue,
    async stop() {
      await queue.close();
      await app.close();
      await db.$disconnect();
      const stale = await redis.keys(`${prefix}:*`);
      if (stale.length) await redis.del(...stale);
      redis.disconnect();
      await drop();
    },
  };
}

export function postReport(baseUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A TCP port nothing listens on right now, for a process a test starts itself. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
}
