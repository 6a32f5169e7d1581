export { createRedis, connectRedis } from './redis';
export type { RedisOptions } from './redis';
export { openStoresOrExit } from './connect-or-exit';
export { handleShutdown } from './handle-shutdown';
export { parseEnvOrExit } from './parse-env';
export { lastMinutes, liveTotals } from './live-totals';
export type { LiveTotals } from './live-totals';
export { isStoreUnavailable } from './is-store-unavailable';
