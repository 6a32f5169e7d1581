import { createDb } from '@outage-radar/db';
import { connectOrExit, createRedis, handleShutdown } from '@outage-radar/runtime';
import { loadEnv } from './env';
import { createLogger } from './logger';
import { startWorker } from './start-worker';

async function main(): Promise<void> {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL);
  const redis = createRedis(env.REDIS_URL);
  await connectOrExit({ databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL, redis });
  // ioredis reconnects by itself; while Redis is away, say so once per failed attempt.
  redis.on('error', (err: Error) => log.warn({ err: err.message }, 'redis connection error'));

  const db = createDb({ url: env.DATABASE_URL });
  const worker = startWorker({ env, db, redis, log });
  handleShutdown(log, 'worker', async () => {
    await worker.close();
    await db.$disconnect();
    redis.disconnect();
  }, 15_000);
}

void main();
