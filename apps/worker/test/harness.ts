import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import pino from 'pino';
import { createDb, createTempSchema, upsertServices, type Db } from '@outage-radar/db';
import { counterKeys, type CounterKeys } from '@outage-radar/counters';
import { redisKeys, type CatalogueEntry, type RedisKeys, type ReportJob } from '@outage-radar/shared';

export { tsEntry } from '../../../scripts/test-support/ts-entry';
import type { Logger } from '../src/logger';

export const root = join(__dirname, '../../..');

export const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A catalogue entry with only what the worker cares about; the slug is made unique. */
export function testService(name: string, overrides: Partial<CatalogueEntry> = {}): CatalogueEntry {
  const tag = randomUUID().slice(0, 6);
  return {
    slug: `${name}-${tag}`,
    name,
    localNames: { bn: `${name} ${tag} bn`, hi: `${name} ${tag} hi`, ar: `${name} ${tag} ar` },
    aliases: [],
    category: 'social',
    owner: `Owner ${tag}`,
    countries: [],
    problems: ['login', 'app'],
    ...overrides,
  };
}

/** A report job as the API queues it: one login problem from India with an IP-derived place; `overrides` change any field. */
export function testReportJob(service: string, overrides: Partial<ReportJob> = {}): ReportJob {
  return {
    id: randomUUID(),
    service,
    problem: 'login',
    reportedAt: Date.now(),
    cell: null,
    lat: null,
    lon: null,
    country: 'IN',
    city: null,
    asn: null,
    placeSource: 'ip',
    comment: null,
    clientHash: null,
    ...overrides,
  };
}

export interface TestStores {
  db: Db;
  redis: Redis;
  schema: string;
  prefix: string;
  keys: RedisKeys;
  counters: CounterKeys;
  /** The schema's URL, for a worker started as its own process. */
  databaseUrlWithSchema: string;
  stop: () => Promise<void>;
}

/** A migrated schema of its own with `services` in it, and a Redis key prefix of its own. */
export async function startTestStores(services: CatalogueEntry[]): Promise<TestStores> {
  const { schema, drop } = await createTempSchema({ url: databaseUrl, migrationsDir: join(root, 'prisma/migrations') });
  const db = createDb({ url: databaseUrl, schema, maxConnections: 4 });
  await upsertServices(db, services);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const prefix = `test-${randomUUID()}`;
  const url = new URL(databaseUrl);
  url.searchParams.set('schema', schema);
  return {
    db,
    redis,
    schema,
    prefix,
    keys: redisKeys(prefix),
    counters: counterKeys(prefix),
    databaseUrlWithSchema: url.toString(),
    async stop() {
      await db.$disconnect();
      const stale = await redis.keys(`${prefix}:*`);
      if (stale.length) await redis.del(...stale);
      redis.disconnect();
      await drop();
    },
  };
}

/** A logger that keeps the lines it writes at warn and above, parsed, so a test can look for one. */
export function recordingLogger(): { log: Logger; lines: { level: number; msg: string; [field: string]: unknown }[] } {
  const lines: { level: number; msg: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
      done();
    },
  });
  return { log: pino({ level: 'warn' }, sink), lines };
}
