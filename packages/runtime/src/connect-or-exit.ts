import type { Redis } from 'ioredis';
import { checkPostgres } from '@outage-radar/db';
import { unreachableMessage } from '@outage-radar/shared';
import { connectRedis } from './redis';

const startupTimeoutMs = 4000;

/**
 * Checks PostgreSQL and connects Redis at once, so that start-up gives up within 5 seconds; when
 * either can't be reached, prints one line per problem (where it looked, how to start it) and exits.
 */
export async function connectOrExit(deps: { databaseUrl: string; redisUrl: string; redis: Redis }): Promise<void> {
  const [pg, redis] = await Promise.allSettled([
    checkPostgres(deps.databaseUrl, startupTimeoutMs),
    connectRedis(deps.redis, startupTimeoutMs),
  ]);
  const failures = [
    pg.status === 'rejected' ? unreachableMessage('PostgreSQL', deps.databaseUrl, (pg.reason as Error).message) : null,
    redis.status === 'rejected' ? unreachableMessage('Redis', deps.redisUrl, (redis.reason as Error).message) : null,
  ].filter((line): line is string => line !== null);
  if (failures.length === 0) return;
  for (const line of failures) console.error(line);
  process.exit(1);
}
