// Applies prisma/migrations to DATABASE_URL (creating the database first if needed), recording them
// as `prisma migrate deploy` does. Used by `npm start` and `npm run db:migrate`.
import { join } from 'node:path';
import { applyMigrations } from '@outage-radar/db';
import { redactUrl } from '@outage-radar/runtime';
import { ensureDatabase } from './ensure-database';

const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/outage_radar';

async function main(): Promise<void> {
  if (await ensureDatabase(url)) console.log(`created database ${redactUrl(url)}`);
  const result = await applyMigrations({ url, dir: join(__dirname, '../prisma/migrations') });
  console.log(result.applied.length ? `applied ${result.applied.join(', ')}` : `database up to date (${result.alreadyApplied} migrations)`);
}

main().catch((err: Error) => {
  console.error(`migrate: ${err.message}`);
  process.exit(1);
});
