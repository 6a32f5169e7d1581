import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { listOpenOutages } from '@outage-radar/db';
import { minuteMs, toBucketStart, type ServiceDetail } from '@outage-radar/shared';
import { databaseUrl, postReport, redisUrl, startTestApi, testService, tsEntry, type TestApi } from './harness';

const root = join(__dirname, '../../..');
// Three services with the same quiet history; one carrier with a busy one.
const flooded = testService();
const control = testService();
const carrier = testService();

/** Posts `count` reports, `concurrency` at a time, from the address `addressOf(i)`; returns the statuses. */
async function postMany(api: TestApi, slug: string, count: number, addressOf: (i: number) => string, concurrency = 32): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const res = await postReport(api.baseUrl, { service: slug, problem: 'login' }, { 'x-forwarded-for': addressOf(i) });
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      }
    }),
  );
  return statuses;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 45_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('reports from one source, through the worker and the detector', () => {
  let api: TestApi;
  let worker: ChildProcess;

  beforeAll(async () => {
    api = await startTestApi([flooded, control, carrier]);
    // Three quiet hours: one report every ten minutes; the carrier 60 a minute, one in ten from Jio.
    const now = toBucketStart(Date.now());
    const rows = [];
    for (let t = now - 180 * minuteMs; t < now - 2 * minuteMs; t += minuteMs) {
      if ((t / minuteMs) % 10 === 0) for (const s of [flooded, control]) rows.push({ serviceSlug: s.slug, bucketStart: new Date(t), scope: 'all', count: 1 });
      rows.push({ serviceSlug: carrier.slug, bucketStart: new Date(t), scope: 'all', count: 60 });
      if ((t / minuteMs) % 10 === 0) rows.push({ serviceSlug: carrier.slug, bucketStart: new Date(t), scope: 'asn:55836', count: 1 });
    }
    await api.db.bucketCount.createMany({ data: rows });
    const url = new URL(databaseUrl);
    url.searchParams.set('schema', api.schema);
    worker = spawn(process.execPath, tsEntry(join(root, 'apps/worker/src/main.ts')), {
      env: { ...process.env, DATABASE_URL: url.toString(), REDIS_URL: redisUrl, REDIS_PREFIX: api.prefix, LOG_LEVEL: 'info', DETECTOR_TICK_SECONDS: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      worker.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('worker started')) resolve();
      });
      worker.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });
  }, 60_000);
  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      worker.kill('SIGTERM');
      await once(worker, 'exit');
    }
    await api.stop();
  });

  it('lets a burst from one network prefix open no outage, while as many people on their own networks do', async () => {
    // 300 reports from 300 addresses of one /24 (a single machine with many addresses), and 25 people on 25 networks.
    const fromOnePrefix = await postMany(api, flooded.slug, 300, (i) => `203.0.113.${(i % 254) + 1}`);
    const fromMany = await postMany(api, control.slug, 25, (i) => `${11 + i}.20.30.40`);
    expect(fromMany).toEqual({ 202: 25 });
    // The network's rate limit refuses most; of those taken, only the first few count.
    expect(fromOnePrefix[202]).toBeLessThanOrEqual(120);

    const open = await until('the control outage', async () => {
      const outages = await listOpenOutages(api.db);
      return outages.some((o) => o.serviceSlug === control.slug && o.phase === 'outage') ? outages : null;
    });
    // A few more ticks, then the flooded service must still have none.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const after = await listOpenOutages(api.db);
    expect(after.filter((o) => o.serviceSlug === flooded.slug && o.phase !== 'suspected')).toEqual([]);
    expect(open.some((o) => o.serviceSlug === control.slug)).toBe(true);

    const detail = (await (await fetch(`${api.baseUrl}/api/services/${flooded.slug}`)).json()) as ServiceDetail;
    const accepted = fromOnePrefix[202] ?? 0;
    await until('filtered reports stored', async () => {
      const d = (await (await fetch(`${api.baseUrl}/api/services/${flooded.slug}`)).json()) as ServiceDetail;
      return d.filteredLastDay === accepted - 5 ? d : null;
    });
    // Stored, all of them, and none with its address.
    const [row] = await api.db.$queryRawUnsafe<{ stored: bigint; withAddress: bigint }[]>(
      `SELECT count(*) AS stored, count(*) FILTER (WHERE row_to_json(r)::text LIKE '%203.0.113%') AS "withAddress" FROM reports r WHERE service_slug = $1`,
      flooded.slug,
    );
    expect(Number(row?.stored)).toBe(accepted);
    expect(Number(row?.withAddress)).toBe(0);
    console.log(
      `flood: 300 reports from one /24 → ${accepted} accepted, 5 counted, ${accepted - 5} stored but filtered; reports last hour ${detail.reportsLastHour}; no outage opened, while 25 reports from 25 networks opened one`,
    );
  }, 90_000);

  it('opens the outage of one carrier reported from 300 prefixes of its AS', async () => {
    // Jio (AS55836) holds 49.32.0.0 to 49.44.255.255 in the bundled table: 300 different /24s of it.
    const statuses = await postMany(api, carrier.slug, 300, (i) => `49.${36 + (i >> 8)}.${i & 255}.${7 + (i % 5)}`);
    expect(statuses).toEqual({ 202: 300 });
    const outage = await until('the carrier outage', async () => {
      const outages = await listOpenOutages(api.db);
      return outages.find((o) => o.serviceSlug === carrier.slug && o.regionKey === 'asn:55836' && o.phase === 'outage');
    });
    expect(outage).toBeTruthy();
    console.log('flood: 300 reports from 300 prefixes of AS55836 → all counted, the network outage opened');
  }, 90_000);
});
