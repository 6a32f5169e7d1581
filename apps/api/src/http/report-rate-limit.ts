import { rateLimit } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { RateLimitedError, type RedisKeys } from '@outage-radar/shared';
import type { ClientKeys } from '../intake/client-keys';
import { toNetworkPrefixes, type NetworkPrefixes } from '../intake/network-prefixes';

export interface ReportLimits {
  /** Reports per minute from one subscriber (an IPv4 address, an IPv6 /64). */
  perSubscriber: number;
  /** Reports per minute from one network (an IPv4 /24, an IPv6 /48). */
  perNetwork: number;
}

/**
 * Reports per minute by subscriber and by network prefix, counted in Redis so that every API
 * replica shares the counts. Keys are keyed hashes of the prefix, never the address. Over a limit
 * the request fails with the same problem document as other domain errors.
 */
export function reportRateLimits(redis: Redis, keys: RedisKeys, clientKeys: ClientKeys, limits: ReportLimits, now: () => number = Date.now): RequestHandler[] {
  const limiter = (scope: keyof NetworkPrefixes, perMinute: number) =>
    rateLimit({
      windowMs: 60_000,
      limit: perMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      identifier: `reports-per-${scope}`,
      keyGenerator: (req) => {
        const prefixes = toNetworkPrefixes(req.ip);
        return `${scope}:${clientKeys.hash(`rate-${scope}`, prefixes?.[scope] ?? 'unknown', now())}`;
      },
      // The key is already grouped by prefix above, so the library's own IPv6 grouping check doesn't apply.
      validate: { keyGeneratorIpFallback: false },
      store: new RedisStore({
        prefix: keys.rateLimit,
        sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<RedisReply>,
      }),
      handler: (_req, _res, next, options) => next(new RateLimitedError(Math.ceil(options.windowMs / 1000))),
    });
  return [limiter('subscriber', limits.perSubscriber), limiter('network', limits.perNetwork)];
}
