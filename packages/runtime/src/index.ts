export { createRedis, connectRedis } from './redis';
export type { RedisOptions } from './redis';
export { openStoresOrExit } from './connect-or-exit';
export { warnIfRedisForgets } from './warn-if-redis-forgets';
export { handleShutdown } from './handle-shutdown';
export { parseEnvOrExit } from './parse-env';
export { isStoreUnavailable } from './is-store-unavailable';
export { toSqlError } from './to-sql-error';
export type { SqlError } from './to-sql-error';
