import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { reportsQueueName, type ReportJob } from '@outage-radar/shared';
import { startTestApi, testService, type TestApi } from './harness';

const service = testService();
const adminToken = 'admin-token-for-tests-0123456789';

/** A GET with headers fetch won't send (Host); resolves with status, headers and body. */
function get(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}${path}`, { headers }, (res) => {
      let body = '';
      res
        .setEncoding('utf8')
        .on('data', (c: string) => {
          body += c;
        })
        .on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject).end();
  });
}

/** Writes `head` (and no more) on a raw connection; resolves with what came back once the server closed it, or rejects after `ms`. */
function rawExchange(baseUrl: string, head: string, ms: number): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(head));
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connection still open after ${ms} ms`));
    }, ms);
    socket
      .setEncoding('utf8')
      .on('data', (c: string) => {
        received += c;
      })
      .on('close', () => {
        clearTimeout(timer);
        resolve(received);
      })
      .on('error', () => undefined);
  });
}

describe('secure by default', () => {
  let plain: TestApi;
  let configured: TestApi;

  beforeAll(async () => {
    plain = await startTestApi([service], { HTTP_REQUEST_TIMEOUT_MS: '1500', HTTP_HEADERS_TIMEOUT_MS: '1500' });
    configured = await startTestApi([service], { PUBLIC_URL: 'https://radar.example.org', ADMIN_TOKEN: adminToken });
  });
  afterAll(async () => {
    await plain.stop();
    await configured.stop();
  });

  it('works over plain HTTP by any host name: no upgrade to https unless the site is served over it', async () => {
    const overHttp = await get(plain.baseUrl, '/healthz', { host: 'radar.lan:3000' });
    expect(overHttp.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(overHttp.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    expect(overHttp.headers['strict-transport-security']).toBeUndefined();
    expect(overHttp.headers['cross-origin-opener-policy']).toBeUndefined();
    // Behind a proxy on this machine that says the request came over HTTPS.
    const proxied = await get(plain.baseUrl, '/healthz', { 'x-forwarded-proto': 'https' });
    expect(proxied.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
    const declared = await get(configured.baseUrl, '/healthz', {});
    expect(declared.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
  });

  it('never builds an absolute URL from request headers in cacheable responses', async () => {
    const poison = { host: 'evil.example', 'x-forwarded-proto': 'javascript', 'x-forwarded-host': 'evil.example' };
    for (const path of ['/widget.js', `/embed/${service.slug}`]) {
      const res = await get(plain.baseUrl, path, poison);
      expect(res.status).toBe(200);
      expect(res.body).not.toContain('evil.example');
      expect(res.body).not.toContain('javascript://');
      const pinned = await get(configured.baseUrl, path, poison);
      expect(pinned.body).toContain('https://radar.example.org');
      expect(pinned.body).not.toContain('evil.example');
    }
  });

  it('serves /metrics to this machine or the admin token only', async () => {
    expect((await get(plain.baseUrl, '/metrics', {})).status).toBe(200);
    const relayed = await get(plain.baseUrl, '/metrics', { 'x-forwarded-for': '198.51.100.1' });
    expect(relayed.status).toBe(404);
    expect(relayed.body).not.toContain('outage_radar');
    expect((await get(configured.baseUrl, '/metrics', { 'x-forwarded-for': '198.51.100.1', authorization: `Bearer ${adminToken}` })).status).toBe(200);
    expect((await get(configured.baseUrl, '/metrics', { 'x-forwarded-for': '198.51.100.1', authorization: 'Bearer wrong' })).status).toBe(404);
  });

  it('refuses a body declared too large before reading it, and closes the connection', async () => {
    const answer = await rawExchange(
      plain.baseUrl,
      `POST /api/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 999999999\r\n\r\n{"service":`,
      5000,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toContain('application/problem+json');
  });

  it('drops a body that trickles in, after the request timeout', async () => {
    const answer = await rawExchange(
      plain.baseUrl,
      `POST /api/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`,
      10_000,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408|^$/);
  });

  it('has no admin routes without a token, and lists and replays failed reports with one', async () => {
    expect((await fetch(`${plain.baseUrl}/api/admin/failed-reports`)).status).toBe(404);
    expect((await fetch(`${configured.baseUrl}/api/admin/failed-reports`)).status).toBe(401);
    expect((await fetch(`${configured.baseUrl}/api/admin/failed-reports`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);

    // A report the worker gave up on: its job in the failed set.
    const queue = new Queue<ReportJob>(reportsQueueName, { connection: configured.redis, prefix: configured.keys.queuePrefix });
    const id = crypto.randomUUID();
    const job: ReportJob = {
      id,
      service: service.slug,
      problem: 'login',
      reportedAt: Date.now(),
      cell: null,
      lat: null,
      lon: null,
      country: null,
      city: null,
      asn: null,
      placeSource: 'none',
      comment: null,
      clientHash: null,
      filtered: null,
    };
    const workerConnection = configured.redis.duplicate();
    const failing = new Worker<ReportJob>(
      reportsQueueName,
      async () => {
        throw new UnrecoverableError('refused by the database (22021)');
      },
      { connection: workerConnection, prefix: configured.keys.queuePrefix },
    );
    const failed = new Promise<void>((resolve) => failing.on('failed', () => resolve()));
    await queue.add('persist-report', job, { jobId: id });
    await failed;
    await failing.close();
    workerConnection.disconnect();

    const auth = { authorization: `Bearer ${adminToken}` };
    const listed = (await (await fetch(`${configured.baseUrl}/api/admin/failed-reports`, { headers: auth })).json()) as {
      total: number;
      reports: { id: string; failedReason: string }[];
    };
    expect(listed.total).toBe(1);
    expect(listed.reports[0]).toMatchObject({ id, failedReason: 'refused by the database (22021)' });
    const replay = await fetch(`${configured.baseUrl}/api/admin/failed-reports/replay`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [id, crypto.randomUUID()] }),
    });
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as { replayed: string[] }).replayed).toEqual([id]);
    expect(await (await queue.getJob(id))?.getState()).toBe('waiting');
    await queue.close();
  });
});
