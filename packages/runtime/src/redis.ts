import { Redis } from 'ioredis';

export interface RedisOptions {
  /**
   * For a process that answers people (the API): while Redis is away, commands fail at once
   * instead of waiting for it to come back, so a request gets a quick 503 rather than hanging.
   * A BullMQ worker must not use it (its blocking commands need to wait).
   */
  failFast?: boolean;
}

/** A Redis connection, connected later by `connectRedis`. By default as BullMQ's workers want it (no per-command retry limit). */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  const retries = options.failFast ? { enableOfflineQueue: false, maxRetriesPerRequest: 1 } : { maxRetriesPerRequest: null };
  return new Redis(url, { ...retries, lazyConnect: true, connectTimeout: 4000 });
}

/** Connects within `timeoutMs` or rejects with a short reason (no retries: start-up reports and exits). */
export async function connectRedis(redis: Redis, timeoutMs: number): Promise<void> {
  let lastError: (Error & { code?: string }) | null = null;
  // Without a listener ioredis prints each failed attempt with its stack trace.
  const remember = (err: Error) => {
    lastError = err;
  };
  redis.on('error', remember);
  const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref());
  try {
    await Promise.race([redis.connect(), timer]);
    await Promise.race([redis.ping(), timer]);
  } catch (err) {
    redis.disconnect();
    const cause = lastError ?? (err as Error & { code?: string });
    throw new Error(cause.code === 'ECONNREFUSED' ? 'connection refused' : cause.message, { cause: err });
  }
}
