import { Redis } from 'ioredis';

/** A Redis connection as BullMQ wants it (no per-command retry limit), failing fast while not yet connected. */
export function createRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true, connectTimeout: 4000 });
}

/** Connects within `timeoutMs` or rejects with a short reason (no retries: start-up reports and exits). */
export async function connectRedis(redis: Redis, timeoutMs: number): Promise<void> {
  const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref());
  try {
    await Promise.race([redis.connect(), timer]);
    await Promise.race([redis.ping(), timer]);
  } catch (err) {
    redis.disconnect();
    const e = err as { code?: string; message?: string };
    throw new Error(e.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(e.message ?? '') ? 'connection refused' : (e.message ?? String(err)), { cause: err });
  }
}
