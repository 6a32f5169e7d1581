import { randomBytes } from 'node:crypto';
import { checkPostgres, createDb, getOrCreateSetting } from '@outage-radar/db';
import { unreachableMessage } from '@outage-radar/shared';
import { createApp } from './app';
import { loadEnv } from './env';
import { createLogger } from './logger';
import { connectRedis, createRedis } from './redis';

const startupTimeoutMs = 4000;

async function main(): Promise<void> {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL);
  const redis = createRedis(env.REDIS_URL);
  // Both checks run at once so that start-up gives up within 5 seconds, with one line that says what to do.
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
  const salt = env.IP_HASH_SALT ?? (await getOrCreateSetting(db, 'ip_hash_salt', () => randomBytes(32).toString('base64url')));
  const app = createApp({ env, db, redis, log, salt });
  app.http.listen(env.PORT, env.HOST, () => {
    const address = app.http.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    log.info({ port }, 'api listening');
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'api stopping');
    const force = setTimeout(() => { log.error('shutdown took too long'); process.exit(1); }, 10_000).unref();
    await app.close();
    await db.$disconnect();
    redis.disconnect();
    clearTimeout(force);
    log.info('api stopped');
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
