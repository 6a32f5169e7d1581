import pg from 'pg';
import { toPgConfig } from './connection';

/** PostgreSQL answered, but the database named in the URL doesn't exist yet (SQLSTATE 3D000). */
export class MissingDatabaseError extends Error {}

/** Resolves when PostgreSQL at `url` answers a query within `timeoutMs`; rejects with a short reason otherwise. */
export async function checkPostgres(url: string, timeoutMs: number): Promise<void> {
  const { config } = toPgConfig({ url });
  const client = new pg.Client({ ...config, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code === '3D000') throw new MissingDatabaseError(e.message ?? 'database does not exist', { cause: err });
    throw new Error(e.code === 'ECONNREFUSED' ? 'connection refused' : (e.message ?? String(err)).split('\n')[0], { cause: err });
  } finally {
    await client.end().catch(() => undefined);
  }
}
