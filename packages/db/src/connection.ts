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
      connectionTimeoutMillis: 5_000,
    },
  };
}

function assertSchemaName(schema: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
}

/** A Prisma client on the pg driver adapter (no native engine needed). */
export function createDb(options: DbOptions): Db {
  const { config, schema } = toPgConfig(options);
  const adapter = new PrismaPg(config, { schema });
  return new PrismaClient({ adapter });
}

/** Resolves once a trivial query succeeds; rejects with the driver's error otherwise. */
export async function pingDb(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
