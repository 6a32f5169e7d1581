import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from './logger';

export interface JobScheduler {
  /** Scheduler id, also the name of the jobs it makes. */
  name: string;
  everyMs: number;
}

/**
 * Creates `schedulers` on `queue` now, and again each time `redis` is ready after a reconnect: a
 * Redis that came back without its data (restarted without AOF, a fresh replica) lost them, and
 * with them every future tick, while the workers carry on as if nothing happened. Returns a
 * function that stops listening.
 */
export function keepJobSchedulers(deps: { queue: Queue; redis: Redis; log: Logger; schedulers: JobScheduler[] }): () => void {
  const { queue, redis, log, schedulers } = deps;
  // upsert is idempotent: every worker does it at start, and again here.
  const upsertAll = () =>
    Promise.all(
      schedulers.map((s) => queue.upsertJobScheduler(s.name, { every: s.everyMs }, { name: s.name, opts: { removeOnComplete: true, removeOnFail: 100 } })),
    );

  async function recreate(): Promise<void> {
    const found = await Promise.all(schedulers.map((s) => queue.getJobScheduler(s.name)));
    const missing = schedulers.filter((_, i) => !found[i]).map((s) => s.name);
    await upsertAll();
    if (missing.length > 0) log.warn({ schedulers: missing }, 'job schedulers recreated after a redis reconnect');
  }

  upsertAll().catch((err: unknown) => log.error({ err }, 'could not schedule the detector and maintenance'));
  let reconnecting = false;
  const onReconnecting = () => {
    reconnecting = true;
  };
  const onReady = () => {
    if (!reconnecting) return;
    reconnecting = false;
    recreate().catch((err: unknown) => log.error({ err }, 'could not recreate the job schedulers'));
  };
  redis.on('reconnecting', onReconnecting);
  redis.on('ready', onReady);
  return () => {
    redis.off('reconnecting', onReconnecting);
    redis.off('ready', onReady);
  };
}
