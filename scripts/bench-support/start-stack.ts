import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createDb, createTempSchema, upsertServices, type Db } from '@outage-radar/db';
import { catalogue } from '../../prisma/catalogue';
import { tsEntry } from '../test-support/ts-entry';

const root = join(__dirname, '../..');
const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface Stack {
  baseUrl: string;
  /** The stack's own schema, for the bench to add or check rows. */
  db: Db;
  redisPrefix: string;
  /** Process ids: the API's first, then the worker's. */
  pids: number[];
  stop: () => Promise<void>;
}

/**
 * The real API (and, if asked, the worker) as separate processes on a fresh schema with the
 * catalogue seeded and a Redis prefix of their own, for benches. `stop` ends them and drops it all.
 */
export async function startStack(options: { port: number; worker?: boolean; env?: Record<string, string> }): Promise<Stack> {
  const { schema, drop } = await createTempSchema({ url: databaseUrl, migrationsDir: join(root, 'prisma/migrations'), prefix: 'bench' });
  const db = createDb({ url: databaseUrl, schema, maxConnections: 4 });
  await upsertServices(db, catalogue);
  const url = new URL(databaseUrl);
  url.searchParams.set('schema', schema);
  const redisPrefix = `bench-${randomUUID()}`;
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: url.toString(),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const start = (entry: string, flags: string[] = []) =>
    spawn(process.execPath, tsEntry(join(root, entry), flags), { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const children: ChildProcess[] = [start('apps/api/src/main.ts')];
  if (options.worker) children.push(start('apps/worker/src/main.ts', ['--max-semi-space-size=64']));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    await Promise.all(
      children.map((c) =>
        c.exitCode !== null
          ? null
          : new Promise((resolve) => {
              c.once('exit', resolve);
              c.kill('SIGTERM');
            }),
      ),
    );
    await db.$disconnect();
    await drop();
  };
  try {
    await waitUntilReady(baseUrl, children, options.worker === true);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, db, redisPrefix, pids: children.map((c) => c.pid ?? 0), stop };
}

/** Ready: the stores answer and, with a worker, its detector has ticked (without one it never will). */
async function waitUntilReady(baseUrl: string, children: ChildProcess[], withWorker: boolean): Promise<void> {
  const until = Date.now() + 60_000;
  const isReady = async (res: Response) => {
    if (res.ok) return true;
    const { checks } = (await res.json()) as { checks?: Record<string, string> };
    return !withWorker && checks?.postgres === 'ok' && checks.redis === 'ok';
  };
  while (Date.now() < until) {
    if (children.some((c) => c.exitCode !== null)) throw new Error('a process of the stack exited while starting');
    if (await fetch(`${baseUrl}/readyz`).then(isReady, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the API was not ready within 60 s');
}
