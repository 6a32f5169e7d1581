// `npm run soak`: the real API and worker under steady load with an outage spike in the middle, for
// a few minutes (SOAK_SECONDS, default 180). Samples memory of both processes, the Redis keys of the
// stack and the queue depth every 10 s, then waits for the queue to drain and says what was lost.
// A benchmark: it prints figures and asserts nothing.
import { readFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { reportsQueueName, redisKeys } from '@outage-radar/shared';
import { catalogue } from '../prisma/catalogue';
import { startStack, type Stack } from './bench-support/start-stack';

const seconds = Number(process.env.SOAK_SECONDS ?? 180);
const steadyPerSecond = Number(process.env.SOAK_RATE ?? 60);
const spikePerSecond = Number(process.env.SOAK_SPIKE_RATE ?? 400);
const port = Number(process.env.SOAK_PORT ?? 3997);
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const services = catalogue.map((s) => s);
const spiked = catalogue.filter((s) => ['whatsapp', 'facebook', 'instagram'].includes(s.slug));

const rssMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
};

/** The API's own figure for its JavaScript heap in use (RSS alone also counts what V8 has not given back yet). */
async function apiHeapMb(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('outage_radar_api_nodejs_heap_size_used_bytes'));
  return Math.round(Number(line?.split(' ')[1] ?? 0) / 1048576);
}

async function countKeys(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let total = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5000);
    cursor = next;
    total += keys.length;
  } while (cursor !== '0');
  return total;
}

let sequence = 0;
/** A report from an address of its own: the soak measures the pipeline, not the flood rules. */
async function post(baseUrl: string, service: (typeof catalogue)[number], statuses: Record<number, number>): Promise<void> {
  const i = sequence++;
  const address = `${11 + (i % 200)}.${(i >> 8) & 255}.${i & 255}.${1 + ((i >> 16) & 127)}`;
  const problem = service.problems[i % service.problems.length]!;
  try {
    const res = await fetch(`${baseUrl}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address, 'user-agent': `soak/${i % 50}` },
      body: JSON.stringify({ service: service.slug, problem }),
    });
    await res.arrayBuffer();
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  } catch {
    statuses[0] = (statuses[0] ?? 0) + 1;
  }
}

async function main(): Promise<void> {
  const stack: Stack = await startStack({ port, worker: true, env: { REPORTS_PER_MINUTE: '1000000', REPORTS_PER_MINUTE_PER_NETWORK: '1000000' } });
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const keys = redisKeys(stack.redisPrefix);
  const queue = new Queue(reportsQueueName, { connection: redis, prefix: keys.queuePrefix });
  const statuses: Record<number, number> = {};
  const samples: Record<string, string | number>[] = [];
  const inFlight = new Set<Promise<void>>();
  const started = Date.now();
  const spikeFrom = seconds * 0.4;
  const spikeTo = spikeFrom + Math.min(30, seconds * 0.2);
  try {
    const sampler = setInterval(() => {
      void Promise.all([countKeys(redis, stack.redisPrefix), queue.getJobCounts('waiting', 'active', 'delayed', 'failed'), apiHeapMb(stack.baseUrl)]).then(
        ([redisKeyCount, counts, heapMb]) => {
          samples.push({
            t: Math.round((Date.now() - started) / 1000),
            'api MB': rssMb(stack.pids[0]!),
            'api heap used MB': heapMb,
            'worker MB': rssMb(stack.pids[1]!),
            'redis keys': redisKeyCount,
            'queue depth': (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0),
            failed: counts.failed ?? 0,
          });
        },
      );
    }, 10_000);
    // One tick a 20th of a second: the steady load spread over services, the spike on three of Meta's.
    for (let tick = 0; (Date.now() - started) / 1000 < seconds; tick++) {
      const elapsed = (Date.now() - started) / 1000;
      const spiking = elapsed >= spikeFrom && elapsed < spikeTo;
      const batch = [
        ...Array.from({ length: Math.round(steadyPerSecond / 20) }, () => services[Math.floor(Math.random() * services.length)]!),
        ...(spiking ? Array.from({ length: Math.round(spikePerSecond / 20) }, (_, k) => spiked[k % spiked.length]!) : []),
      ];
      for (const service of batch) {
        const p = post(stack.baseUrl, service, statuses).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + (tick + 1) * 50 - Date.now())));
    }
    await Promise.all(inFlight);
    const drainStarted = Date.now();
    for (;;) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed');
      if ((counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) === 0 || Date.now() - drainStarted > 120_000) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    clearInterval(sampler);
    const accepted = statuses[202] ?? 0;
    const stored = await stack.db.report.count();
    const failed = (await queue.getJobCounts('failed')).failed ?? 0;
    console.log(
      `soak: ${seconds} s, ${steadyPerSecond} reports/s steady, ${spikePerSecond}/s more for ${Math.round(spikeTo - spikeFrom)} s from ${Math.round(spikeFrom)} s`,
    );
    console.table(samples);
    console.table({
      answered: Object.entries(statuses)
        .map(([s, n]) => `${s}: ${n}`)
        .join(', '),
      'stored in PostgreSQL': `${stored} of ${accepted} accepted`,
      'lost (accepted, not stored)': accepted - stored,
      'failed jobs': failed,
      'queue drained after the load (s)': ((Date.now() - drainStarted) / 1000).toFixed(1),
      'redis keys at the end': await countKeys(redis, stack.redisPrefix),
      // Every country and network a service hears from becomes a detector series the worker keeps.
      'detector series': await redis.hlen(keys.detectorStates),
    });
  } finally {
    await queue.close();
    redis.disconnect();
    await stack.stop();
  }
}

main().catch((err: Error) => {
  console.error(`soak: ${err.message}`);
  process.exit(1);
});
