import pg from 'pg';
import { toPgConfig } from './connection';

/** PostgreSQL answered, but the database named in the URL doesn't exist yet (SQLSTATE 3D000). */
export class MissingDatabaseError extends Error {}

/** PostgreSQL answered and the database exists, but no migration was ever applied to its schema. */
export class UnmigratedDatabaseError extends Error {}

/**
 * Resolves when PostgreSQL at `url` answers a query within `timeoutMs` and the URL's schema has been
 * migrated; rejects with a short reason otherwise.
 */
export async function checkPostgres(url: string, timeoutMs: number): Promise<void> {
  const { config, schema } = toPgConfig({ url });
  const client = new pg.Client({ ...config, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  let migrations: string | null;
  try {
    await client.connect();
    // Prisma's own record of migrations: absent, nothing was ever applied (it is made with the first).
    const found = await client.query<{ table: string | null }>('SELECT to_regclass($1) AS table', [`"${schema}"._prisma_migrations`]);
    migrations = found.rows[0]?.table ?? null;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code === '3D000') throw new MissingDatabaseError(e.message ?? 'database does not exist', { cause: err });
    throw new Error(e.code === 'ECONNREFUSED' ? 'connection refused' : (e.message ?? String(err)).split('\n')[0], { cause: err });
  } finally {
    await client.end().catch(() => undefined);
  }
  if (!migrations) throw new UnmigratedDatabaseError(`no migrations applied to schema "${schema}"`);
}
