/**
 * How a report job that failed for a passing reason (PostgreSQL away, a lost connection) is
 * retried: sooner at first, then every `maxDelayMs`, for a day or so. A report accepted with a 202
 * is not given up on because the database was down for an hour; the worker is idempotent on the
 * report id, so retrying is always safe. The producer names `backoffType`; workers implement it.
 */
export const reportRetry = {
  attempts: 3000,
  backoffType: 'report-retry',
  firstDelayMs: 500,
  maxDelayMs: 30_000,
} as const;

/** Delay before the next attempt after `attemptsMade` failed ones (ms): doubling from firstDelayMs, capped at maxDelayMs. */
export function reportRetryDelayMs(attemptsMade: number): number {
  const doublings = Math.min(Math.max(attemptsMade - 1, 0), 30);
  return Math.min(reportRetry.firstDelayMs * 2 ** doublings, reportRetry.maxDelayMs);
}
