import pg from 'pg';

export interface TableLock {
  /** How many sessions are waiting for this lock right now (of those connected after `since`, if given). */
  waiting: (since?: Date) => Promise<number>;
  /** Lets the waiting writes go on, and closes the session. */
  release: () => Promise<void>;
}

/**
 * Locks `table` (schema-qualified and quoted, e.g. `"test_ab12"."reports"`) in a PostgreSQL
 * session of its own, in SHARE mode: reads go on, while every insert, update or delete waits.
 * That is a database hanging on writes, as a client sees it, yet answering start-up checks.
 */
export async function lockTable(url: string, table: string): Promise<TableLock> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${table} IN SHARE MODE`);
  return {
    async waiting(since = new Date(0)) {
      // Inside a transaction pg_stat_activity keeps its first reading unless told to read again.
      await client.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid)) AND backend_start >= $1',
        [since],
      );
      return rows[0]?.n ?? 0;
    },
    async release() {
      await client.query('COMMIT');
      await client.end();
    },
  };
}
