// Gives the browser tests' services a few hours of ordinary history, so the detector knows what is
// normal for them and a burst of reports in a test is an outage it can declare.
import { createDb, listServices } from '@outage-radar/db';
import { backfillHistory } from './demo/backfill-history';

const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/outage_radar';
const slugs = (process.env.E2E_HISTORY_SERVICES ?? 'signal').split(',');
const hours = Number(process.env.E2E_HISTORY_HOURS ?? 3);

async function main(): Promise<void> {
  const db = createDb({ url, maxConnections: 2 });
  try {
    const services = (await listServices(db)).filter((s) => slugs.includes(s.slug));
    const now = Date.now();
    const rows = await backfillHistory(db, services, now - hours * 3_600_000, now - 2 * 60_000);
    console.log(`history for ${services.map((s) => s.slug).join(', ')}: ${rows} minute rows`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err: Error) => {
  console.error(`e2e-history: ${err.message}`);
  process.exit(1);
});
