/**
 * Names in Redis that the API and the worker share (the per-minute report counters' own are in
 * @outage-radar/counters). Every key starts with a prefix (default "or")
 * so that test runs and several deployments can share one Redis without colliding.
 */
export const reportsQueueName = 'reports';

export const minuteMs = 60_000;

/** Start of the minute bucket that `at` (ms since epoch) falls in. */
export function toBucketStart(at: number): number {
  return Math.floor(at / minuteMs) * minuteMs;
}

export function redisKeys(prefix: string) {
  return {
    /**
     * One counted report per person, service and answer kind per window; `personHash` is a keyed,
     * rotating hash of a first-party id or an address, never the address. The slug is a hash tag so
     * that a person's keys and the service's flood counts sit in one Redis Cluster slot.
     */
    recentReporter: (slug: string, personHash: string, kind: 'problem' | 'working') => `${prefix}:reporter:{${slug}}:${kind}:${personHash}`,
    /** HASH of one service, answer kind and flood window: reports per network prefix, per user agent, and counted. */
    flood: (slug: string, kind: 'problem' | 'working', window: number) => `${prefix}:flood:{${slug}}:${kind}:${window}`,
    /** Prefix of the rate limiters' keys; what follows it is a keyed hash of the address or network prefix. */
    rateLimit: `${prefix}:rl:`,
    /** HASH series key -> detector state (JSON); any worker may run the next tick. */
    detectorStates: `${prefix}:detector:states`,
    /** Bumped with every save of the states, so a worker knows whether its own copy is the latest. */
    detectorVersion: `${prefix}:detector:version`,
    /** STRING ms since epoch of the last completed detector tick; the API's /readyz reads its age. */
    detectorHeartbeat: `${prefix}:detector:heartbeat`,
    /** HASH `${slug}` -> "expected|expectedHigh" for one minute bucket, for the charts' normal band. */
    baselines: (bucketStart: number) => `${prefix}:baseline:${bucketStart / 1000}`,
    /** socket.io adapter and emitter channel prefix. */
    socketIo: `${prefix}:socket.io`,
    queuePrefix: `${prefix}:bull`,
  };
}
export type RedisKeys = ReturnType<typeof redisKeys>;
