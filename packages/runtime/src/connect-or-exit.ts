import type { Redis } from 'ioredis';
import { checkPostgres, createDb, MissingDatabaseError, UnmigratedDatabaseError, type Db, type DbOptions } from '@outage-radar/db';
import { missingDatabaseMessage, unmigratedDatabaseMessage, unreachableMessage } from './unreachable-message';
import { connectRedis, createRedis, type RedisOptions } from './redis';
import { warnIfRedisForgets } from './warn-if-redis-forgets';

const startupTimeoutMs = 4000;

/**
 * Opens the two stores every process needs: checks PostgreSQL and connects Redis at once, so that
 * start-up gives up within 5 seconds; when either can't be reached, prints one line per problem
 * (where it looked, how to start it) and exits.
 */
export async function openStoresOrExit(deps: {
  databaseUrl: string;
  redisUrl: string;
  log: { warn: (obj: object, msg: string) => void };
  redisOptions?: RedisOptions;
  /** Pool settings for the returned client (timeouts, size); the URL is `databaseUrl`. */
  dbOptions?: Omit<DbOptions, 'url'>;
}): Promise<{ db: Db; redis: Redis }> {
  const redis = createRedis(deps.redisUrl, deps.redisOptions);
  await checkBoth({ ...deps, redis });
  // ioredis reconnects by itself; while Redis is away, say so once per failed attempt.
  redis.on('error', (err: Error) => deps.log.warn({ err: err.message }, 'redis connection error'));
  await warnIfRedisForgets(redis, deps.log);
  return { db: createDb({ ...deps.dbOptions, url: deps.databaseUrl }), redis };
}

async function checkBoth(deps: { databaseUrl: string; redisUrl: string; redis: Redis }): Promise<void> {
  const [pg, redis] = await Promise.allSettled([checkPostgres(deps.databaseUrl, startupTimeoutMs), connectRedis(deps.redis, startupTimeoutMs)]);
  const failures = [
    pg.status === 'rejected' ? postgresProblem(deps.databaseUrl, pg.reason as Error) : null,
    redis.status === 'rejected' ? unreachableMessage('Redis', deps.redisUrl, (redis.reason as Error).message) : null,
  ].filter((line): line is string => line !== null);
  if (failures.length === 0) return;
  for (const line of failures) console.error(line);
  process.exit(1);
}

function postgresProblem(url: string, err: Error): string {
  if (err instanceof MissingDatabaseError) return missingDatabaseMessage(url);
  if (err instanceof UnmigratedDatabaseError) return unmigratedDatabaseMessage(url);
  return unreachableMessage('PostgreSQL', url, err.message);
}
