import pg from 'pg';
import { toPgConfig } from './connection';

/** Resolves when PostgreSQL at `url` answers a query within `timeoutMs`; rejects with a short reason otherwise. */
export async function checkPostgres(url: string, timeoutMs: number): Promise<void> {
  const { config } = toPgConfig({ url });
  const client = new pg.Client({ ...config, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    const e = err as { code?: string; message?: string };
    throw new Error(e.code === 'ECONNREFUSED' ? 'connection refused' : (e.message ?? String(err)).split('\n')[0], { cause: err });
  } finally {
    await client.end().catch(() => undefined);
  }
}
