/** What PostgreSQL said when it refused a statement. */
export interface SqlError {
  /** The five-character SQLSTATE, e.g. "22021"; its first two characters are its class. */
  sqlState: string;
  /** PostgreSQL's message (never the row's values: those are in its detail, left out here). */
  message: string;
}

const sqlStatePattern = /^[0-9A-Z]{5}$/;

function sqlErrorHere(err: Record<string, unknown>): SqlError | null {
  // Prisma 7 with the pg driver adapter: the adapter's error rides in `meta.driverAdapterError`,
  // whose `cause` keeps PostgreSQL's code as `originalCode` (and, for codes it has no name for, as `code`).
  const adapterCause = (err.meta as { driverAdapterError?: { cause?: Record<string, unknown> } } | undefined)?.driverAdapterError?.cause;
  const code = adapterCause?.originalCode ?? adapterCause?.code;
  if (typeof code === 'string' && sqlStatePattern.test(code)) {
    const message = adapterCause?.originalMessage ?? adapterCause?.message;
    return { sqlState: code, message: typeof message === 'string' ? message : '' };
  }
  // node-postgres itself: a DatabaseError has the code and a severity. Prisma's own codes ("P2003")
  // look like SQLSTATEs too, which is why only an error with a severity counts here.
  if (typeof err.code === 'string' && sqlStatePattern.test(err.code) && typeof err.severity === 'string') {
    return { sqlState: err.code, message: typeof err.message === 'string' ? err.message : '' };
  }
  return null;
}

/**
 * PostgreSQL's SQLSTATE and message behind an error from Prisma or node-postgres, or null when
 * PostgreSQL did not answer with an error (a lost connection, a timeout, a bug). Looks through
 * `cause` chains, as drivers wrap errors.
 */
export function toSqlError(err: unknown): SqlError | null {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const found = sqlErrorHere(e as Record<string, unknown>);
    if (found) return found;
  }
  return null;
}
