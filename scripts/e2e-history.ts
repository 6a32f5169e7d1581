// Gives the browser tests' services a few hours of ordinary history, so the detector knows what is
// normal for them and a burst of reports in a test is an outage it can declare. The history is
// fixed (one report every ten minutes), not random: the test must not depend on a draw.
import { createDb } from '@outage-radar/db';

const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/outage_radar';
const slugs = (process.env.E2E_HISTORY_SERVICES ?? 'signal').split(',');
const hours = Number(process.env.E2E_HISTORY_HOURS ?? 4);
const minuteMs = 60_000;

async function main(): Promise<void> {
  const db = createDb({ url, maxConnections: 2 });
  try {
    const end = Math.floor(Date.now() / minuteMs) * minuteMs - 2 * minuteMs;
    const data = [];
    for (let t = end - hours * 60 * minuteMs; t < end; t += 10 * minuteMs) {
      for (const serviceSlug of slugs) data.push({ serviceSlug, bucketStart: new Date(t), scope: 'all', count: 1 });
    }
    const { count } = await db.bucketCount.createMany({ data, skipDuplicates: true });
    console.log(`history for ${slugs.join(', ')}: ${count} minute rows over ${hours} h`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err: Error) => {
  console.error(`e2e-history: ${err.message}`);
  process.exit(1);
});
