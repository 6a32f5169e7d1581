import { handleShutdown, openStoresOrExit } from '@outage-radar/runtime';
import { loadEnv } from './env';
import { createLogger } from './logger';
import { startWorker } from './start-worker';

async function main(): Promise<void> {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL);
  const { db, redis } = await openStoresOrExit({
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    log,
    dbOptions: { statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS },
  });
  const worker = startWorker({ env, db, redis, log });
  handleShutdown(
    log,
    'worker',
    async () => {
      await worker.close();
      await db.$disconnect();
      redis.disconnect();
    },
    15_000,
  );
}

void main();
