import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createTempSchema, createDb, upsertServices } from '@outage-radar/db';
import { redisKeys, reportsQueueName } from '@outage-radar/shared';
import { databaseUrl, freePort, migrationsDir, redisUrl, testService, tsEntry } from './harness';

const root = join(__dirname, '../../..');

async function waitUntilReady(baseUrl: string): Promise<void> {
  for (;;) {
    if (
      await fetch(`${baseUrl}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type Outcome = { status: number; id?: string } | { error: string };

describe('API shutdown', () => {
  it('on SIGTERM answers the reports in flight, and every report it answered 202 is in the queue', async () => {
    const service = testService();
    const { schema, drop } = await createTempSchema({ url: databaseUrl, migrationsDir });
    const db = createDb({ url: databaseUrl, schema, maxConnections: 2 });
    await upsertServices(db, [service]);
    await db.$disconnect();
    const prefix = `test-${randomUUID()}`;
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue(reportsQueueName, { connection: redis, prefix: redisKeys(prefix).queuePrefix });
    // No worker runs here: stand in for its detector's heartbeat, which /readyz asks for.
    await redis.set(redisKeys(prefix).detectorHeartbeat, String(Date.now()));
    const url = new URL(databaseUrl);
    url.searchParams.set('schema', schema);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const api = spawn(process.execPath, tsEntry(join(root, 'apps/api/src/main.ts')), {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        DATABASE_URL: url.toString(),
        REDIS_URL: redisUrl,
        REDIS_PREFIX: prefix,
        IP_HASH_SALT: 'shutdown-test-salt-0123',
        ASN_TABLE: 'off',
        REPORTS_PER_MINUTE: '100000',
        REPORTS_PER_MINUTE_PER_NETWORK: '100000',
        WEB_DIST: '/nonexistent',
      },
      stdio: 'ignore',
    });
    const exited = once(api, 'exit') as Promise<[number | null, string | null]>;
    try {
      await waitUntilReady(baseUrl);

      // 400 people report at once, each from their own address; the API is told to stop a little way in.
      let answered = 0;
      const outcomes = await Promise.all(
        Array.from({ length: 400 }, async (_, i): Promise<Outcome> => {
          try {
            const res = await fetch(`${baseUrl}/api/reports`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-forwarded-for': `100.64.${i >> 8}.${i & 255}` },
              body: JSON.stringify({ service: service.slug, problem: 'login' }),
            });
            if (++answered === 50) api.kill('SIGTERM');
            const body = (await res.json()) as { id?: string };
            return { status: res.status, ...(body.id ? { id: body.id } : {}) };
          } catch (err) {
            // Refused once the server stopped listening: the person's browser may try again; nothing was accepted.
            return { error: (err as Error).message };
          }
        }),
      );

      const [code] = await exited;
      expect(code).toBe(0);
      const responses = outcomes.filter((o): o is { status: number; id?: string } => 'status' in o);
      expect(responses.length).toBeGreaterThanOrEqual(50);
      expect(responses.filter((r) => r.status !== 202)).toEqual([]);
      const missing: string[] = [];
      for (const { id } of responses) if (!id || !(await queue.getJob(id))) missing.push(id ?? '(no id)');
      expect(missing).toEqual([]);
    } finally {
      if (api.exitCode === null) api.kill('SIGKILL');
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      const stale = await redis.keys(`${prefix}:*`);
      if (stale.length) await redis.del(...stale);
      redis.disconnect();
      await drop();
    }
  }, 60_000);
});
