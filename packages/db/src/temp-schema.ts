import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { applyMigrations } from './migrate';

/**
 * Creates a uniquely named schema, migrated, for one test run (so parallel runs never collide), and
 * returns its name with a function that drops it again.
 */
export async function createTempSchema(options: { url: string; migrationsDir: string; prefix?: string }): Promise<{
  schema: string;
  drop: () => Promise<void>;
}> {
  const schema = `${options.prefix ?? 'test'}_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await applyMigrations({ url: options.url, schema, dir: options.migrationsDir });
  const drop = async () => {
    const client = new pg.Client({ connectionString: stripSchema(options.url) });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
  };
  return { schema, drop };
}

function stripSchema(url: string): string {
  const u = new URL(url);
  u.searchParams.delete('schema');
  return u.toString();
}
