import type { Redis } from 'ioredis';

/**
 * Warns once at start-up when Redis keeps no append-only file: its queue holds reports already
 * answered 202, and a restart of such a Redis loses every one still queued. A Redis that refuses
 * CONFIG (many managed ones) is taken on trust.
 */
export async function warnIfRedisForgets(redis: Redis, log: { warn: (obj: object, msg: string) => void }): Promise<void> {
  const reply = await redis.config('GET', 'appendonly').catch(() => null);
  const value = Array.isArray(reply) ? reply[1] : null;
  if (value === 'no') {
    log.warn({ appendonly: value }, 'redis keeps no append-only file: a restart of it loses the queued reports; run it with --appendonly yes');
  }
}
