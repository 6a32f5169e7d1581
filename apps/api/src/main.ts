import { join } from 'node:path';
import { handleShutdown, openStoresOrExit } from '@outage-radar/runtime';
import { createApp } from './app';
import { loadClientSecret } from './intake/client-secret';
import { loadEnv } from './env';
import { createLogger } from './logger';

async function main(): Promise<void> {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL);
  // Fail fast: a report that cannot be queued gets a 503 at once, not a request that hangs until Redis is back.
  const { db, redis } = await openStoresOrExit({ databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL, log, redisOptions: { failFast: true } });
  const secretFile = env.CLIENT_SECRET_FILE ?? join(__dirname, '../../../.local/client-secret');
  const { secret: clientSecret, source } = loadClientSecret(env.IP_HASH_SALT, secretFile);
  log.info({ source, ...(source === 'environment' ? {} : { file: secretFile }) }, 'client-hash secret loaded');
  const app = createApp({ env, db, redis, log, clientSecret });
  app.http.once('error', (err: NodeJS.ErrnoException) => {
    // The one start-up failure left once the stores answer: say it in one line, as for them.
    const why = err.code === 'EADDRINUSE' ? 'is in use' : err.code === 'EACCES' ? 'needs privileges this process lacks' : `cannot be opened (${err.message})`;
    console.error(`port ${env.PORT} on ${env.HOST} ${why}: stop what listens there, or choose another with PORT=8080 npm start`);
    process.exit(1);
  });
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
