import { checkPostgres, createDb } from '@outage-radar/db';
import { unreachableMessage } from '@outage-radar/shared';
import { loadEnv } from './env';
import { createLogger } from './logger';
import { startWorker } from './start-worker';
import { connectRedis, createRedis } from './redis';

const startupTimeoutMs = 4000;

async function main(): Promise<void> {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL);
  const redis = createRedis(env.REDIS_URL);
  const [pgCheck, redisCheck] = await Promise.allSettled([checkPostgres(env.DATABASE_URL, startupTimeoutMs), connectRedis(redis, startupTimeoutMs)]);
  const failures = [
    pgCheck.status === 'rejected' ? unreachableMessage('PostgreSQL', env.DATABASE_URL, (pgCheck.reason as Error).message) : null,
    redisCheck.status === 'rejected' ? unreachableMessage('Redis', env.REDIS_URL, (redisCheck.reason as Error).message) : null,
  ].filter((f): f is string => f !== null);
  if (failures.length > 0) {
    for (const line of failures) console.error(line);
    process.exit(1);
  }

  const db = createDb({ url: env.DATABASE_URL });
  const worker = startWorker({ env, db, redis, log });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker stopping');
    const force = setTimeout(() => { log.error('shutdown took too long'); process.exit(1); }, 15_000).unref();
    await worker.close();
    await db.$disconnect();
    redis.disconnect();
    clearTimeout(force);
    log.info('worker stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('unhandledRejection', (err) => {
    log.fatal({ err }, 'unhandled rejection');
    process.exit(1);
  });
}

void main();
