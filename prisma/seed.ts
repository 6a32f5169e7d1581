// Loads the service catalogue into DATABASE_URL. Safe to run again: entries are upserted.
import { CatalogueEntry } from '@outage-radar/shared';
import { createDb, upsertServices } from '@outage-radar/db';
import { catalogue } from './catalogue';

const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/outage_radar';

async function main(): Promise<void> {
  const entries = catalogue.map((entry) => CatalogueEntry.parse(entry));
  const db = createDb({ url, maxConnections: 2 });
  try {
    console.log(`seeded ${await upsertServices(db, entries)} services`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err: Error) => {
  console.error(`seed: ${err.message}`);
  process.exit(1);
});
