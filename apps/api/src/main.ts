import { randomBytes } from 'node:crypto';
import { createDb, getOrCreateSetting } from '@outage-radar/db';
import { connectOrExit, createRedis, handleShutdown } from '@outage-radar/runtime';
import { createApp } from './app';
import { loadEnv } from './env';
import { createLogger } from './logger';

async function main(): Promise<void> {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL);
  const redis = createRedis(env.REDIS_URL);
  await connectOrExit({ databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL, redis });
  // ioredis reconnects by itself; while Redis is away, say so once per failed attempt.
  redis.on('error', (err: Error) => log.warn({ err: err.message }, 'redis connection error'));

  const db = createDb({ url: env.DATABASE_URL });
  const salt = env.IP_HASH_SALT ?? (await getOrCreateSetting(db, 'ip_hash_salt', () => randomBytes(32).toString('base64url')));
  const app = createApp({ env, db, redis, log, salt });
  app.http.listen(env.PORT, env.HOST, () => {
    const address = app.http.address();
    log.info({ port: typeof address === 'object' && address ? address.port : env.PORT }, 'api listening');
  });
  handleShutdown(log, 'api', async () => {
    await app.close();
    await db.$disconnect();
    redis.disconnect();
  });
}

void main();
