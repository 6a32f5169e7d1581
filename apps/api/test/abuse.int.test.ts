import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { createApp, type App } from '../src/app';
import { loadEnv } from '../src/env';
import { createLogger } from '../src/logger';
import { freePort, postReport, redisUrl, startTestApi, testService, type TestApi } from './harness';

const service = testService();
const other = testService();
const botTarget = testService();
const popular = testService();

/** The value of the reporter cookie a response sets. */
const reporterCookieOf = (res: Response) => /or_reporter=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];

describe('abuse rules at intake', () => {
  let api: TestApi;
  const logLines: string[] = [];
  let loggedApp: App;
  let loggedUrl: string;
  let loggedRedis: Redis;

  beforeAll(async () => {
    api = await startTestApi([service, other, botTarget, popular]);
    // A second API on the same stores, logging at debug into memory, to read what it writes.
    loggedRedis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    const env = loadEnv({ LOG_LEVEL: 'debug', REDIS_PREFIX: api.prefix, WEB_DIST: '/nonexistent', PORT: '0', ASN_TABLE: 'off' });
    loggedApp = createApp({ env, db: api.db, redis: loggedRedis, log: createLogger('debug', sink), clientSecret: 'logged-test-secret-0123456789' });
    const port = await freePort();
    await new Promise<void>((resolve) => loggedApp.http.listen(port, '127.0.0.1', resolve));
    loggedUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await loggedApp.close();
    loggedRedis.disconnect();
    await api.stop();
  });

  const jobsOf = async (slug: string) =>
    (await api.queue.getJobs(['waiting', 'active', 'delayed', 'completed', 'failed'])).filter((j) => j.data.service === slug);

  it('refuses a comment PostgreSQL could not store, naming the field, and queues nothing', async () => {
    const before = (await jobsOf(service.slug)).length;
    const res = await postReport(api.baseUrl, { service: service.slug, problem: 'login', comment: 'down\u0000' }, { 'x-forwarded-for': '198.51.100.9' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['comment']);
    expect((await jobsOf(service.slug)).length).toBe(before);
  });

  it('counts a few reports from one IPv6 /48 and refuses or discounts the rest of 5,120 in a minute', async () => {
    const statuses: Record<number, number> = {};
    let next = 0;
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (next < 5120) {
          const i = next++;
          // Every report from an address of its own, in a /64 of its own, all in 2001:db8:5::/48.
          const address = `2001:db8:5:${(i & 0xffff).toString(16)}::${(i + 1).toString(16)}`;
          const res = await postReport(api.baseUrl, { service: other.slug, problem: 'app' }, { 'x-forwarded-for': address });
          await res.arrayBuffer();
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        }
      }),
    );
    const jobs = await jobsOf(other.slug);
    const counted = jobs.filter((j) => !j.data.filtered).length;
    console.log(`abuse: 5120 reports from one /48 → statuses ${JSON.stringify(statuses)}, ${jobs.length} queued, ${counted} counted`);
    expect(statuses[202]).toBe(jobs.length);
    expect(jobs.length).toBeLessThanOrEqual(120);
    expect(counted).toBe(5);
    expect(jobs.filter((j) => j.data.filtered).every((j) => j.data.filtered === 'prefix-flood')).toBe(true);
  }, 60_000);

  it('discounts one user agent past its share, but not the one browser most real reporters share', async () => {
    const send = (slug: string, i: number, agent: string) =>
      postReport(api.baseUrl, { service: slug, problem: 'login' }, { 'x-forwarded-for': `${20 + (i % 150)}.${i >> 7}.7.9`, 'user-agent': agent }).then(
        (r) => r.status,
      );
    // A botnet: 100 networks, one user agent.
    const bot = await Promise.all(Array.from({ length: 100 }, (_, i) => send(botTarget.slug, i, 'curl/8.5.0')));
    // A real outage: 100 people, 45 of them on the reduced Chrome-on-Android string.
    const chrome = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Mobile Safari/537.36';
    const people = await Promise.all(Array.from({ length: 100 }, (_, i) => send(popular.slug, i, i % 20 < 9 ? chrome : `Browser/${i}`)));
    expect(new Set([...bot, ...people])).toEqual(new Set([202]));
    const botJobs = await jobsOf(botTarget.slug);
    const peopleJobs = await jobsOf(popular.slug);
    const countedBot = botJobs.filter((j) => !j.data.filtered).length;
    console.log(
      `abuse: one user agent from 100 networks → ${countedBot} of 100 counted; 100 people, 45% on one browser → ${peopleJobs.filter((j) => !j.data.filtered).length} of 100 counted`,
    );
    expect(countedBot).toBe(30);
    expect(botJobs.filter((j) => j.data.filtered === 'agent-flood')).toHaveLength(70);
    expect(peopleJobs.filter((j) => j.data.filtered)).toEqual([]);
  });

  it('recognises a person by the id it gave them, on any network, and lets neighbours behind one address report', async () => {
    const first = await postReport(api.baseUrl, { service: service.slug, problem: 'messages' }, { 'x-forwarded-for': '192.0.2.10' });
    expect(first.status).toBe(202);
    const token = reporterCookieOf(first);
    expect(token).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{22}$/);
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    // The same browser, now on mobile data: the same person.
    const again = await postReport(
      api.baseUrl,
      { service: service.slug, problem: 'login' },
      { 'x-forwarded-for': '100.64.9.9', cookie: `or_reporter=${token}` },
    );
    expect(again.status).toBe(429);
    // Without its id, the same address is the same person; a forged id changes nothing.
    const bare = await postReport(api.baseUrl, { service: service.slug, problem: 'login' }, { 'x-forwarded-for': '192.0.2.10' });
    expect(bare.status).toBe(429);
    const forged = await postReport(
      api.baseUrl,
      { service: service.slug, problem: 'login' },
      { 'x-forwarded-for': '192.0.2.10', cookie: `or_reporter=${'0'.repeat(36)}.${'x'.repeat(22)}` },
    );
    expect(forged.status).toBe(429);
    // A neighbour behind the same carrier-grade NAT address, with an id of their own from another report.
    const neighbour = reporterCookieOf(await postReport(api.baseUrl, { service: other.slug, problem: 'app' }, { 'x-forwarded-for': '198.18.7.7' }));
    const theirs = await postReport(
      api.baseUrl,
      { service: service.slug, problem: 'messages' },
      { 'x-forwarded-for': '192.0.2.10', cookie: `or_reporter=${neighbour}` },
    );
    expect(theirs.status).toBe(202);
  });

  it('keeps no address in Redis key names, queued jobs or logs', async () => {
    const address = '203.0.113.200';
    for (let i = 0; i < 3; i++) {
      const res = await postReport(
        loggedUrl,
        { service: service.slug, problem: 'app' },
        { 'x-forwarded-for': `${address}, 10.0.0.1`, 'x-request-id': `<script>${'x'.repeat(100)}` },
      );
      await res.arrayBuffer();
    }
    await fetch(`${loggedUrl}/api/services/${service.slug}`, { headers: { 'x-forwarded-for': address } });
    const keys = await api.redis.keys(`${api.prefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => k.includes('203.0.113') || k.includes('192.0.2') || k.includes('2001:db8'))).toEqual([]);
    const jobs = await api.queue.getJobs(['waiting', 'active', 'delayed', 'completed', 'failed']);
    expect(jobs.filter((j) => JSON.stringify(j.data).includes('203.0.113'))).toEqual([]);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((l) => l.includes('203.0.113') || l.includes('or_reporter'))).toEqual([]);
    // A request id that is not a short token is replaced, not written into the logs.
    expect(logLines.filter((l) => l.includes('<script>'))).toEqual([]);
    console.log(`abuse: ${keys.length} Redis keys, ${jobs.length} jobs, ${logLines.length} log lines read; none holds an address`);
  });
});
