/**
 * Where the per-minute counters live in Redis. Every key starts with the deployment's prefix
 * ("or" by default), so test runs and several deployments can share one Redis.
 */
export function counterKeys(prefix: string) {
  return {
    /** HASH `${slug}|all` / `${slug}|working` / `${slug}|filtered` -> reports in one minute bucket. */
    totals: (bucketStart: number) => `${prefix}:totals:${bucketStart / 1000}`,
    /** HASH `${slug}|${scope}` -> reports in one minute bucket, for problem, country, cell and network scopes. */
    scopes: (bucketStart: number) => `${prefix}:scopes:${bucketStart / 1000}`,
    /** Marks a report id as counted, so a redelivered job is not counted twice. */
    counted: (reportId: string) => `${prefix}:counted:${reportId}`,
  };
}
export type CounterKeys = ReturnType<typeof counterKeys>;

/** Counters live two days: long enough for the detector's per-minute window and the 24 h views. */
export const counterTtlSeconds = 2 * 24 * 3600;

/**
 * A report's "counted" marker only has to outlive a redelivery of its job after it was counted (a
 * worker that died before acknowledging it: its lock expires within a minute). One key per report
 * for two days would be ten million keys after one outage the size of 2021's Meta outage; an hour is plenty.
 */
export const countedMarkerTtlSeconds = 3600;
