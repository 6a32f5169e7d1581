// Codes of a connection that could not be made or was lost, from Node, pg and Prisma.
const connectionCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'P1001', 'P1002', 'P1017']);

function isUnavailableHere(err: { name?: unknown; message?: unknown; code?: unknown }): boolean {
  if (err.name === 'MaxRetriesPerRequestError') return true;
  if (typeof err.code === 'string' && connectionCodes.has(err.code)) return true;
  const message = typeof err.message === 'string' ? err.message : '';
  // ioredis, with the offline queue off (the API's connection) or after the connection ended.
  if (message.includes('enableOfflineQueue options is false') || message === 'Connection is closed.') return true;
  // pg, when a pooled connection is cut or a new one cannot be made in time; Prisma's raw queries
  // wrap the same as P2010 with the reason in the message.
  return (
    message.startsWith('Connection terminated') ||
    message.startsWith('timeout exceeded when trying to connect') ||
    message.includes("Can't reach database server")
  );
}

/**
 * Whether an error means Redis or PostgreSQL can't be reached right now: a passing condition the
 * client should retry (503), not a bug. Looks through `cause` chains, as drivers wrap errors.
 */
export function isStoreUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isUnavailableHere(e as { name?: unknown; message?: unknown; code?: unknown })) return true;
  }
  return false;
}
