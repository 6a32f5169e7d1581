import { rateLimit } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { RateLimitedError, type RedisKeys } from '@outage-radar/shared';

/**
 * Reports per client address per minute, counted in Redis so that every API replica shares the
 * count. Over the limit the request fails with the same problem document as other domain errors.
 */
export function reportRateLimit(redis: Redis, keys: RedisKeys, perMinute: number) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: new RedisStore({
      prefix: keys.rateLimit,
      sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<RedisReply>,
    }),
    handler: (_req, _res, next, options) => next(new RateLimitedError(Math.ceil(options.windowMs / 1000))),
  });
}
