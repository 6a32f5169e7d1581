// How many reports the stack takes in a flood, as during a Meta-scale outage: `npm run bench:intake`
// (REPORTS=20000, CONCURRENCY=64 by default). Starts the real API and worker on a fresh schema,
// posts reports from distinct addresses over loopback (half with a browser position, half placed
// by GeoIP), and measures how fast the API answers 202 and how soon the worker has stored them all.
// Prints figures; asserts nothing. Traffic goes to 127.0.0.1 only and stops after REPORTS requests.
import { catalogue } from '../prisma/catalogue';
import { startStack, type Stack } from './bench-support/start-stack';

const reports = Number(process.env.REPORTS ?? 20_000);
const concurrency = Number(process.env.CONCURRENCY ?? 64);
const port = Number(process.env.BENCH_PORT ?? 3190);
const warmup = 500;

// Most reports in a big outage are for a few services.
const services = catalogue.filter((s) => ['whatsapp', 'facebook', 'instagram', 'messenger', 'telegram', 'jio'].includes(s.slug));
const firstOctets = [103, 49, 2, 41, 196, 37, 86];

function reportBody(i: number): { body: string; address: string } {
  const service = services[i % services.length]!;
  const problem = service.problems[i % service.problems.length]!;
  const location = i % 2 === 0 ? { location: { lat: 23.8 + (i % 50) / 100, lon: 90.4 + (i % 70) / 100 } } : {};
  const address = `${firstOctets[i % firstOctets.length]}.${(i >> 8) & 255}.${i & 255}.${((i >> 16) & 127) + 1}`;
  return { body: JSON.stringify({ service: service.slug, problem, ...location }), address };
}

async function post(baseUrl: string, i: number): Promise<{ status: number; ms: number }> {
  const { body, address } = reportBody(i);
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - t0 };
}

/** Sends reports first..first+count-1 with `concurrency` in flight at a time. */
async function flood(baseUrl: string, first: number, count: number) {
  const results: { status: number; ms: number }[] = [];
  let next = first;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < first + count) results.push(await post(baseUrl, next++));
    }),
  );
  return { results, seconds: (performance.now() - t0) / 1000 };
}

/** The worker has them all once the table holds every accepted report (or the time is up). */
async function waitForStored(stack: Stack, rows: number, withinMs: number): Promise<void> {
  const until = performance.now() + withinMs;
  while ((await stack.db.report.count()) < rows && performance.now() < until) await new Promise((r) => setTimeout(r, 100));
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function main(): Promise<void> {
  const stack = await startStack({ port, worker: true, env: { REPORTS_PER_MINUTE: '10000000' } });
  try {
    const warm = await flood(stack.baseUrl, 0, warmup);
    const warmAccepted = warm.results.filter((r) => r.status === 202).length;
    await waitForStored(stack, warmAccepted, 60_000);
    const stored0 = await stack.db.report.count();
    const t0 = performance.now();
    const { results, seconds } = await flood(stack.baseUrl, warmup, reports);
    const accepted = results.filter((r) => r.status === 202).length;
    await waitForStored(stack, stored0 + accepted, 300_000);
    const storedSeconds = (performance.now() - t0) / 1000;
    const stored = (await stack.db.report.count()) - stored0;

    const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
    const statuses = Object.entries(results.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {}));
    console.log(`intake: ${reports} reports, ${concurrency} in flight, API and worker on this machine (loopback)`);
    console.table({
      'answered (202 = queued)': statuses.map(([s, n]) => `${s}: ${n}`).join(', '),
      'reports accepted per second': Math.round(accepted / seconds),
      'latency p50 / p95 / p99 (ms)': `${pct(latencies, 50).toFixed(1)} / ${pct(latencies, 95).toFixed(1)} / ${pct(latencies, 99).toFixed(1)}`,
      'stored in PostgreSQL': `${stored} of ${accepted}`,
      'all stored after (s)': storedSeconds.toFixed(1),
      'stored per second, end to end': Math.round(stored / storedSeconds),
    });
  } finally {
    await stack.stop();
  }
}

main().catch((err: Error) => {
  console.error(`bench:intake: ${err.message}`);
  process.exit(1);
});
