import { Redis } from 'ioredis';

/** A Redis connection as BullMQ wants it (no per-command retry limit), connected later by `connectRedis`. */
export function createRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true, connectTimeout: 4000 });
}

/** Connects within `timeoutMs` or rejects with a short reason (no retries: start-up reports and exits). */
export async function connectRedis(redis: Redis, timeoutMs: number): Promise<void> {
  let lastError: (Error & { code?: string }) | null = null;
  // Without a listener ioredis prints each failed attempt with its stack trace.
  const remember = (err: Error) => { lastError = err; };
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
