// `npm run demo`, with `npm start` running in another terminal: backfills four weeks of plausible
// history for the catalogue, then replays an outage shaped like Meta's of 2021-10-04 (Facebook,
// Instagram, WhatsApp and Messenger together, Telegram flooded by the people who moved over),
// compressed to about ten minutes, through the real HTTP API. Watch http://localhost:3000/map.
// With --verify it then watches the API until the outages are over and checks them against the plan
// (exit code 1 when they missed it): the measure for changes to detection.
import { createDb, getOrCreateSetting, listServices, type ServiceRow } from '@outage-radar/db';
import { redisKeys } from '@outage-radar/shared';
import { Redis } from 'ioredis';
import { backfillHistory } from './demo/backfill-history';
import { createAddressPool } from './demo/address-pool';
import { formatVerdict } from './demo/judge-replay';
import { demoPlan, multiplierAt } from './demo/plan';
import { baseRatePerMinute, poisson } from './demo/rates';
import { pickUserAgent } from './demo/user-agents';
import { verifyReplay } from './demo/verify-replay';

const port = process.env.PORT ?? '3000';
const api = process.env.DEMO_API_URL ?? `http://127.0.0.1:${port}`;
const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/outage_radar';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const keys = redisKeys(process.env.REDIS_PREFIX ?? 'or');
const minuteMs = 60_000;
/** Live traffic is sent in slices of this length. */
const sliceMs = 2_000;
const verify = process.argv.includes('--verify');

async function main(): Promise<void> {
  const ready = await fetch(`${api}/readyz`).then(
    (r) => r.ok,
    () => false,
  );
  if (!ready) {
    console.error(`demo: Outage Radar is not answering at ${api}: run \`npm start\` in another terminal first (or set DEMO_API_URL)`);
    process.exit(1);
  }
  const db = createDb({ url: databaseUrl, maxConnections: 4 });
  const redis = new Redis(redisUrl);
  const services = await listServices(db);

  const now = Date.now();
  const marker = await getOrCreateSetting(db, 'demo_history_until', () => String(now));
  if (marker === String(now)) {
    console.log('backfilling four weeks of per-minute history for', services.length, 'services…');
    const rows = await backfillHistory(db, services, now - 28 * 24 * 60 * minuteMs, now - 2 * minuteMs);
    // The detector learned these series from an empty history: let it learn them again from the new one.
    await redis.del(keys.detectorStates, keys.detectorVersion);
    console.log(`history: ${rows.toLocaleString('en')} minute rows written; the detector relearns on its next tick`);
  } else {
    console.log(`history already backfilled (until ${new Date(Number(marker)).toISOString()}); replaying the outage only`);
  }
  await db.$disconnect();
  redis.disconnect();

  const pool = createAddressPool();
  const plan = demoPlan(services);
  console.log(`replaying: ${plan.map((p) => `${p.slug} ×${p.peak} from minute ${p.startMinute}`).join(', ')}`);
  console.log(`open ${api}/map to watch; it takes about ${plan.totalMinutes} minutes`);
  const started = Date.now();
  const sent = new Map<string, number>();
  let refused = 0;
  let lastReportAt = started;
  while (Date.now() - started < plan.totalMinutes * minuteMs) {
    const sliceStart = Date.now();
    const minute = (sliceStart - started) / minuteMs;
    const requests: Promise<void>[] = [];
    for (const service of services) {
      const rate = baseRatePerMinute(service, sliceStart) * multiplierAt(plan, service.slug, minute);
      for (let n = poisson((rate * sliceMs) / minuteMs); n > 0; n--) {
        requests.push(
          report(service, pool.addressFor(service)).then((ok) => {
            if (ok) sent.set(service.slug, (sent.get(service.slug) ?? 0) + 1);
            else refused += 1;
          }),
        );
      }
    }
    await Promise.all(requests);
    if (requests.length > 0) lastReportAt = Date.now();
    if (Math.floor(minute) !== Math.floor((sliceStart - started - sliceMs) / minuteMs)) {
      const top = [...sent]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ');
      console.log(`minute ${Math.floor(minute)}: reports sent so far: ${top || 'none yet'}${refused ? ` (${refused} refused)` : ''}`);
    }
    await new Promise((r) => setTimeout(r, Math.max(0, sliceMs - (Date.now() - sliceStart))));
  }
  console.log('replay done: the outages resolve by themselves over the next minutes');
  if (!verify) return;
  const verdict = await verifyReplay(api, plan, started, lastReportAt);
  console.log(`\n${formatVerdict(verdict)}`);
  if (!verdict.passed) process.exitCode = 1;
}

async function report(service: ServiceRow, address: string): Promise<boolean> {
  const problem = pickProblem(service);
  const res = await fetch(`${api}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address, 'user-agent': pickUserAgent() },
    body: JSON.stringify({ service: service.slug, problem }),
    signal: AbortSignal.timeout(5000),
  }).catch(() => null);
  return res?.status === 202;
}

/** The first problem types are reported most (the catalogue lists them most common first). */
function pickProblem(service: ServiceRow): string {
  const weights = service.problems.map((_, i) => 1 / (i + 1));
  let r = Math.random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) if ((r -= weights[i]!) <= 0) return service.problems[i]!;
  return service.problems[0]!;
}

main().catch((err: Error) => {
  console.error(`demo: ${err.message}`);
  process.exit(1);
});
