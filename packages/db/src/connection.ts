import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';

export type Db = InstanceType<typeof PrismaClient>;

export interface DbOptions {
  /** postgresql:// URL; a `schema` query parameter selects a schema other than public. */
  url: string;
  /** Overrides the URL's schema parameter (tests use one schema per run). */
  schema?: string;
  /** Pool size; the default suits one API or worker process. */
  maxConnections?: number;
  /**
   * `createDb` only. Longest one statement may run, in ms (default 10 s): PostgreSQL cancels it,
   * and the client gives up one second later if no answer came at all. A session left idle inside
   * a transaction this long is ended by the server.
   */
  statementTimeoutMs?: number;
  /** Longest wait for a connection, new or from the pool, in ms (default 5 s). */
  connectTimeoutMs?: number;
}

/** Splits the Prisma-style `?schema=` parameter off a URL, since node-postgres doesn't know it. */
export function toPgConfig(options: DbOptions): { config: pg.PoolConfig; schema: string } {
  const url = new URL(options.url);
  const schema = options.schema ?? url.searchParams.get('schema') ?? 'public';
  url.searchParams.delete('schema');
  assertSchemaName(schema);
  return {
    schema,
    config: {
      connectionString: url.toString(),
      max: options.maxConnections ?? 10,
      // Raw SQL names tables without a schema, so every connection searches ours first.
      options: `-c search_path="${schema}"`,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    },
  };
}

/**
 * The pool settings that keep a query from waiting forever. Only the apps' pools get them: a
 * migration may rightly wait longer (for its advisory lock, or to build an index).
 */
function withTimeouts(config: pg.PoolConfig, statementMs = 10_000): pg.PoolConfig {
  return {
    ...config,
    // Server side: PostgreSQL cancels the statement and the connection stays usable.
    statement_timeout: statementMs,
    // Client side, for a server or network that went silent (the cancellation never arrives);
    // later than the server's, so a slow query is cancelled there first.
    query_timeout: statementMs + 1_000,
    // A session idle inside a transaction this long lost its client (our transactions never pause
    // between statements): ending it releases the rows it locked, which the job's retry needs.
    idle_in_transaction_session_timeout: statementMs,
  };
}

function assertSchemaName(schema: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
}

/**
 * A Prisma client on the pg driver adapter (no native engine needed). Every statement has a
 * timeout (10 s unless `statementTimeoutMs` says otherwise), so a hanging database fails queries
 * instead of holding them.
 */
export function createDb(options: DbOptions): Db {
  const { config, schema } = toPgConfig(options);
  const adapter = new PrismaPg(withTimeouts(config, options.statementTimeoutMs), { schema });
  return new PrismaClient({ adapter });
}

/** Resolves once a trivial query succeeds; rejects with the driver's error otherwise. */
export async function pingDb(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
